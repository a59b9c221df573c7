import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature header of a webhook request: `t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 * `"<t>.<body>"` with the webhook's secret. The time inside the signed text lets a receiver
 * refuse an old request replayed later.
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmac(secret, unixSeconds, body)}`;
}

/** Checks a signature header as a receiver would; `toleranceSeconds` bounds a replay. */
export function verifyWebhook(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(m[2]!, 'hex'), Buffer.from(hmac(secret, t, body), 'hex'));
}

function hmac(secret: string, t: number, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}
