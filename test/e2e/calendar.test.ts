import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAppCookie, launchBrowser, screenshot } from '../support/browser.ts';
import { at } from '../support/site-fixture.ts';
import { runningClock } from '../support/stepped-clock.ts';
import { TestServer } from '../support/test-server.ts';
import { portrait } from '../kiosk/kiosk-browser.ts';
import { signedInAdmin } from './admin-browser.ts';

/** A server whose centre clock starts at `start` (local time) and runs at real speed. */
function serverAt(start: number): Promise<TestServer> {
  return TestServer.start({ clock: runningClock(start) });
}

describe('the centre calendar in Chromium', () => {
  let browser: Browser;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
  });

  it('on the first day of Tết the kiosk says one thing: which holiday, and when numbers come back', async () => {
    const server = await serverAt(at('2026-02-17', '09:00'));
    servers.push(server);
    const token = await server.deviceToken('kiosk');
    const context = await browser.newContext({ viewport: portrait, locale: 'vi-VN', hasTouch: true });
    await addAppCookie(context, server.url, 'kiosk', token);
    const page = await context.newPage();
    await page.goto(`${server.url}/kiosk/`);
    const closed = page.locator('[data-testid=closed-day]');
    await closed.waitFor();
    expect(await closed.locator('h1').textContent()).toBe('Tết Nguyên đán');
    // The sample calendar for 2026: off 14–22/2, so numbers again on Monday 23/2 from 07:00.
    expect(await closed.locator('.closed-reopens').textContent()).toBe('Trung tâm cấp số thứ tự trở lại lúc 07:00, Thứ Hai, 23/02.');
    expect(await page.locator('.service-status').count()).toBe(0);
    expect(await page.locator('.tile').count()).toBe(0);
    await screenshot(page, 'kiosk-portrait-tet');
    await page.locator('.lang-switch button[lang="en"]').click();
    await page.locator('h1', { hasText: 'Lunar New Year (Tết)' }).waitFor();
    await context.close();
  });

  it('warns on the dashboard when the next 60 days reach an unconfirmed year, until the admin confirms it', async () => {
    const server = await serverAt(at('2026-12-01', '09:00'));
    servers.push(server);
    const page = await signedInAdmin(browser, server);
    const warning = page.locator('[data-testid=calendar-warning]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('năm 2027 chưa được xác nhận');
    await screenshot(page, 'admin-calendar-warning');

    await warning.locator('a').click();
    await page.locator('select[name=year]').selectOption('2027');
    await page.locator('[data-testid=calendar-status]', { hasText: 'Chưa xác nhận' }).waitFor();
    expect(await page.locator('[data-testid=statutory]').textContent()).toContain('2027-02-06 (Thứ Bảy): Tết Nguyên đán');
    // Tết's mùng 1 and mùng 2 fall on a weekend: the rules propose the days in lieu.
    const proposal = page.locator('[data-testid=proposals] li[data-day="2027-02-10"]');
    expect(await proposal.textContent()).toContain('Nghỉ bù cho Tết Nguyên đán');
    await proposal.locator('button').click();
    await page.locator('tr[data-day="2027-02-10"]').waitFor();
    await page.locator('input[name=confirmed]').check();
    await screenshot(page, 'admin-calendar-2027');
    await page.locator('form.calendar-page button[type=submit]').click();
    await page.locator('.notice--ok').waitFor();

    const year = server.server.ctx.site.get().centre.calendar.find((y) => y.year === 2027);
    expect(year?.confirmed).toBe(true);
    expect(year?.daysOff.find((d) => d.day === '2027-02-10')?.name).toEqual({
      vi: 'Nghỉ bù Tết Nguyên đán',
      en: 'Day off in lieu of Lunar New Year (Tết)',
    });
    await page.goto(`${server.url}/admin/#dashboard`);
    await page.locator('.stat-row').waitFor();
    expect(await page.locator('[data-testid=calendar-warning]').count()).toBe(0);
    await page.close();
  });
});
