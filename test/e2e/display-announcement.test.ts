import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedPlay } from '../../display/recording-audio-sink.ts';
import type { PlayStep } from '../../client/voice/audio-sink.ts';
import { parseVoiceConfig } from '../../protocol/voice/voice-config.ts';
import type { DeviceConnections } from '../../protocol/admin.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import { DisplayFixture, saidClips, sentenceClips } from './display-fixture.ts';

const wait = { timeout: 10_000 };

/** Steps as short text: clip ids bare, pauses as "· 300". */
const script = (steps: readonly PlayStep[]): string[] => steps.map((step) => (step.kind === 'clip' ? step.clipId : `· ${step.ms}`));

describe('a lobby board announces calls in Chromium', () => {
  let f: DisplayFixture;
  let admin: string;

  beforeAll(async () => {
    f = await DisplayFixture.start();
    admin = await f.server.adminToken();
  });
  afterAll(async () => {
    await f?.close();
  });

  const siteVersion = async (): Promise<string> => {
    const site = await f.server.request<{ configVersion: string }>('GET', '/api/site');
    if (!site.body.ok) throw new Error('no site');
    return site.body.value.configVersion;
  };
  const setAnnouncement = async (announcement: Record<string, unknown>): Promise<string> => {
    const config = await f.server.request<SiteConfig>('GET', '/api/config', undefined, admin);
    if (!config.body.ok) throw new Error('no config');
    const put = await f.server.request('PUT', '/api/config/centre', { ...config.body.value.centre, announcement }, admin);
    if (!put.body.ok) throw new Error(`centre refused: ${put.body.error.message}`);
    return siteVersion();
  };
  const boardOn = (page: Page, version: string) => page.waitForSelector(`.display[data-config-version="${version}"]`, wait);
  const plays = (page: Page): Promise<RecordedPlay[]> => page.evaluate(() => window.__motcuaAudio ?? []);
  const finishedPlays = (page: Page, count: number) =>
    page.waitForFunction((n) => (window.__motcuaAudio ?? []).filter((p) => p.endedAt !== null).length >= n, count, wait);

  it('says a call and its recall with the chime, pauses after the number, and the recall’s own words', async () => {
    const page = await f.openBoard('/display/?audioSink=record');
    await boardOn(page, await siteVersion());
    await f.issue('civil-status');
    const called = (await f.counter(1, 'counter:next'))!;
    await finishedPlays(page, 1);
    // More than the chime's quiet spell later, so the recall is announced on its own, chime and all.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await f.counter(1, 'counter:recall');
    await finishedPlays(page, 2);
    const [call, recall] = await plays(page);
    const number = sentenceClips({ ticket: called, counter: 1 }).slice(1, -2);
    expect(number.length).toBeGreaterThan(3);
    // The number's words follow each other with no pause; 300 ms mark where it ends.
    expect(script(call!.steps)).toEqual([
      'chime',
      '· 150',
      'vi:Mời công dân số',
      '· 100',
      ...number,
      '· 300',
      'vi:đến quầy số',
      '· 100',
      'vi:một',
    ]);
    expect(script(recall!.steps)).toEqual([
      'chime',
      '· 150',
      'vi:Nhắc lại, mời công dân số',
      '· 100',
      ...number,
      '· 300',
      'vi:đến quầy số',
      '· 100',
      'vi:một',
    ]);
    expect(recall!.startedAt).toBeGreaterThanOrEqual(call!.endedAt!);
    await page.close();
  });

  it('announces the next call with the sentence the admin just saved', async () => {
    const page = await f.openBoard('/display/?audioSink=record');
    await boardOn(page, await siteVersion());
    const announcement = { template: '{number} đến quầy số {counter}', dialect: 'south' };
    await boardOn(page, await setAnnouncement(announcement));
    await f.issue('civil-status');
    const called = (await f.counter(2, 'counter:next'))!;
    await finishedPlays(page, 1);
    const parsed = parseVoiceConfig(announcement);
    if (!parsed.ok) throw new Error(parsed.issues.join('; '));
    expect((await plays(page)).map(saidClips)).toEqual([sentenceClips({ ticket: called, counter: 2 }, parsed.value)]);
    expect(saidClips((await plays(page))[0]!)[0]).not.toBe('vi:Mời công dân số');
    await setAnnouncement({});
    await page.close();
  });

  it('never goes silent: a sentence without clips is said as the built-in one, and the admin sees why', async () => {
    const page = await f.openBoard('/display/?audioSink=record');
    // Past the admin's check (the file edited by hand): the board must still speak.
    const stored = f.server.server.ctx.site.stored();
    const template = 'Xin mời số {number} tới bàn {counter}';
    const saved = await f.server.server.ctx.site.replace({ ...stored, centre: { ...stored.centre, announcement: { template } } });
    if (!saved.ok) throw new Error(saved.problems.join('; '));
    await boardOn(page, await siteVersion());
    await f.issue('civil-status');
    const called = (await f.counter(1, 'counter:next'))!;
    await finishedPlays(page, 1);
    const [play] = await plays(page);
    expect(play!.clipIds[0]).toBe('chime');
    expect(saidClips(play!)).toEqual(sentenceClips({ ticket: called, counter: 1 }));
    await expect
      .poll(async () => {
        const live = await f.server.request<DeviceConnections>('GET', '/api/admin/connections', undefined, admin);
        return live.body.ok ? live.body.value.boards.flatMap((b) => b.problems.map((p) => `${b.sound} ${p.code} ${p.detail}`)) : [];
      }, wait)
      .toContain('on voice:problem.fallback_sentence vi:Xin mời số, vi:tới bàn');
    expect(await page.textContent('body')).not.toMatch(/clip|Xin mời số/u);
    await f.server.server.ctx.site.replace(stored);
    await page.close();
  });
});
