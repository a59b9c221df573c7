import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedPlay } from '../../display/recording-audio-sink.ts';
import { screenshot } from '../support/browser.ts';
import { callSaid, DisplayFixture, saidClips, sentenceClips } from './display-fixture.ts';

// Generous: the board shows a call within a second on this machine, but a busy CI box is slower.
const wait = { timeout: 10_000 };

const plays = (page: Page): Promise<RecordedPlay[]> => page.evaluate(() => window.__motcuaAudio ?? []);
const finishedPlays = (page: Page, count: number) =>
  page.waitForFunction((n) => (window.__motcuaAudio ?? []).filter((p) => p.endedAt !== null).length >= n, count, wait);
const spoken = (ticket: string, counter: number): string[] => sentenceClips({ ticket, counter });
const fontPx = (page: Page, selector: string): Promise<number> => page.$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));

describe('call display boards in Chromium', () => {
  let f: DisplayFixture;

  beforeAll(async () => {
    f = await DisplayFixture.start();
  });

  afterAll(async () => {
    await f?.close();
  });

  it('features a number as soon as a counter calls it, and shows it at that counter', async () => {
    const page = await f.openBoard('/display/?audioSink=record');
    await f.issue('civil-status');
    const called = await f.counter(1, 'counter:next');
    await page.waitForSelector(`[data-testid=featured][data-ticket="${called}"].featured--fresh`, wait);
    expect(await page.textContent('[data-testid=featured-counter]')).toBe('1');
    expect(await page.textContent('[data-testid=counter-grid] [data-counter="1"] .number-row__ticket')).toBe(called);
    await finishedPlays(page, 1);
    expect((await plays(page)).map(saidClips)).toEqual([spoken(called!, 1)]);
    await page.close();
  });

  it('re-features and re-announces a recalled number', async () => {
    const page = await f.openBoard('/display/?audioSink=record');
    await f.issue('civil-status', 'desk');
    await f.issue('civil-status', 'desk');
    const first = (await f.counter(1, 'counter:next'))!;
    const second = (await f.counter(2, 'counter:next'))!;
    await page.waitForSelector(`[data-testid=featured][data-ticket="${second}"]`, wait);
    await f.counter(1, 'counter:recall');
    await page.waitForSelector(`[data-testid=featured][data-ticket="${first}"] .featured__recall`, wait);
    expect(await page.$$eval('[data-testid=history] li', (rows) => rows.map((r) => r.getAttribute('data-ticket')))).not.toContain(first);
    expect(await page.$$eval('[data-testid=history] li', (rows) => rows[0]?.getAttribute('data-ticket'))).toBe(second);
    await finishedPlays(page, 3);
    const calls = [
      { ticket: first, counter: 1 },
      { ticket: second, counter: 2 },
      { ticket: first, counter: 1, recall: true },
    ];
    expect((await plays(page)).map((play) => callSaid(play, calls))).toEqual([`${first} → 1`, `${second} → 2`, `${first} → 1 (recall)`]);
    await page.close();
  });

  it('announces three quick calls in the order they were made, one at a time', async () => {
    const page = await f.openBoard('/display/?audioSink=record');
    for (const service of ['civil-status', 'civil-status', 'land']) await f.issue(service, 'desk');
    const calls: Array<{ ticket: string; counter: number }> = [];
    for (const counter of [1, 2, 4]) calls.push({ ticket: (await f.counter(counter, 'counter:next'))!, counter });
    await finishedPlays(page, 3);
    const recorded = await plays(page);
    expect(recorded.map((play) => callSaid(play, calls))).toEqual(calls.map((c) => `${c.ticket} → ${c.counter}`));
    for (let i = 1; i < recorded.length; i += 1) expect(recorded[i]!.startedAt).toBeGreaterThanOrEqual(recorded[i - 1]!.endedAt!);
    await page.close();
  });

  it('shows and announces only its own hall on a subset board', async () => {
    const page = await f.openBoard('/display/?services=civil-status,land&counters=1,2,4&audioSink=record');
    await f.issue('business', 'desk');
    await f.issue('land', 'desk');
    await f.counter(6, 'counter:next');
    const land = (await f.counter(4, 'counter:next'))!;
    await page.waitForSelector(`[data-testid=featured][data-ticket="${land}"]`, wait);
    await finishedPlays(page, 1);
    // The counter-6 call came first: had the board taken it, it would have been announced first.
    expect((await plays(page)).map(saidClips)).toEqual([spoken(land, 4)]);
    const counters = await page.$$eval('[data-testid=counter-grid] li', (cells) => cells.map((c) => c.getAttribute('data-counter')));
    expect(counters.every((id) => ['1', '2', '4'].includes(id!))).toBe(true);
    expect(await page.$$eval('[data-testid=waiting] li', (rows) => rows.map((r) => r.getAttribute('data-service')))).toEqual([
      'civil-status',
      'land',
    ]);
    await page.close();
  });

  it('shows the number called to its own counter on a counter-top board', async () => {
    const page = await f.openBoard('/display/counter/2');
    await f.issue('civil-status', 'desk');
    await f.issue('civil-status', 'desk');
    await f.counter(1, 'counter:next');
    const mine = (await f.counter(2, 'counter:next'))!;
    await page.waitForFunction((label) => document.querySelector('[data-testid=counter-ticket]')?.textContent === label, mine, wait);
    expect(await page.textContent('.counter-board__name')).toBe('Quầy 2');
    expect(await fontPx(page, '[data-testid=counter-ticket]')).toBeGreaterThanOrEqual(300);
    await screenshot(page, 'display-counter-top-1080p');
    await page.close();
  });

  it('draws the lobby large enough to read across the hall, at full HD and 4K', async () => {
    for (const service of ['certification', 'land', 'general', 'social', 'business']) await f.issue(service, 'desk');
    for (const counter of [3, 5, 6, 7, 8]) await f.counter(counter, 'counter:next');
    const notices = encodeURIComponent('Giờ làm việc: sáng 7:30–11:30, chiều 13:00–17:00|Công dân vui lòng giữ phiếu đến khi được gọi số');
    for (const [width, height, name] of [
      [1920, 1080, 'display-lobby-1080p'],
      [3840, 2160, 'display-lobby-4k'],
    ] as const) {
      const page = await f.openBoard(`/display/?audioSink=record&notices=${notices}`, { width, height });
      const scale = height / 1080;
      // ux.md: ticket digits at least 100 px and counter numbers at least 60 px on a full-HD screen.
      expect(await fontPx(page, '[data-testid=featured-ticket]')).toBeGreaterThanOrEqual(100 * scale);
      expect(await fontPx(page, '.history__row .number-row__ticket')).toBeGreaterThanOrEqual(100 * scale);
      expect(await fontPx(page, '[data-testid=featured-counter]')).toBeGreaterThanOrEqual(60 * scale);
      expect(await fontPx(page, '.history__row .number-row__counter')).toBeGreaterThanOrEqual(60 * scale);
      expect(await fontPx(page, '.counter-cell .number-row__ticket')).toBeGreaterThanOrEqual(60 * scale);
      expect(await page.textContent('[data-testid=clock]')).toMatch(/^Thứ Hai, 23\/11\/2026 09:\d\d$/);
      await page.waitForTimeout(1500); // let the history slide-in finish before the picture
      await screenshot(page, name);
      await page.close();
    }
  }, 120_000); // a 4K screenshot in software rendering is slow on a busy two-core machine
});
