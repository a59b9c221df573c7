import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landscape, openKiosk } from '../kiosk/kiosk-browser.ts';
import { DisplayFixture } from './display-fixture.ts';

// After an upgrade every screen loads the new build by itself, but only at a moment that
// loses nobody's work: the kiosk on its untouched home screen, the console between tickets.

/** Marks the page, so a reload (which forgets the mark) can be told from a re-render. */
const mark = (page: Page) => page.evaluate(() => Object.assign(window, { __beforeUpgrade: true }));
const marked = (page: Page) => page.evaluate(() => (window as { __beforeUpgrade?: boolean }).__beforeUpgrade === true);
const reloaded = (page: Page) =>
  page.waitForFunction(() => (window as { __beforeUpgrade?: boolean }).__beforeUpgrade !== true, undefined, { timeout: 20_000 });

describe('screens after an upgrade', () => {
  let f: DisplayFixture;
  let kiosk: Page;
  let console: Page;

  beforeAll(async () => {
    f = await DisplayFixture.start();
    await f.server.clerkToken('clerk1', [1]);
    kiosk = await openKiosk(f.browser, f.server, { size: landscape, query: '?reloadQuiet=1' });
    console = await f.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await console.goto(`${f.server.url}/counter/1`);
    await console.locator('input[name="username"]').fill('clerk1');
    await console.locator('input[name="password"]').fill('clerk-password-1');
    await console.locator('button[type="submit"]').click();
    await console.locator('.console').waitFor();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('wait while someone is using them, then reload by themselves', async () => {
    // A citizen is browsing; the clerk is calling someone.
    await kiosk.locator('.tile[data-field="ho-tich"]').click();
    const label = await f.issue('civil-status');
    await console.locator('[data-action="next"]').click();
    await console.locator('[data-testid="current-label"]', { hasText: label }).waitFor();
    await Promise.all([mark(kiosk), mark(console)]);

    await f.restartServer(undefined, 'upgraded-build');
    await console.locator('.banner--offline').waitFor({ state: 'detached', timeout: 20_000 });
    await kiosk.locator('.banner.offline').waitFor({ state: 'detached', timeout: 20_000 });
    // Longer than either quiet time (1 s on this kiosk, 5 s on the console): busy screens stay.
    await new Promise((r) => setTimeout(r, 7_000));
    expect(await marked(kiosk)).toBe(true);
    expect(await marked(console)).toBe(true);

    await kiosk.locator('button.nav', { hasText: 'Trang chủ' }).click();
    await reloaded(kiosk);
    await kiosk.locator('.tile[data-field]').first().waitFor();

    await console.locator('[data-action="finish"]').click();
    await reloaded(console);
    await console.locator('.console').waitFor();
    expect(await console.locator('[data-testid="current-label"]').count()).toBe(0);
  });
});
