import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as v from 'valibot';
import { simulateDay } from '../../bench/day-simulation.ts';
import type { CentreLive } from '../../protocol/hub/centre-status.ts';
import { SiteConfigSchema } from '../../protocol/site-config.ts';
import { centreProfile } from '../../server/app/centre-live.ts';
import { localDay } from '../../server/core/local-time.ts';
import type { TestHub } from '../support/test-hub.ts';

const config = v.parse(SiteConfigSchema, JSON.parse(readFileSync(join(import.meta.dirname, '../../data/site.json'), 'utf8')));

/** A province as the board shows it: centres in every state a province admin meets. */
export const provinceCentres = [
  { code: '00001', name: 'Trung tâm Phục vụ hành chính công tỉnh', waiting: 23, printer: 'ready', soundOff: 0 },
  { code: '26734', name: 'Phường Ba Đình', waiting: 7, printer: 'paper_out', soundOff: 0 },
  { code: '26737', name: 'Phường Ngọc Hà', waiting: 0, printer: 'ready', soundOff: 1 },
  { code: '26740', name: 'Phường Giảng Võ', waiting: 12, printer: 'paper_near_end', soundOff: 0 },
  { code: '26743', name: 'Xã Sóc Sơn', waiting: 3, printer: 'ready', soundOff: 0, stale: true },
] as const;

function live(c: (typeof provinceCentres)[number], now: number, day: string): CentreLive {
  return {
    at: now,
    day,
    open: true,
    counters: { open: 3, paused: 1, closed: 4 },
    waiting: c.waiting,
    longestWaitMinutes: c.waiting * 2,
    waitingByService: { 'civil-status': c.waiting },
    devices: {
      printer: c.printer,
      kiosks: { paired: 2, online: 2 },
      boards: { online: 3, soundOff: c.soundOff },
      buttonLines: { total: 1, down: 0 },
    },
    journal: { day, seq: 500, lastAt: now - 60_000 },
    shipping: { pendingEvents: 'stale' in c ? 140 : 0, oldestPendingAt: 'stale' in c ? now - 3 * 3_600_000 : null },
    catalogueVersion: 1,
  };
}

/**
 * Fills a hub as centres would: each joins with its code, ships two days of journal and reports
 * its status; one has been out of touch for hours, one never joined; the province has published
 * its catalogue. Everything goes through the hub's own HTTP API.
 */
export async function fillProvince(hub: TestHub): Promise<void> {
  const admin = await hub.adminToken();
  const now = Date.now();
  const today = localDay(now, 'Asia/Ho_Chi_Minh');
  const yesterday = localDay(now - 86_400_000, 'Asia/Ho_Chi_Minh');
  for (const [i, c] of provinceCentres.entries()) {
    const token = await hub.centreToken(c.code, c.name, c.code === '00001' ? 'province' : 'commune');
    for (const day of [yesterday, today]) {
      const sim = simulateDay(config, day, { tickets: 120 + i * 30, seed: i * 7 + day.length });
      for (let k = 0; k < sim.events.length; k += 500)
        await hub.request('POST', '/api/hub/v1/events', { day, events: sim.events.slice(k, k + 500) }, token);
    }
    await hub.request(
      'POST',
      '/api/hub/v1/status',
      { live: live(c, now, today), profile: centreProfile(config, [{ id: 'u1', name: 'Nguyễn Thị Lan' }]) },
      token,
    );
    if ('stale' in c) await hub.db.query('update centres set last_contact_at = $1 where code = $2', [now - 3 * 3_600_000, c.code]);
  }
  await hub.request('POST', '/api/centres', { code: '26746', name: 'Xã Đông Anh', level: 'commune' }, admin);
  const file = readFileSync(join(import.meta.dirname, '../../data/catalogue.json'), 'utf8');
  await hub.request('POST', '/api/catalogue/import?name=province.json', file, admin);
  await hub.request('POST', '/api/catalogue/publish', { note: 'Danh mục thủ tục tỉnh, đợt 1' }, admin);
  await hub.request(
    'PUT',
    '/api/catalogue/draft/fees',
    { code: '1.001193', channel: 'in-person', fee: { text: 'Lệ phí: 8.000 đồng', amount: 8000 } },
    admin,
  );
}

/** The province app signed in through its own form. */
export async function signedInHub(
  browser: Browser,
  hub: TestHub,
  who: { username: string; password: string },
  viewport = { width: 1366, height: 768 },
): Promise<Page> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  page.setDefaultTimeout(10_000);
  await page.goto(`${hub.url}/`);
  await page.locator('input[name="username"]').fill(who.username);
  await page.locator('input[name="password"]').fill(who.password);
  await page.locator('form.sign-in button[type="submit"]').click();
  await page.locator('.admin-bar').waitFor();
  return page;
}
