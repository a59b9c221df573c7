import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../support/test-server.ts';

/** The admin app at a desk screen's size. */
export const desk = { width: 1366, height: 768 };

/**
 * A new page of the admin app, signed in as the test administrator through the sign-in form
 * (created first if this test runs alone and nobody has set the centre up yet).
 */
export async function signedInAdmin(browser: Browser, server: TestServer, options: { acceptDownloads?: boolean } = {}): Promise<Page> {
  if (server.server.ctx.setup.token) await server.adminToken();
  const page = await browser.newPage({ viewport: desk, ...options });
  page.setDefaultTimeout(8000);
  await page.goto(`${server.url}/admin/`);
  await page.locator('input[name="username"]').fill('admin');
  await page.locator('input[name="password"]').fill('admin-password-1');
  await page.locator('form.sign-in button[type="submit"]').click();
  await page.locator('.admin-bar').waitFor();
  return page;
}
