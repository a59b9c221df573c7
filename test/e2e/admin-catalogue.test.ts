import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../protocol/catalogue.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { TestServer } from '../support/test-server.ts';
import { signedInAdmin } from './admin-browser.ts';

/** Scrolls `selector` to the top at once (cancelling the editor's smooth scroll) and waits until the page is still. */
async function scrolledTo(page: Page, selector: string): Promise<void> {
  await page.locator(selector).evaluate((e) => e.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await page.waitForFunction(
    () =>
      new Promise<boolean>((done) => {
        const y = scrollY;
        requestAnimationFrame(() => requestAnimationFrame(() => done(scrollY === y)));
      }),
  );
}

/** Polls until `check` holds: the browser's save reaches the server on its own schedule. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never happened: ${what}`);
}

describe('admin app: procedures and service hours in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signedIn = (): Promise<Page> => signedInAdmin(browser, server);

  it('moves a procedure to another service and corrects its fee; /api/catalogue serves it', async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/admin/#procedures`);
    await page.locator('tr[data-procedure="1.001193"] button').click();
    const editor = page.locator('form.procedure-editor');
    await editor.locator('h2', { hasText: 'Sửa thủ tục 1.001193' }).waitFor();
    await editor.locator('select[name="procedure-service"]').selectOption('general');
    await editor.locator('input[name="fee-in-person"]').fill('Lệ phí: 8.000 đồng');
    await editor.locator('input[name="fee-amount-in-person"]').fill('8000');
    await scrolledTo(page, 'form.procedure-editor');
    await screenshot(page, 'admin-procedure-editor');
    await editor.locator('button[type="submit"]').click();
    await editor.locator('.notice--ok').waitFor();

    await eventually(async () => {
      const r = await server.request<Catalogue>('GET', '/api/catalogue');
      const p = r.body.ok ? r.body.value.procedures.find((x) => x.code === '1.001193') : undefined;
      return p?.serviceId === 'general' && p.filing[0]?.fee.text === 'Lệ phí: 8.000 đồng' && p.filing[0].fee.amount === 8000;
    }, 'the catalogue serves the edited procedure');
    // The table shows the new service once the page reloaded the catalogue.
    await page.locator('tr[data-procedure="1.001193"] td', { hasText: 'TH · Tư pháp' }).waitFor();
    await page.close();
  });

  it("shows each service's procedures and gives a service its own hours", async () => {
    const catalogue = await server.request<Catalogue>('GET', '/api/catalogue');
    const land = catalogue.body.ok ? catalogue.body.value.procedures.filter((p) => p.serviceId === 'land') : [];
    expect(land.length).toBeGreaterThan(0);

    const page = await signedIn();
    await page.goto(`${server.url}/admin/#services`);
    await page.locator('tr[data-service="land"] [data-testid="procedure-count"]', { hasText: String(land.length) }).waitFor();
    await page.locator('tr[data-service="land"] button').first().click();
    const editor = page.locator('form.editor');
    await editor.locator('.linked-procedures li', { hasText: land[0]?.name ?? '?' }).waitFor();
    expect(await editor.locator('.linked-procedures li').count()).toBe(land.length);

    expect(await editor.locator('input[name="service-hours-mon-0-from"]').count()).toBe(0);
    await editor.locator('input[name="hours-mode"][value="own"]').check();
    // Starts from the centre's week (07:30–11:30 and 13:00–17:00 on weekdays, Saturday morning), edited with time pickers.
    await editor.locator('button[name="service-hours-mon-1-remove"]').click();
    await editor.locator('input[name="service-hours-mon-0-to"]').fill('11:00');
    await editor.locator('input[name="service-hours-tue-0-to"]').fill('11:00');
    await editor.locator('input[name="service-hours-tue-1-from"]').fill('13:30');
    await editor.locator('input[name="service-hours-tue-1-to"]').fill('16:00');
    await editor.locator('button[name="service-hours-sat-0-remove"]').click();
    await scrolledTo(page, 'form.editor .service-hours');
    await screenshot(page, 'admin-service-hours');
    await editor.locator('button[type="submit"]').click();
    await page.locator('.notice--ok').waitFor();

    const config = await server.request<SiteConfig>('GET', '/api/config', undefined, admin);
    const hours = config.body.ok ? config.body.value.services.find((s) => s.id === 'land')?.hours : undefined;
    expect(hours?.mon).toEqual([['07:30', '11:00']]);
    expect(hours?.tue).toEqual([
      ['07:30', '11:00'],
      ['13:30', '16:00'],
    ]);
    expect(hours?.sat).toEqual([]);

    // Back to the centre's hours: the service no longer has its own.
    await page.locator('tr[data-service="land"] button').first().click();
    await expect(editor.locator('input[name="service-hours-mon-0-to"]').inputValue()).resolves.toBe('11:00');
    await editor.locator('input[name="hours-mode"][value="centre"]').check();
    await editor.locator('button[type="submit"]').click();
    await eventually(async () => {
      const back = await server.request<SiteConfig>('GET', '/api/config', undefined, admin);
      return back.body.ok && back.body.value.services.find((s) => s.id === 'land')?.hours === undefined;
    }, 'the service follows the centre again');
    await page.close();
  });

  it('lists every bad row of a refused import beside the refusal, and keeps the catalogue', async () => {
    const current = await server.request<Catalogue>('GET', '/api/catalogue');
    if (!current.body.ok) throw new Error('no catalogue');
    const broken = structuredClone(current.body.value);
    broken.procedures[1]!.code = 'bad';
    broken.procedures[3]!.targets = [];
    const page = await signedIn();
    await page.goto(`${server.url}/admin/#procedures`);
    await page
      .locator('input[name="catalogue-file"]')
      .setInputFiles({ name: 'catalogue.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const problems = page.locator('.notice--bad .problems li');
    await problems.first().waitFor();
    expect(await problems.allTextContents()).toEqual([expect.stringMatching(/[Dd]òng 2/), expect.stringMatching(/[Dd]òng 4/)]);
    await screenshot(page, 'admin-import-refused');
    expect((await server.request<Catalogue>('GET', '/api/catalogue')).body).toEqual(current.body);
    await page.close();
  });

  it('previews a catalogue saved by Excel as Windows-1258, then imports it', async () => {
    const csv = readFileSync(join(import.meta.dirname, '../../docs/examples/catalogue.csv'), 'utf8');
    const bytes = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'CP1258'], { input: csv }).stdout;
    const page = await signedInAdmin(browser, server);
    await page.goto(`${server.url}/admin/#procedures`);
    await page.locator('input[name="catalogue-file"]').setInputFiles({ name: 'thu-tuc.csv', mimeType: 'text/csv', buffer: bytes });
    const preview = page.locator('.import-preview');
    await preview.waitFor();
    expect(await preview.locator('[data-testid="import-read"]').textContent()).toContain('Windows-1258');
    expect(await preview.locator('tr[data-preview-procedure="1.001193"]').textContent()).toContain('Đăng ký khai sinh');
    await preview.evaluate((e) => e.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await screenshot(page, 'admin-catalogue-import-preview');
    const before = await server.request<Catalogue>('GET', '/api/catalogue');
    expect(before.body.ok && before.body.value.procedures.length).toBeGreaterThan(3);

    await preview.locator('[data-action="confirm-import"]').click();
    await page.locator('.catalogue-import .notice--ok').waitFor();
    const after = await server.request<Catalogue>('GET', '/api/catalogue');
    expect(after.body.ok && after.body.value.procedures.map((p) => p.name)[0]).toBe('Đăng ký khai sinh');
    expect(after.body.ok && after.body.value.procedures.length).toBe(3);
    await page.close();
  });

  it('sets the centre’s time zone and hours with pickers, not typed text', async () => {
    const page = await signedInAdmin(browser, server);
    await page.goto(`${server.url}/admin/#centre`);
    const zone = page.locator('select[name="time-zone"]');
    expect(await zone.inputValue()).toBe('Asia/Ho_Chi_Minh');
    expect(await zone.locator('option').first().textContent()).toContain('Asia/Ho Chi Minh (UTC+07:00)');
    expect(await zone.locator('option').count()).toBeGreaterThan(300);
    // Saturday gets an afternoon too; Sunday opens in the morning.
    await page.locator('button[name="hours-sat-add"]').click();
    expect(await page.locator('input[name="hours-sat-1-from"]').inputValue()).toBe('13:00');
    await page.locator('button[name="hours-sun-add"]').click();
    await page.locator('input[name="hours-sun-0-to"]').fill('11:00');
    await page.locator('.week-hours').evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
    await screenshot(page, 'admin-centre-hours');
    await page.locator('form.config-form button[type="submit"]').click();
    await eventually(async () => {
      const config = await server.request<SiteConfig>('GET', '/api/config', undefined, admin);
      const hours = config.body.ok ? config.body.value.centre.hours : undefined;
      return (
        JSON.stringify([hours?.sat, hours?.sun]) ===
        JSON.stringify([
          [
            ['07:30', '11:30'],
            ['13:00', '17:00'],
          ],
          [['07:30', '11:00']],
        ])
      );
    }, 'the new hours saved');
    await page.close();
  });
});
