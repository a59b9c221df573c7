import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { TestServer } from '../support/test-server.ts';
import { signedInAdmin } from './admin-browser.ts';

describe('admin people page in Chromium: disabling and enabling an account', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function peoplePage(): Promise<Page> {
    const page = await signedInAdmin(browser, server);
    await page.goto(`${server.url}/admin/#people`);
    await page.locator('h1', { hasText: 'Tài khoản cán bộ' }).waitFor();
    return page;
  }

  it('disables a clerk after confirmation, signing them out, and enables them again', async () => {
    const clerkSession = await server.clerkToken('thu.le', [1, 2]);
    const clerkSocket = await server.socket(clerkSession);
    const page = await peoplePage();
    const row = page.locator('tr[data-username="thu.le"]');
    await row.locator('.pill', { hasText: 'Đang hoạt động' }).waitFor();
    // The administrator's own row offers no way to lock themself out.
    await page.locator('tr[data-username="admin"]').waitFor();
    expect(await page.locator('tr[data-username="admin"] button[name="disable"]').count()).toBe(0);
    await screenshot(page, 'admin-people');

    // Dismissing the confirmation changes nothing.
    page.once('dialog', (d) => void d.dismiss());
    await row.locator('button[name="disable"]').click();
    await row.locator('button[name="disable"]').waitFor();
    expect((await server.request('GET', '/api/auth/me', undefined, clerkSession)).status).toBe(200);

    const dropped = new Promise<string>((resolve) => clerkSocket.once('disconnect', (reason) => resolve(reason)));
    let question = '';
    page.once('dialog', (d) => {
      question = d.message();
      void d.accept();
    });
    await row.locator('button[name="disable"]').click();
    await row.locator('.pill', { hasText: 'Đã vô hiệu hóa' }).waitFor();
    expect(question).toContain('Cán bộ thu.le');
    expect(await dropped).toBe('io server disconnect');
    expect((await server.request('GET', '/api/auth/me', undefined, clerkSession)).status).toBe(401);
    const refused = await server.request('POST', '/api/auth/login', { username: 'thu.le', password: 'clerk-password-1' });
    expect(!refused.body.ok && refused.body.error.code).toBe('user_disabled');
    await screenshot(page, 'admin-people-disabled');

    await row.locator('button[name="enable"]').click();
    await row.locator('.pill', { hasText: 'Đang hoạt động' }).waitFor();
    expect(await server.login('thu.le', 'clerk-password-1')).toMatch(/^ses_/);
    await page.close();
  });
});
