import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { TestServer } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';
import { signedInAdmin } from './admin-browser.ts';

describe('admin access limits page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const limits = () => server.server.ctx.site.get().limits;

  beforeAll(async () => {
    [server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function limitsPage(): Promise<Page> {
    const page = await signedInAdmin(browser, server);
    await page.goto(`${server.url}/admin/#limits`);
    await page.locator('h1', { hasText: 'Giới hạn truy cập' }).waitFor();
    return page;
  }
  const field = (page: Page, path: string) => page.locator(`[data-limit="${path}"]`);

  it('shows each limit with its unit and default, saves a change that is kept after a reload', async () => {
    const page = await limitsPage();
    const perMinute = field(page, 'kioskIssue.perMinute');
    await expect(perMinute.locator('input').inputValue()).resolves.toBe('6');
    expect(await perMinute.textContent()).toContain('Số phiếu thêm mỗi phút');
    expect(await perMinute.textContent()).toContain('phiếu/phút');
    expect(await perMinute.textContent()).toContain('Mặc định: 6 phiếu/phút. Cho phép từ 1 đến 600.');
    expect(await field(page, 'requests.perAddress.perSecond').textContent()).toContain('Cho phép từ 0,01 đến 10.000.');
    expect(await field(page, 'bodies.publicKb').textContent()).toContain('kB');
    await screenshot(page, 'admin-limits');

    await perMinute.locator('input').fill('12');
    await field(page, 'signIn.failuresPerAccount').locator('input').fill('5');
    await page.locator('form.limits-form button[type="submit"]').click();
    await page.locator('.notice--ok', { hasText: 'Đã lưu. Các giới hạn mới có hiệu lực ngay.' }).waitFor();
    expect(limits().kioskIssue.perMinute).toBe(12);
    expect(limits().signIn.failuresPerAccount).toBe(5);
    expect(JSON.parse(await readFile(join(server.dataDir, 'site.json'), 'utf8')).limits.kioskIssue).toEqual({ burst: 6, perMinute: 12 });

    await page.reload();
    await page.locator('h1', { hasText: 'Giới hạn truy cập' }).waitFor();
    await expect(perMinute.locator('input').inputValue()).resolves.toBe('12');
    await expect(field(page, 'signIn.failuresPerAccount').locator('input').inputValue()).resolves.toBe('5');
    // Changed from the default: said beside the field; untouched fields say nothing.
    await perMinute.locator('.pill', { hasText: 'Khác mặc định' }).waitFor();
    expect(await field(page, 'kioskIssue.burst').locator('.pill').count()).toBe(0);
    await page.close();
  });

  it('shows the server’s reason on the field it refused, and saves nothing', async () => {
    const page = await limitsPage();
    const before = await readFile(join(server.dataDir, 'site.json'), 'utf8');
    const window = field(page, 'signIn.windowMinutes');
    await window.locator('input').fill('2000');
    await field(page, 'hashing.concurrent').locator('input').fill('');
    await page.locator('form.limits-form button[type="submit"]').click();
    await window.locator('.limit-field__problem', { hasText: 'Không được lớn hơn 1.440.' }).waitFor();
    await field(page, 'hashing.concurrent').locator('.limit-field__problem', { hasText: 'Cần nhập một số.' }).waitFor();
    expect(await window.locator('input').getAttribute('aria-invalid')).toBe('true');
    // The first refused field is brought into view and focused, ready to be corrected.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('signIn.windowMinutes');
    const alert = await page.locator('.form-actions [role="alert"]').textContent();
    expect(alert).toBe('Chưa lưu các giới hạn. «Đăng nhập sai › Khoảng thời gian tính số lần sai»: Không được lớn hơn 1.440.');
    expect(await readFile(join(server.dataDir, 'site.json'), 'utf8')).toBe(before);
    expect(limits().signIn.windowMinutes).toBe(15);
    await screenshot(page, 'admin-limits-refused');

    // Correcting the field clears its reason; the rest stay until the next save.
    await window.locator('input').fill('30');
    expect(await window.locator('.limit-field__problem').count()).toBe(0);
    await page.close();
  });

  it('restores the defaults into the form, and saves them', async () => {
    const page = await limitsPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator('button[name="restore-defaults"]').click();
    await page.locator('.notice--warn', { hasText: 'Xin vui lòng bấm Lưu để áp dụng' }).waitFor();
    await expect(field(page, 'kioskIssue.perMinute').locator('input').inputValue()).resolves.toBe('6');
    // Filled in, not yet saved.
    expect(limits().kioskIssue.perMinute).toBe(12);
    await screenshot(page, 'admin-limits-1920');
    await page.locator('form.limits-form button[type="submit"]').click();
    await waitFor(() => limits().kioskIssue.perMinute === 6, 'the defaults to be saved');
    expect(limits().signIn.failuresPerAccount).toBe(10);
    await page.close();
  });
});
