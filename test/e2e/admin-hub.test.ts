import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { TestHub } from '../support/test-hub.ts';
import { TestServer } from '../support/test-server.ts';
import { signedInAdmin } from './admin-browser.ts';

/** A centre started with `--hub` and `--centre-code` but no join code: its admin joins from the hub page. */
describe("a centre's admin and its province hub, in Chromium", () => {
  let hub: TestHub;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    hub = await TestHub.start();
    [server, browser] = await Promise.all([
      TestServer.start({ flags: ['--always-open', '--hub', hub.url, '--centre-code', '26734'] }),
      launchBrowser(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await hub?.close();
  });

  it('joins the hub with the one-time code, then shows the link up and everything sent', async () => {
    const joinCode = await hub.centreJoinCode('26734', 'Phường Ba Đình');
    const page = await signedInAdmin(browser, server);
    await page.goto(`${server.url}/admin/#hub`);
    expect(await page.locator('[data-testid=hub-state]').textContent()).toBe('Chưa tham gia');

    // A wrong code is refused with the hub's reason and changes nothing.
    await page.locator('input[name=joinCode]').fill('AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: 'Tham gia' }).click();
    await page.locator('form .notice--bad').waitFor();
    expect(await page.locator('form .notice--bad').textContent()).toContain('Mã tham gia không đúng');
    // The panel says the same in words, not as the hub's code.
    await page.locator('[data-testid=hub-problem]', { hasText: 'Mã tham gia không đúng' }).waitFor();
    expect(await page.locator('[data-testid=hub-state]').textContent()).toBe('Chưa tham gia');

    await page.locator('input[name=joinCode]').fill(joinCode.toLowerCase());
    await page.getByRole('button', { name: 'Tham gia' }).click();
    await page.locator('[data-testid=hub-state]', { hasText: 'Đang kết nối' }).waitFor();
    expect(await page.locator('input[name=joinCode]').count()).toBe(0);
    await page.locator('[data-testid=hub-pending]', { hasText: 'Đã gửi hết' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'admin-hub-1366x768');
    await page.close();
  });

  it("adds a webhook for the centre's own events, its secret shown once", async () => {
    const page = await signedInAdmin(browser, server);
    await page.goto(`${server.url}/admin/#integrations`);
    await page.locator('input[name=webhook-url]').fill('https://zalo.example.vn/hook');
    await page.locator('input[name=webhook-description]').fill('Zalo OA');
    await page.getByRole('button', { name: 'Thêm webhook' }).click();
    await page.locator('[data-testid=webhook-secret]').waitFor();
    // A centre's webhooks carry the centre's events only: no "only centre" field as at the hub.
    expect(await page.locator('input[name=webhook-centre]').count()).toBe(0);
    await screenshot(page, 'admin-integrations-1366x768');
    await page.reload();
    await page.getByText('https://zalo.example.vn/hook').waitFor();
    expect(await page.locator('[data-testid=webhook-secret]').count()).toBe(0);
    await page.close();
  });
});
