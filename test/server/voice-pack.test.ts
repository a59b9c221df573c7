import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../server/voice/loudness.ts';
import { readWav } from '../../protocol/voice/wav-file.ts';
import type { AuditEntry } from '../../protocol/admin.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import { spokenWav, useSmallCentre } from '../support/spoken-sample.ts';
import { command, nextEvent, TestServer } from '../support/test-server.ts';
import type { RecordedPackManifest, VoicePackStatus } from '../../protocol/voice/voice-pack.ts';

describe('recorded voice pack', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
    await useSmallCentre(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  const upload = (id: string, body: Uint8Array<ArrayBuffer>, token: string | null = admin) =>
    fetch(`${server.url}/api/voice-pack/clips/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'audio/wav', ...(token && { authorization: `Bearer ${token}` }) },
      body,
    });
  const status = async (): Promise<VoicePackStatus> => {
    const r = await server.request<VoicePackStatus>('GET', '/api/voice-pack', undefined, admin);
    if (!r.body.ok) throw new Error(r.body.error.message);
    return r.body.value;
  };
  const site = async () => {
    const r = await server.request<{ voicePack: { complete: { vi: boolean } } | null; configVersion: string }>('GET', '/api/site');
    if (!r.body.ok) throw new Error('no site');
    return r.body.value;
  };

  it('lists the clips the centre’s sentences and numbers need, none recorded yet', async () => {
    const pack = await status();
    expect(pack.clips.map((c) => c.text)).toEqual([
      'Mời công dân số',
      'đến quầy số',
      'Nhắc lại, mời công dân số',
      'Số',
      'quầy',
      'Nhắc lại số',
      'một',
      'hai',
      'ba',
    ]);
    expect(pack.missing).toEqual({ vi: 9, en: 0 });
    expect(pack.complete).toEqual({ vi: false, en: false });
    expect((await site()).voicePack).toBeNull();
  });

  it('refuses what cannot make a good clip, saying why, and keeps nothing', async () => {
    const refusal = async (body: Uint8Array<ArrayBuffer>) => {
      const res = await upload('vi:một', body);
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { code: string; message: string } }).error;
    };
    expect((await refusal(new TextEncoder().encode('OggS'))).code).toBe('voice:pack.not_wav');
    expect((await refusal(spokenWav({ loudnessLufs: -75 }))).code).toBe('voice:pack.silent');
    const silentMessage = await refusal(spokenWav({ loudnessLufs: -75 }));
    expect(silentMessage.message).toBe('Bản ghi không có tiếng: hãy kiểm tra micrô.');
    expect((await refusal(spokenWav({ overloaded: true }))).code).toBe('voice:pack.clipped');
    expect((await refusal(spokenWav({ seconds: 7 }))).code).toBe('voice:pack.too_long');
    expect((await upload('vi:', spokenWav())).status).toBe(400);
    expect((await upload('vi:một', spokenWav(), null)).status).toBe(401);
    expect((await status()).clips.every((c) => c.recorded === null)).toBe(true);
  });

  it('trims and levels a recording, keeps it, serves it to boards and tells them', async () => {
    const display = await server.socket();
    const subscribed = await command(display, 'display:subscribe', {});
    if (!subscribed.ok) throw new Error('no subscribe');
    const pushed = nextEvent(display, 'display:snapshot', (s) => s.configVersion !== subscribed.value.configVersion);

    const res = await upload('vi:một', spokenWav({ seconds: 0.6, silence: 0.5, loudnessLufs: -38 }));
    expect(res.status).toBe(200);
    const clip = (await status()).clips.find((c) => c.id === 'vi:một')!.recorded!;
    expect(clip.loudnessLufs).toBeCloseTo(-23, 0);
    expect(clip.gainDb).toBeGreaterThan(10);
    expect(clip.trimmedMs).toBeGreaterThan(850);
    expect(clip.durationMs).toBeLessThan(700);

    const file = await fetch(server.url + clip.url);
    expect(file.headers.get('cache-control')).toContain('immutable');
    const wav = readWav(new Uint8Array(await file.arrayBuffer()));
    if (!wav.ok) throw new Error(wav.problem);
    expect(integratedLoudness(wav.audio)).toBeCloseTo(-23, 0);

    expect((await pushed).configVersion).toBe((await site()).configVersion);
    const audit = await server.request<AuditEntry[]>('GET', '/api/audit', undefined, admin);
    expect(audit.body.ok && audit.body.value.some((e) => e.action === 'voice_pack.recorded' && e.subject === 'vi:một')).toBe(true);
    display.close();
  });

  it('is used by boards once every needed clip is recorded, and no longer when one is removed', async () => {
    let pitch = 120;
    for (const clip of (await status()).clips) {
      if (clip.recorded === null) expect((await upload(clip.id, spokenWav({ fundamentalHz: (pitch += 10) }))).status).toBe(200);
    }
    expect((await status()).complete.vi).toBe(true);
    expect((await site()).voicePack?.complete.vi).toBe(true);
    const manifest = await server.request<RecordedPackManifest>('GET', '/api/voice-pack/manifest');
    if (!manifest.body.ok) throw new Error('no manifest');
    expect(Object.keys(manifest.body.value.clips)).toHaveLength(9);

    const removed = await server.request('DELETE', `/api/voice-pack/clips/${encodeURIComponent('vi:ba')}`, undefined, admin);
    expect(removed.status).toBe(200);
    expect((await status()).missing.vi).toBe(1);
    expect((await site()).voicePack?.complete.vi).toBe(false);
    expect((await upload('vi:ba', spokenWav({ fundamentalHz: 200 }))).status).toBe(200);
  });

  it('accepts a new sentence once its phrases are recorded', async () => {
    const config = await server.request<SiteConfig>('GET', '/api/config', undefined, admin);
    if (!config.body.ok) throw new Error('no config');
    const body = { ...config.body.value.centre, announcement: { template: 'Xin mời số {number} tới bàn {counter}' } };
    expect((await server.request('PUT', '/api/config/centre', body, admin)).status).toBe(400);
    for (const id of ['vi:Xin mời số', 'vi:tới bàn']) expect((await upload(id, spokenWav())).status).toBe(200);
    expect((await server.request('PUT', '/api/config/centre', body, admin)).status).toBe(200);
    expect((await status()).clips.filter((c) => c.group === 'phrase').map((c) => c.text)).toContain('tới bàn');
  });

  it('exports the pack as one file, and imports one all or nothing', async () => {
    const before = await status();
    const exported = await fetch(`${server.url}/api/voice-pack/export`, { headers: { authorization: `Bearer ${admin}` } });
    expect(exported.headers.get('content-disposition')).toMatch(/motcua-voice-pack-\d{4}-\d{2}-\d{2}\.json\.gz/u);
    const bytes = new Uint8Array(await exported.arrayBuffer());

    const other = await TestServer.start();
    try {
      const otherAdmin = await other.adminToken();
      const post = (body: Uint8Array<ArrayBuffer>) =>
        fetch(`${other.url}/api/voice-pack/import`, { method: 'POST', headers: { authorization: `Bearer ${otherAdmin}` }, body });
      // One silent clip in the file: nothing is imported, and the clip is named.
      const bundle = JSON.parse(gunzipSync(bytes).toString('utf8')) as { clips: Array<{ id: string; wav: string }> };
      bundle.clips[0]!.wav = Buffer.from(spokenWav({ loudnessLufs: -80 })).toString('base64');
      const refused = await post(new Uint8Array(gzipSync(JSON.stringify(bundle))));
      expect(refused.status).toBe(422);
      const answer = (await refused.json()) as { problems: string[] };
      expect(answer.problems).toEqual([`${bundle.clips[0]!.id}: Bản ghi không có tiếng: hãy kiểm tra micrô.`]);
      expect((await post(new TextEncoder().encode('not a pack'))).status).toBe(422);
      expect(Object.keys(other.server.ctx.voicePack.clips())).toEqual([]);

      expect((await post(bytes)).status).toBe(200);
      const imported = other.server.ctx.voicePack.clips();
      const recordedBefore = [...before.clips.filter((c) => c.recorded), ...before.unused.map((u) => ({ id: u.id, recorded: u }))];
      expect(Object.keys(imported).sort()).toEqual(recordedBefore.map((c) => c.id).sort());
      for (const clip of recordedBefore) expect(imported[clip.id]!.durationMs).toBeCloseTo(clip.recorded!.durationMs, -1);
    } finally {
      await other.close();
    }
  });
});
