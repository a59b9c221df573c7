import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from '../../server/webhooks/webhook-signature.ts';
import { nextAttemptAt } from '../../server/webhooks/webhook-post.ts';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"id":"HN-01:2026-11-23:5","type":"ticket.called"}';

  it('is HMAC-SHA256 of "<time>.<body>", as docs/integration.md tells receivers', () => {
    const header = signWebhook(secret, body, 1_796_000_000);
    const expected = createHmac('sha256', secret).update(`1796000000.${body}`).digest('hex');
    expect(header).toBe(`t=1796000000,v1=${expected}`);
    expect(verifyWebhook(secret, body, header, 1_796_000_010)).toBe(true);
  });

  it('fails for another body, another secret, or an old request replayed', () => {
    const header = signWebhook(secret, body, 1_796_000_000);
    expect(verifyWebhook(secret, `${body} `, header, 1_796_000_000)).toBe(false);
    expect(verifyWebhook('whsec_other', body, header, 1_796_000_000)).toBe(false);
    expect(verifyWebhook(secret, body, header, 1_796_000_000 + 3600)).toBe(false);
    expect(verifyWebhook(secret, body, 'v1=abc', 1_796_000_000)).toBe(false);
  });

  it('retries for about a day, then gives up', () => {
    const now = 0;
    const due = Array.from({ length: 12 }, (_, i) => nextAttemptAt(i + 1, now));
    expect(due[0]).toBe(2_000);
    expect(due.filter((d) => d !== null).reduce((a, b) => Math.max(a!, b!), 0)).toBeLessThanOrEqual(24 * 3_600_000);
    expect(due.at(-1)).toBeNull();
  });
});
