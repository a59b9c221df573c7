import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceConnections } from '../../protocol/admin.ts';
import type { DeviceView } from '../../protocol/http-views.ts';
import { portrait } from '../kiosk/kiosk-browser.ts';
import { appCookie, launchBrowser, readableByScript } from '../support/browser.ts';
import { sessionOutOfReach, signOutDropsCookie } from './token-reach.ts';
import { TestServer } from '../support/test-server.ts';
import { waitForAnswer } from '../support/wait-for.ts';
import { desk, signedInAdmin } from './admin-browser.ts';

describe('in Chromium, no script of a page can read its app’s token', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: string;

  const pairingCode = async (kind: DeviceView['kind']) => {
    const r = await server.request<{ code: string }>('POST', '/api/devices/pairing-codes', { kind, name: 'Sảnh tầng 1' }, admin);
    if (!r.body.ok) throw new Error(r.body.error.code);
    return r.body.value.code;
  };
  const whoAmI = (token: string) => server.request('GET', '/api/auth/me', undefined, token);

  beforeAll(async () => {
    [server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
    admin = await server.adminToken();
    await server.clerkToken('clerk1');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function pairKiosk(): Promise<Page> {
    const page = await (await browser.newContext({ viewport: portrait })).newPage();
    await page.goto(`${server.url}/kiosk/`);
    await page.locator('input[name="code"]').fill(await pairingCode('kiosk'));
    await page.locator('form.pairing button[type="submit"]').click();
    await page.locator('.tile[data-field]').first().waitFor();
    return page;
  }

  it('after pairing a kiosk: the token is in an HttpOnly cookie, not in localStorage, and document.cookie does not show it', async () => {
    const page = await pairKiosk();
    const cookie = await appCookie(page.context(), 'motcua_kiosk');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', secure: false });
    expect(cookie?.value).toMatch(/^dev_/);
    const visible = await readableByScript(page);
    expect(visible).not.toContain(cookie?.value);
    expect(visible).not.toMatch(/dev_|motcua_kiosk/);
    // After a reboot the kiosk is still paired: the browser sends the cookie, the server says so.
    await page.reload();
    await page.locator('.tile[data-field]').first().waitFor();
    await page.context().close();
  });

  it('after a clerk signs in at a console: the session is in the counter app’s cookie only, and signing out clears it', async () => {
    const page = await (await browser.newContext({ viewport: desk })).newPage();
    await page.goto(`${server.url}/counter/1`);
    await page.locator('input[name="username"]').fill('clerk1');
    await page.locator('input[name="password"]').fill('clerk-password-1');
    await page.locator('form.sign-in button[type="submit"]').click();
    await page.locator('.console').waitFor();
    const cookie = await sessionOutOfReach(page, 'motcua_counter');
    await page.reload();
    await page.locator('.console').waitFor();
    await signOutDropsCookie(page, 'motcua_counter', 'form.sign-in');
    expect((await whoAmI(cookie.value)).status).toBe(401);
    await page.context().close();
  });

  it('a clerk who signs in to the admin app is turned away, and their session does not stay in its cookie', async () => {
    const page = await (await browser.newContext({ viewport: desk })).newPage();
    await page.goto(`${server.url}/admin/`);
    await page.locator('input[name="username"]').fill('clerk1');
    await page.locator('input[name="password"]').fill('clerk-password-1');
    await page.locator('form.sign-in button[type="submit"]').click();
    await page.getByText('Chỉ tài khoản quản trị').waitFor();
    await waitForAnswer(async () => (await appCookie(page.context(), 'motcua_admin')) === undefined, 'the cookie to be cleared');
    await page.context().close();
  });

  it('a kiosk paired on an older build (its token in localStorage) needs no new pairing: the token moves into the cookie', async () => {
    const token = await server.deviceToken('kiosk');
    const page = await (await browser.newContext({ viewport: portrait })).newPage();
    await page.goto(`${server.url}/kiosk/`);
    await page.locator('form.pairing').waitFor();
    await page.evaluate((t) => localStorage.setItem('motcua.kiosk.token', t), token);
    await page.reload();
    await page.locator('.tile[data-field]').first().waitFor();
    expect(await page.evaluate(() => localStorage.getItem('motcua.kiosk.token'))).toBeNull();
    expect(await appCookie(page.context(), 'motcua_kiosk')).toMatchObject({ value: token, httpOnly: true });
    await page.context().close();
  });

  it('a board paired on an older build moves its stored token into the display app’s cookie and connects as that display', async () => {
    const token = await server.deviceToken('display');
    const device = server.server.ctx.auth.deviceByToken(token)!;
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript((t) => {
      if (!sessionStorage.getItem('seeded')) localStorage.setItem('motcua.display.token', t);
      sessionStorage.setItem('seeded', '1');
    }, token);
    await page.goto(`${server.url}/display/`);
    await waitForAnswer(async () => {
      const live = await server.request<DeviceConnections>('GET', '/api/admin/connections', undefined, admin);
      return live.body.ok && live.body.value.devices.find((d) => d.id === device.id)?.connections === 1;
    }, 'the board to connect as its display');
    expect(await page.evaluate(() => localStorage.getItem('motcua.display.token'))).toBeNull();
    expect(await appCookie(page.context(), 'motcua_display')).toMatchObject({ value: token, httpOnly: true });
    await page.close();
  });

  it('Admin → Thiết bị → new token: the kiosk’s cookie is replaced over its live connection, and the old token is refused', async () => {
    const kiosk = await pairKiosk();
    const old = (await appCookie(kiosk.context(), 'motcua_kiosk'))!.value;
    const device = server.server.ctx.auth.deviceByToken(old)!;
    const page = await signedInAdmin(browser, server);
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${server.url}/admin/#health`);
    const row = page.locator(`tr[data-device="${device.id}"]`);
    await row.locator('.pill--open').waitFor();
    await row.locator('button[name="rotate"]').click();
    await page.getByText('đã nhận mã mới').waitFor();
    const renewed = (await appCookie(kiosk.context(), 'motcua_kiosk'))!;
    expect(renewed).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(renewed.value).not.toBe(old);
    expect((await whoAmI(old)).status).toBe(401);
    expect(await whoAmI(renewed.value)).toMatchObject({ status: 200, body: { value: { device: { id: device.id } } } });
    // The kiosk goes on after a reboot with its new cookie.
    await kiosk.reload();
    await kiosk.locator('.tile[data-field]').first().waitFor();
    await kiosk.context().close();
    await page.close();
  });
});
