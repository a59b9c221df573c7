import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { TestHub } from '../support/test-hub.ts';
import { fillProvince, provinceCentres, signedInHub } from './hub-fixture.ts';
import { sessionOutOfReach, signOutDropsCookie } from './token-reach.ts';

const admin = { username: 'tinh', password: 'province-password-1' };
let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  hub = await TestHub.start();
  await fillProvince(hub);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('the province app in Chromium', () => {
  it('shows every centre live, with its problems and how far behind it is', async () => {
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      const page = await signedInHub(browser, hub, admin, size);
      await page.locator('tr[data-centre="26734"]').waitFor();
      expect(await page.locator('tbody tr').count()).toBe(provinceCentres.length + 1);
      expect(await page.locator('tr[data-centre="26734"] [data-problem="printer.paper_out"]').textContent()).toBe('Máy in hết giấy');
      expect(await page.locator('tr[data-centre="26737"] [data-problem="boards.sound_off"]').textContent()).toBe('1 màn hình tắt tiếng');
      expect(await page.locator('tr[data-centre="26743"] [data-testid=link]').textContent()).toBe('Mất liên lạc');
      expect(await page.locator('tr[data-centre="26743"] [data-testid=behind]').textContent()).toBe('Còn 140 sự kiện chưa gửi');
      expect(await page.locator('tr[data-centre="26746"] [data-testid=link]').textContent()).toBe('Chưa tham gia');
      expect(await page.locator('[data-testid=province-waiting] .stat-value').textContent()).toBe('42');
      await screenshot(page, `hub-status-${size.width}x${size.height}`);
      await page.close();
    }
  });

  it('keeps the session in an HttpOnly cookie: no script of the page can read it, and a reload stays signed in', async () => {
    const page = await signedInHub(browser, hub, admin);
    const cookie = await sessionOutOfReach(page, 'motcua_hub');
    // Plain HTTP here: a Secure cookie would never be sent back.
    expect(cookie).toMatchObject({ secure: false, value: expect.stringMatching(/^ses_/) });
    // Signed in after a reload too: the app learns it from the hub, having nothing stored.
    await page.reload();
    await page.locator('tr[data-centre="26734"]').waitFor();
    await signOutDropsCookie(page, 'motcua_hub', 'form.sign-in');
    expect((await hub.request('GET', '/api/auth/me', undefined, cookie.value)).status).toBe(401);
    await page.close();
  });

  it('ends and drops a session an older build kept in localStorage: the person signs in once more', async () => {
    const old = await hub.request<{ token: string }>('POST', '/api/auth/login', admin);
    const stored = old.body.ok ? old.body.value.token : '';
    expect(stored).toMatch(/^ses_/);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${hub.url}/`);
    await page.evaluate((t) => localStorage.setItem('motcua.hub.token', t), stored);
    await page.reload();
    await page.locator('input[name="username"]').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('motcua.hub.token'))).toBeNull();
    expect((await hub.request('GET', '/api/auth/me', undefined, stored)).status).toBe(401);
    await page.close();
  });

  it('reports across centres by service and by week, and exports CSV', async () => {
    const page = await signedInHub(browser, hub, admin);
    await page.goto(`${hub.url}/#reports`);
    await page.locator('[data-testid=report-table] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid=report-table] tbody tr').count()).toBe(provinceCentres.length + 1);
    await page.locator('select[name=by]').selectOption('service');
    await page.locator('select[name=period]').selectOption('week');
    await page.waitForFunction(() => document.querySelector('[data-testid=report-table] thead th')?.textContent === 'Kỳ');
    await screenshot(page, 'hub-reports-1366x768');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải CSV' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Số phiếu đã cấp');
    await page.close();
  });

  it('shows the catalogue draft, its fee change, the published version and each centre’s version', async () => {
    const page = await signedInHub(browser, hub, admin, { width: 1920, height: 1080 });
    await page.goto(`${hub.url}/#catalogue`);
    await page.locator('[data-testid=draft-changes]').waitFor();
    expect(await page.locator('[data-testid=draft-changes]').textContent()).toContain('1 thay đổi về phí');
    await page.locator('input[name=note]').fill('Phí hộ tịch mới');
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByText('Đã công bố phiên bản 2').waitFor();
    await screenshot(page, 'hub-catalogue-1920x1080');
    await page.close();
  });

  it('makes a join code for a new centre and shows the command a technician runs', async () => {
    const page = await signedInHub(browser, hub, admin);
    await page.goto(`${hub.url}/#centres`);
    await page.locator('input[name=code]').fill('26749');
    await page.locator('input[name=name]').fill('Xã Mê Linh');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.locator('tr[data-centre="26749"] button').first().click();
    const shown = await page.locator('[data-testid=join-code] .pairing-code strong').textContent();
    await page.waitForFunction(() => scrollY === 0);
    expect(shown).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await page.locator('[data-testid=join-code] pre').textContent()).toContain(`--centre-code 26749 --hub-join-code ${shown}`);
    await screenshot(page, 'hub-centres-1366x768');
    await page.close();
  });

  it('adds a webhook and a machine token for an integrator, each secret shown once', async () => {
    const page = await signedInHub(browser, hub, admin, { width: 1920, height: 1080 });
    await page.goto(`${hub.url}/#integrations`);
    await page.locator('input[name=webhook-url]').fill('https://sms.example.vn/motcua');
    await page.locator('input[name=webhook-centre]').fill('26734');
    await page.locator('input[name=webhook-description]').fill('Tin nhắn SMS gọi số');
    await page.getByRole('button', { name: 'Thêm webhook' }).click();
    await page.locator('[data-testid=webhook-secret]').waitFor();
    expect(await page.locator('[data-testid=webhook-secret]').textContent()).toMatch(/[A-Za-z0-9_-]{20,}/);
    await page.locator('input[name=token-name]').fill('Cổng dịch vụ công tỉnh');
    await page.getByRole('button', { name: 'Tạo mã' }).click();
    await page.locator('[data-testid=new-token]').waitFor();
    expect(await page.locator('[data-testid=new-token]').textContent()).toContain('mac_');
    expect(await page.getByRole('row', { name: /Cổng dịch vụ công tỉnh/ }).textContent()).toContain('Xem tình hình');
    await screenshot(page, 'hub-integrations-1920x1080');
    // The secret is not shown again: a reload lists the webhook without it.
    await page.reload();
    await page.getByText('https://sms.example.vn/motcua').waitFor();
    expect(await page.locator('[data-testid=webhook-secret]').count()).toBe(0);
    await page.close();
  });

  it('adds a centre manager on the accounts page', async () => {
    const page = await signedInHub(browser, hub, admin);
    await page.goto(`${hub.url}/#users`);
    await page.locator('input[name=username]').fill('ql-ngocha');
    await page.locator('input[name=name]').fill('Nguyễn Thị Hoa');
    await page.locator('input[name=password]').fill('manager-pass-2');
    await page.locator('input[name=centreCode]').fill('26737');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('cell', { name: 'ql-ngocha' }).waitFor();
    await screenshot(page, 'hub-users-1366x768');
    await page.close();
  });

  it("shows a centre manager their own centre only, without the province's pages", async () => {
    const token = await hub.adminToken();
    await hub.request(
      'POST',
      '/api/users',
      { username: 'ql-badinh', name: 'Trần Văn Minh', password: 'manager-pass-1', role: 'centre_manager', centreCode: '26734' },
      token,
    );
    const page = await signedInHub(browser, hub, { username: 'ql-badinh', password: 'manager-pass-1' });
    await page.locator('tr[data-centre="26734"]').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('.admin-bar nav a').allTextContents()).toEqual(['Tình hình', 'Báo cáo']);
    await screenshot(page, 'hub-manager-1366x768');
    await page.close();
  });
});
