import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printerProfile } from '../../hardware/printer/index.ts';
import type { PrintersView } from '../../protocol/printers.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { EscPosDevice, EscPosNetworkPrinter } from '../support/escpos-peer.ts';
import { command, TestServer } from '../support/test-server.ts';
import { signedInAdmin } from './admin-browser.ts';

describe('admin printer page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let network: EscPosNetworkPrinter;

  beforeAll(async () => {
    // A network printer on this machine, with the Epson code pages the preset names.
    network = await EscPosNetworkPrinter.listen(new EscPosDevice({ profile: printerProfile({ vietnameseMode: 'codepage-cp1258' }) }));
    [server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await network?.close();
  });

  it('adds a network printer from a preset, prints a test ticket, gives it a kiosk and reprints a number on it', async () => {
    const kioskToken = await server.deviceToken('kiosk');
    const kiosk = await server.socket(kioskToken);
    const issued = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status', procedureCode: '1.001193' });
    if (!issued.ok) throw new Error(issued.error.code);

    const page = await signedInAdmin(browser, server);
    await page.goto(`${server.url}/admin/#printer`);
    await page.locator('.printer-card[data-printer="p1"]').waitFor();
    await page.locator('.printer-card .ticket-card img.ticket-preview').first().waitFor();
    await screenshot(page, 'admin-printers-virtual');

    await page.locator('button', { hasText: 'Thêm máy in' }).click();
    await page.locator('input[name="printer-name"]').fill('Máy in sảnh A');
    await page.locator('select[name="printer-model"]').selectOption('epson-tm-t20iii');
    await page.locator('select[name="printer-transport"]').selectOption('network');
    await page.locator('input[name="printer-host"]').fill('127.0.0.1');
    await page.locator('input[name="printer-port"]').fill(String(network.port));
    await page.locator('select[name="printer-mode"]').selectOption('codepage-cp1258');
    // The preset filled in the code page numbers for this model.
    expect(await page.locator('input[name="printer-page-cp1258"]').inputValue()).toBe('52');
    await screenshot(page, 'admin-printer-editor');
    await page.locator('form.printer-editor button[type="submit"]').click();

    const card = page.locator('.printer-card[data-printer="p2"]');
    await card.waitFor();
    await expect.poll(() => card.locator('[data-testid="printer-state"]').textContent(), { timeout: 15_000 }).toBe('Sẵn sàng');
    await card.locator('button', { hasText: 'In phiếu thử' }).click();
    await card.locator('.notice--ok', { hasText: 'Đã in phiếu thử' }).waitFor();
    const [test] = network.device.tickets();
    expect(test?.text[0]).toBe('PHIẾU IN THỬ');
    expect(test?.text.join(' ')).toContain('Trung tâm Phục vụ hành chính công');

    await page.locator('.kiosk-printers select').first().selectOption('p2');
    await expect
      .poll(async () => {
        const view = await server.request<PrintersView>('GET', '/api/printers', undefined, await server.adminToken());
        return view.body.ok ? view.body.value.printers.find((p) => p.config.id === 'p2')?.kiosks.length : 0;
      })
      .toBe(1);

    await page.locator('input[name="reprint-number"]').fill(issued.value.ticket.label);
    await page.locator('select[name="reprint-printer"]').selectOption('p2');
    await page.locator('form.reprint-form button[type="submit"]').click();
    await page.locator('.reprint-form .notice--ok').waitFor();
    expect(network.device.tickets()[1]?.qr).toEqual([issued.value.followUrl]);
    await card.locator('.ticket-card', { hasText: issued.value.ticket.label }).waitFor();
    await screenshot(page, 'admin-printers');

    // A bad address is refused with the reason, and nothing changes.
    await card.locator('button', { hasText: 'Sửa' }).click();
    await page.locator('input[name="printer-host"]').fill('máy in');
    await page.locator('form.printer-editor button[type="submit"]').click();
    await page.locator('form.printer-editor .notice--bad').waitFor();
    expect(await page.locator('form.printer-editor .notice--bad').textContent()).toContain('Cấu hình không hợp lệ');
    await page.close();
  });
});
