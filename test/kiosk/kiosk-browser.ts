import type { Browser, Page } from 'playwright-core';
import { addAppCookie } from '../support/browser.ts';
import type { TestServer } from '../support/test-server.ts';

export const portrait = { width: 1080, height: 1920 };
export const landscape = { width: 1920, height: 1080 };
export const phone = { width: 390, height: 844 };

/**
 * Opens the kiosk app as a paired kiosk: the device token is put where the app keeps it (its
 * cookie) before the page loads, as if the pairing screen had been used on an earlier day.
 */
export async function openKiosk(
  browser: Browser,
  server: TestServer,
  options: { size: { width: number; height: number }; query?: string; token?: string; beforeLoad?: (page: Page) => Promise<void> },
): Promise<Page> {
  const token = options.token ?? (await server.deviceToken('kiosk'));
  const context = await browser.newContext({ viewport: options.size, locale: 'vi-VN', hasTouch: true });
  await addAppCookie(context, server.url, 'kiosk', token);
  const page = await context.newPage();
  await options.beforeLoad?.(page);
  await page.goto(`${server.url}/kiosk/${options.query ?? ''}`);
  // The home tiles appear once the catalogue and the live snapshot have both arrived.
  await page.locator('.tile[data-field]').first().waitFor();
  await page.locator('.centre-name').waitFor();
  return page;
}

/** Types on the kiosk's own on-screen keyboard, key by key, as a citizen would. */
export async function typeOnScreen(page: Page, text: string): Promise<void> {
  for (const ch of text) await page.locator(`.keyboard [data-key="${ch === ' ' ? 'space' : ch}"]`).click();
}
