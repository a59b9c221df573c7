import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { BrowserApp } from '../../protocol/browser-apps.ts';

/** Debian's Chromium (installed by `npm test`'s pretest step); never a downloaded browser. */
export const chromiumPath = '/usr/bin/chromium';

/** Screenshots land here, to be looked at after a run. */
export const artifactsDir = join(import.meta.dirname, '../../test-artifacts');

/** Launches Chromium; `extraArgs` add flags, e.g. a fake microphone for the recording page. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      ...extraArgs,
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Gives a browser context a paired device's (or a session's) token where its app keeps it: the
 * app's HttpOnly cookie, as if the pairing screen or the sign-in had been used on an earlier day.
 */
export async function addAppCookie(context: BrowserContext, serverUrl: string, app: BrowserApp, token: string): Promise<void> {
  await context.addCookies([{ name: `motcua_${app}`, value: token, url: serverUrl, httpOnly: true, sameSite: 'Strict' }]);
}

/** The cookie of an app (`motcua_kiosk`, `motcua_hub`…) the browser holds, if any. */
export async function appCookie(context: BrowserContext, name: string) {
  return (await context.cookies()).find((c) => c.name === name);
}

/** Every value the page's scripts can reach in its storage and its cookies, to look for tokens in. */
export async function readableByScript(page: Page): Promise<string> {
  return page.evaluate(() => {
    const stored = Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`);
    return [...stored, document.cookie].join('\n');
  });
}
