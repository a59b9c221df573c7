import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../protocol/admin.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import { DEFAULT_VOICE_CONFIG } from '../../protocol/voice/voice-config.ts';
import { command, nextEvent, TestServer } from '../support/test-server.ts';

interface PublicSite {
  announcement: typeof DEFAULT_VOICE_CONFIG;
  configVersion: string;
}

describe('centre announcement settings', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.close();
  });

  const site = async (): Promise<PublicSite> => {
    const r = await server.request<PublicSite>('GET', '/api/site');
    if (!r.body.ok) throw new Error(`GET /api/site failed: ${r.body.error.code}`);
    return r.body.value;
  };
  const centre = async () => {
    const r = await server.request<SiteConfig>('GET', '/api/config', undefined, admin);
    if (!r.body.ok) throw new Error('no config');
    return r.body.value.centre;
  };

  it('serves the voice defaults for a config that never set them', async () => {
    expect((await site()).announcement).toEqual(DEFAULT_VOICE_CONFIG);
  });

  it('refuses a template without {number}, in the admin language, and changes nothing', async () => {
    const before = await site();
    const body = { ...(await centre()), announcement: { template: 'Mời công dân đến quầy số {counter}', repeat: 2 } };
    const vi = await server.request('PUT', '/api/config/centre', body, admin);
    expect(vi.status).toBe(400);
    if (vi.body.ok) throw new Error('accepted');
    expect(vi.body.error.code).toBe('admin:config.invalid');
    expect(vi.body.error.message).toContain('Mẫu câu thông báo phải có {number}');
    expect(vi.body.error.message).not.toContain('voice:config');

    const res = await fetch(`${server.url}/api/config/centre`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'accept-language': 'en' },
      body: JSON.stringify(body),
    });
    const en = (await res.json()) as { ok: boolean; error?: { message: string } };
    expect(en.ok).toBe(false);
    expect(en.error?.message).toContain('The announcement template must contain {number}');

    expect(await site()).toEqual(before);
    const audit = await server.request<AuditEntry[]>('GET', '/api/audit', undefined, admin);
    if (!audit.body.ok) throw new Error('no audit');
    expect(audit.body.value.some((e) => e.action === 'config.centre')).toBe(false);
  });

  it('refuses a sentence with phrases no voice can say, naming them, and changes nothing', async () => {
    const before = await site();
    const body = { ...(await centre()), announcement: { recallTemplate: 'Xin mời lại số {number} tới bàn {counter}' } };
    const refused = await server.request('PUT', '/api/config/centre', body, admin);
    expect(refused.status).toBe(400);
    if (refused.body.ok) throw new Error('accepted');
    expect(refused.body.error.code).toBe('voice:config.missing_clips');
    expect(refused.body.error.message).toContain('«Xin mời lại số», «tới bàn»');
    expect(refused.body.error.message).toContain('trang Giọng đọc');
    expect(await site()).toEqual(before);
  });

  it("saves a good announcement, audited, serves it on /api/site and moves the boards' config version", async () => {
    const display = await server.socket();
    const subscribed = await command(display, 'display:subscribe', {});
    if (!subscribed.ok) throw new Error('no subscribe');
    const before = await site();
    expect(subscribed.value.configVersion).toBe(before.configVersion);

    const announcement = {
      template: '{number} đến quầy số {counter}',
      english: true,
      voice: 'vi-vn-x-south',
      repeat: 3,
      volume: 0.6,
      zeroTens: 'lẻ',
      thousand: 'ngàn',
      fourAfterTens: 'bốn',
    };
    const pushed = nextEvent(display, 'display:snapshot', (v) => v.configVersion !== before.configVersion);
    const put = await server.request('PUT', '/api/config/centre', { ...(await centre()), announcement }, admin);
    expect(put.status).toBe(200);

    const after = await site();
    expect(after.announcement).toEqual({ ...DEFAULT_VOICE_CONFIG, ...announcement, dialect: 'south' });
    expect(after.configVersion).not.toBe(before.configVersion);
    expect((await pushed).configVersion).toBe(after.configVersion);
    const audit = await server.request<AuditEntry[]>('GET', '/api/audit', undefined, admin);
    if (!audit.body.ok) throw new Error('no audit');
    expect(audit.body.value.some((e) => e.action === 'config.centre')).toBe(true);
    display.close();
  });
});
