import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { TestServer } from '../support/test-server.ts';
import { waitForAnswer } from '../support/wait-for.ts';
import { signedInAdmin } from './admin-browser.ts';

// Another site (another origin: its own port) tries to show motcua's pages in a frame, as a
// page that overlays the admin app to steer a click would.

describe('the staff apps refuse to be framed by another site, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let hostile: Server;
  let hostileUrl: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
    hostile = createServer((req, res) => {
      const target = new URL(req.url ?? '/', 'http://x').searchParams.get('frame') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (req.url?.startsWith('/own')) res.end('<p id="own">a page of this site</p>');
      else res.end(`<iframe id="f" src="${target}" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', () => r()));
    hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((r) => hostile?.close(r));
  });

  /** The hostile page framing `target`; resolves with the frame once Chromium has decided. */
  async function framing(target: string): Promise<{ page: Page; frame: Frame }> {
    const page = await browser.newPage();
    await page.goto(`${hostileUrl}/?frame=${encodeURIComponent(target)}`);
    const handle = await page.locator('#f').elementHandle();
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error('no frame');
    await frame.waitForLoadState('load');
    return { page, frame };
  }

  it('a page of its own site loads in the frame (the check sees a framed page)', async () => {
    const { page, frame } = await framing(`${hostileUrl}/own`);
    await frame.locator('#own').waitFor();
    await page.close();
  });

  for (const app of ['admin', 'counter', 'kiosk']) {
    it(`the ${app} app does not load in another site's frame`, async () => {
      const { page, frame } = await framing(`${server.url}/${app}/`);
      // Chromium puts its error page in the frame instead: nothing of motcua runs or shows there.
      await waitForAnswer(async () => frame.url().startsWith('chrome-error://'), 'the frame to be blocked', 10_000);
      expect(await frame.locator('#app, .sign-in, input[name="password"]').count()).toBe(0);
      await page.close();
    });
  }

  it('under its content policy the admin app works, with no violation reported', async () => {
    const violations: string[] = [];
    const page = await signedInAdmin(browser, server);
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${server.url}/admin/#people`);
    await page.locator('h1', { hasText: 'Tài khoản cán bộ' }).waitFor();
    await page.reload();
    await page.locator('.admin-bar').waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });
});
