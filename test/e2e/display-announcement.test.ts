import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedPlay } from '../../display/recording-audio-sink.ts';
import { buildAnnouncement } from '../../display/voice/announcement.ts';
import { parseVoiceConfig } from '../../protocol/voice/voice-config.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import { DisplayFixture } from './display-fixture.ts';

const wait = { timeout: 10_000 };

describe("a lobby board applies the centre's announcement settings live", () => {
  let f: DisplayFixture;
  let admin: string;

  beforeAll(async () => {
    f = await DisplayFixture.start();
    admin = await f.server.adminToken();
  });
  afterAll(async () => {
    await f?.close();
  });

  const setAnnouncement = async (announcement: Record<string, unknown>): Promise<string> => {
    const config = await f.server.request<SiteConfig>('GET', '/api/config', undefined, admin);
    if (!config.body.ok) throw new Error('no config');
    const put = await f.server.request('PUT', '/api/config/centre', { ...config.body.value.centre, announcement }, admin);
    if (!put.body.ok) throw new Error(`centre refused: ${put.body.error.message}`);
    const site = await f.server.request<{ configVersion: string }>('GET', '/api/site');
    if (!site.body.ok) throw new Error('no site');
    return site.body.value.configVersion;
  };
  const boardOn = (page: Page, version: string) => page.waitForSelector(`.display[data-config-version="${version}"]`, wait);
  const plays = (page: Page): Promise<RecordedPlay[]> => page.evaluate(() => window.__motcuaAudio ?? []);
  const finishedPlays = (page: Page, count: number) =>
    page.waitForFunction((n) => (window.__motcuaAudio ?? []).filter((p) => p.endedAt !== null).length >= n, count, wait);

  it('announces the next call with the sentence the admin just saved', async () => {
    const warnings: string[] = [];
    const page = await f.openBoard('/display/?audioSink=record');
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const initial = await f.server.request<{ configVersion: string }>('GET', '/api/site');
    if (!initial.body.ok) throw new Error('no site');
    await boardOn(page, initial.body.value.configVersion);

    const announcement = { template: '{number} đến quầy số {counter}', zeroTens: 'lẻ' };
    await boardOn(page, await setAnnouncement(announcement));
    await f.issue('civil-status');
    const called = (await f.counter(1, 'counter:next'))!;
    await finishedPlays(page, 1);

    const parsed = parseVoiceConfig(announcement);
    if (!parsed.ok) throw new Error(parsed.issues.join('; '));
    const expected = [...buildAnnouncement({ ticket: called, counter: 1 }, parsed.value).clipIds];
    expect((await plays(page)).map((p) => p.clipIds)).toEqual([expected]);
    // The new sentence, not the default one: no "Mời công dân có số thứ tự" clip any more.
    expect(expected).not.toContain('vi:Mời công dân có số thứ tự');
    expect(expected).toContain('vi:đến quầy số');
    expect(warnings.filter((w) => w.includes('announcement settings'))).toEqual([]);

    // A wording whose clips were never generated is logged for the technician, never shown.
    await boardOn(page, await setAnnouncement({ template: 'Xin mời số {number} tới bàn {counter}' }));
    await expect.poll(() => warnings.some((w) => w.includes('announcement settings need clips')), wait).toBe(true);
    expect(await page.textContent('body')).not.toMatch(/clip|Xin mời số/u);
    await page.close();
  });
});
