import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { DisplayFixture } from './display-fixture.ts';

const wait = { timeout: 15_000 };

describe('call display when the connection drops', () => {
  let f: DisplayFixture;

  beforeAll(async () => {
    f = await DisplayFixture.start();
  });

  afterAll(async () => {
    await f?.close();
  });

  it('says it is offline, greys the stale board, then resyncs and speaks the calls it missed', async () => {
    const page = await f.openBoard('/display/?audioSink=record');
    for (let i = 0; i < 2; i += 1) await f.issue('civil-status', 'desk');
    const before = (await f.counter(1, 'counter:next'))!;
    await page.waitForSelector(`[data-testid=featured][data-ticket="${before}"]`, wait);

    // The network drops: Chromium's offline mode closes the board's socket and fails its retries.
    await page.context().setOffline(true);
    await page.waitForSelector('.display--stale [data-testid=connection-banner]', wait);
    expect(await page.textContent('[data-testid=connection-banner]')).toContain('Mất kết nối tới máy chủ');
    const missed = (await f.counter(2, 'counter:next'))!;
    await screenshot(page, 'display-lobby-disconnected-1080p');
    // Still the last known board, not the call it could not hear about.
    expect(await page.getAttribute('[data-testid=featured]', 'data-ticket')).toBe(before);

    await page.context().setOffline(false);
    await page.waitForSelector(`.display[data-connection="online"] [data-testid=featured][data-ticket="${missed}"]`, wait);
    expect(await page.$('[data-testid=connection-banner]')).toBeNull();
    await page.waitForFunction(() => (window.__motcuaAudio ?? []).length >= 2, undefined, wait);
    const spokenCounters = await page.evaluate(() => (window.__motcuaAudio ?? []).map((p) => p.clipIds.at(-1)));
    expect(spokenCounters).toEqual(['vi:một', 'vi:hai']);
    await page.close();
  });

  it('after a plain restart of the same build, resyncs without reloading', async () => {
    const page = await f.openBoard('/display/?audioSink=record');
    await page.evaluate(() => {
      (window as unknown as { sameBuild: boolean }).sameBuild = true;
    });
    await f.restartServer(async () => {
      await page.waitForSelector('[data-testid=connection-banner]', wait);
    });
    await page.waitForSelector('.display[data-synced="true"][data-connection="online"]', wait);
    expect(await page.evaluate(() => (window as unknown as { sameBuild?: boolean }).sameBuild)).toBe(true);
    await page.close();
  });

  it('reloads itself when the server comes back with a new build, and shows the new calls', async () => {
    const page = await f.openBoard('/display/?audioSink=record');
    await page.evaluate(() => {
      (window as unknown as { beforeUpgrade: boolean }).beforeUpgrade = true;
    });
    await f.restartServer(async () => {
      await page.waitForSelector('[data-testid=connection-banner]', wait);
    }, 'upgraded-build');
    await page.waitForFunction(() => !(window as unknown as { beforeUpgrade?: boolean }).beforeUpgrade, undefined, wait);
    await page.waitForSelector('.display[data-synced="true"][data-connection="online"]', wait);
    await f.issue('land', 'desk');
    const called = (await f.counter(4, 'counter:next'))!;
    await page.waitForSelector(`[data-testid=featured][data-ticket="${called}"]`, wait);
    await page.close();
  });
});
