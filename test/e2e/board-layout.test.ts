import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteConfigInput } from '../../protocol/site-config.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { command, TestServer, type ClientSocket } from '../support/test-server.ts';

/** The screens a lobby board runs on (ux.md), portrait included. */
const sizes = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 1080, height: 1920 },
];
const longName = 'Lao động – Thương binh và Xã hội – Bảo trợ xã hội – Người có công với cách mạng – Trẻ em – Bình đẳng giới';

/** A provincial centre: the sample's services (one with a very long name) and 60 counters sharing them. */
async function provincialSite(dataDir: string): Promise<void> {
  const sample = JSON.parse(await readFile(join(import.meta.dirname, '../../data/site.json'), 'utf8')) as SiteConfigInput;
  const services = sample.services.map((s) => ({
    ...s,
    dailyQuota: undefined,
    name: s.id === 'social' ? { vi: longName, en: longName } : s.name,
  }));
  const counters = Array.from({ length: 60 }, (_, i) => ({
    id: i + 1,
    name: { vi: `Quầy ${i + 1}`, en: `Counter ${i + 1}` },
    services: [{ serviceId: services[i % services.length]!.id }],
  }));
  await writeFile(join(dataDir, 'site.json'), JSON.stringify({ ...sample, services, counters }));
}

/**
 * What a reader across the hall depends on, measured in the page: each number's glyph box
 * (the ink of its characters, from canvas text metrics of the element's own font), and any
 * element that overlaps a neighbouring panel, leaves its panel or the screen, or is cut off.
 */
async function measure(page: Page) {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const glyphHeight = (el: Element) => {
      const style = getComputedStyle(el);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const m = canvas.measureText(el.textContent ?? '');
      return m.actualBoundingBoxAscent + m.actualBoundingBoxDescent;
    };
    const rect = (el: Element) => el.getBoundingClientRect();
    const inside = (a: DOMRect, b: DOMRect) =>
      a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
    const overlaps = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const screen = new DOMRect(0, 0, innerWidth, innerHeight);
    const panels = [...document.querySelectorAll('.board-header, .featured, .waiting, .history, .counters, .ticker')];
    const problems: string[] = [];
    panels.forEach((p, i) => {
      if (!inside(rect(p), screen)) problems.push(`${p.className} leaves the screen`);
      for (const q of panels.slice(i + 1)) if (overlaps(rect(p), rect(q))) problems.push(`${p.className} overlaps ${q.className}`);
      for (const el of p.querySelectorAll('h1, h2, p, li, span, strong, time')) {
        if (!inside(rect(el), rect(p))) problems.push(`${el.className || el.tagName} "${el.textContent}" leaves ${p.className}`);
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
          problems.push(`${el.className} "${el.textContent}" is cut off`);
      }
    });
    const smallest = (selector: string) => Math.min(...[...document.querySelectorAll(selector)].map(glyphHeight));
    const counters = document.querySelector('[data-testid=counter-grid]');
    return {
      problems,
      ticketDigits: smallest('[data-digits=ticket], .featured__ticket'),
      counterDigits: smallest('[data-digits=counter], .featured__counter strong'),
      countersShown: counters?.querySelectorAll('li').length ?? 0,
      counterPages: Number(counters?.getAttribute('data-pages') ?? 0),
      waitingShown: document.querySelectorAll('[data-testid=waiting] li').length,
    };
  });
}

describe('the lobby board lays out on every screen size, for 1 to 60 open counters', () => {
  let server: TestServer;
  let browser: Browser;
  let desk: ClientSocket;
  let dataDir: string;
  const opened = new Set<number>();

  /** Opens counters up to `n`, each calling a number, so every row of the grid shows one. */
  async function openCounters(n: number): Promise<void> {
    const session = await server.clerkToken();
    for (let id = 1; id <= n; id++) {
      if (opened.has(id)) continue;
      const config = server.server.ctx.site.get();
      const serviceId = config.counters.find((c) => c.id === id)!.services[0]!.serviceId;
      const issued = await command(desk, 'ticket:issue', { serviceId });
      if (!issued.ok) throw new Error(issued.error.code);
      const clerk = await server.socket(session);
      expect((await command(clerk, 'counter:join', { counterId: id })).ok).toBe(true);
      const next = await command(clerk, 'counter:next', { counterId: id });
      if (!next.ok || !next.value.current) throw new Error(`counter ${id} called nobody`);
      opened.add(id);
    }
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'motcua-board-'));
    await provincialSite(dataDir);
    server = await TestServer.start({ dataDir });
    desk = await server.socket(await server.clerkToken('desk'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([1, 14, 60])('with %i open counters: no overlap, nothing cut off, digits of 100 px on 1080p', async (count) => {
    await openCounters(count);
    const page = await browser.newPage({ viewport: sizes[0]! });
    await page.goto(`${server.url}/display/`);
    await page.waitForSelector('.display[data-synced="true"][data-connection="online"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=counter-grid] li').length >= Math.min(n, 3), count);
    for (const size of sizes) {
      await page.setViewportSize(size);
      // Rows slide in when a call arrives; measure where they come to rest.
      await page.evaluate(async () => {
        await document.fonts.ready;
        await Promise.all(
          document
            .getAnimations()
            .filter((a) => (a as CSSAnimation).animationName === 'history-in')
            .map((a) => a.finished),
        );
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      });
      const m = await measure(page);
      const where = `${size.width}×${size.height}, ${count} counters`;
      await screenshot(page, `board-${size.width}x${size.height}-${count}`);
      expect(m.problems, where).toEqual([]);
      // Every open counter is on the board, page by page when they do not all fit.
      expect(m.counterPages, where).toBe(Math.ceil(count / m.countersShown));
      expect(m.waitingShown, where).toBeGreaterThan(0);
      // ux.md: on a 1080p board ticket digits at least 100 px, counter numbers at least 60 px.
      if (Math.min(size.width, size.height) === 1080) {
        expect(m.ticketDigits, where).toBeGreaterThanOrEqual(100);
        expect(m.counterDigits, where).toBeGreaterThanOrEqual(60);
      }
    }
    await page.close();
  });

  it('uses the app’s own font, never the system’s', async () => {
    const page = await browser.newPage({ viewport: sizes[2]! });
    await page.goto(`${server.url}/display/`);
    await page.waitForSelector('.display[data-synced="true"]');
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight}`),
    );
    expect(loaded).toContain('Noto Sans 700');
    await page.close();
  });
});
