import type { Cookie, Page } from 'playwright-core';
import { expect } from 'vitest';
import { appCookie, readableByScript } from '../support/browser.ts';
import { waitForAnswer } from '../support/wait-for.ts';

/** Checks that the app's session is an HttpOnly, SameSite=Strict cookie no script of the page can read; gives the cookie. */
export async function sessionOutOfReach(page: Page, name: string): Promise<Cookie> {
  const cookie = await appCookie(page.context(), name);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  if (!cookie) throw new Error(`no ${name} cookie`);
  const visible = await readableByScript(page);
  expect(visible).not.toContain(cookie.value);
  expect(visible).not.toMatch(/ses_/);
  return cookie;
}

/** Signs out with the app's button, and waits for its sign-in form and for its cookie to be gone. */
export async function signOutDropsCookie(page: Page, name: string, signInForm: string): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.locator(signInForm).waitFor();
  await waitForAnswer(async () => (await appCookie(page.context(), name)) === undefined, 'the cookie to be cleared');
}
