import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteConfigInput } from '../../protocol/site-config.ts';
import { landscape, openKiosk, portrait, typeOnScreen } from '../kiosk/kiosk-browser.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { EscPosPeer } from '../support/escpos-peer.ts';
import { openPtyPair, type PtyPair } from '../support/pty-pair.ts';
import { command, TestServer, type ClientSocket } from '../support/test-server.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('kiosk idle reset', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('asks "more time?", carries on when asked to, and otherwise clears everything and goes home', async () => {
    const page = await openKiosk(browser, server, { size: portrait, query: '?idle=2&warn=10' });
    await page.locator('.lang-switch button[lang="en"]').click();
    await page.locator('.toggle').nth(1).click();
    await page.locator('.search-box').click();
    await typeOnScreen(page, 'ho ti');
    const question = page.locator('.dialog h2');
    await question.waitFor();
    expect(await question.textContent()).toBe('Do you need more time?');
    await screenshot(page, 'kiosk-portrait-idle-warning');
    await page.locator('.dialog button').click();
    await question.waitFor({ state: 'hidden' });
    expect(await page.locator('.search-input').inputValue()).toBe('ho ti');

    // Nobody answers this time: the next citizen finds a fresh kiosk.
    await question.waitFor();
    await page.locator('h1', { hasText: 'Xin mời công dân chọn thủ tục cần giải quyết' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.className])).toEqual(['vi', '']);
    expect(await page.locator('.lang-switch button[lang="vi"]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('.search-box').click();
    expect(await page.locator('.search-input').inputValue()).toBe('');
    await page.context().close();
  }, 90_000);

  it('does not warn on an untouched home screen', async () => {
    const page = await openKiosk(browser, server, { size: portrait, query: '?idle=1&warn=1' });
    // Long enough for two idle periods; a timer that fired would show the dialog.
    await page.waitForTimeout(2500);
    expect(await page.locator('.dialog').count()).toBe(0);
    await page.context().close();
  });
});

describe('kiosk with the ticket printer out of paper', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('says so before the citizen chooses, then gives the number on screen marked as not printed', async () => {
    const token = await server.deviceToken('kiosk');
    const page = await openKiosk(browser, server, { size: portrait, token });
    expect(await page.locator('.banner.printer').count()).toBe(0);
    server.printer.simulateStatus({ state: 'paper-end', paperNearEnd: false });
    const banner = page.locator('.banner.printer');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Máy in phiếu đang hết giấy');
    await screenshot(page, 'kiosk-portrait-printer-out');

    await page.locator('.tile.by-service').click();
    await page.locator('.tile[data-service="certification"]').click();
    const outcome = page.locator('.print-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-print')).toBe('not_printed');
    expect(await outcome.textContent()).toContain('Không in được phiếu số thứ tự. Mời công dân chụp ảnh màn hình này');
    expect(await page.locator('[data-testid="ticket-number"]').textContent()).toBe('2001');
    await screenshot(page, 'kiosk-portrait-confirmation-not-printed');
    await page.context().close();

    const wide = await openKiosk(browser, server, { size: landscape, token });
    await wide.locator('.banner.printer').waitFor();
    await screenshot(wide, 'kiosk-landscape-printer-out');
    await wide.context().close();
  });
});

describe('kiosk whose printer runs out of paper during the ticket (a real printer driver on a pty)', () => {
  let server: TestServer;
  let dir: string;
  let pair: PtyPair;
  let peer: EscPosPeer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-kiosk-printer-'));
    pair = await openPtyPair(dir, 'printer');
    peer = await EscPosPeer.open(pair.peerPath);
    server = await TestServer.start({
      printers: { version: 1, printers: [{ id: 'p1', name: 'Ki-ốt', transport: { kind: 'serial', path: pair.devicePath } }] },
    });
  });
  afterAll(async () => {
    await server?.close();
    await peer?.close();
    await pair?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows the number, "printing", then says plainly that it was not printed', async () => {
    for (const size of [portrait, landscape]) {
      const page = await openKiosk(browser, server, { size, token: await server.deviceToken('kiosk') });
      await expect.poll(() => server.server.ctx.printing.state('p1')).toBe('ready');
      peer.device.runOutOfPaperAfter(1200);
      await page.locator('.tile.by-service').click();
      await page.locator('.tile[data-service="certification"]').click();
      await page.locator('[data-testid="ticket-number"]').waitFor();
      const outcome = page.locator('.print-outcome');
      await expect.poll(() => outcome.getAttribute('data-print'), { timeout: 20_000 }).toBe('not_printed');
      expect(await outcome.textContent()).toContain('hỏi tại bàn hướng dẫn để được in lại');
      await screenshot(page, `kiosk-${size === portrait ? 'portrait' : 'landscape'}-paper-ran-out`);
      await page.context().close();
      peer.device.paperOut = false;
    }
    // Nothing came out for those citizens later: only the two broken tickets, cut off.
    await new Promise((r) => setTimeout(r, 500));
    expect(peer.device.tickets().every((t) => t.qr.length === 0)).toBe(true);
  });
});

describe('kiosk when a service has given its daily quota', () => {
  let server: TestServer;
  let dataDir: string;
  let kiosk: ClientSocket;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'motcua-kiosk-quota-'));
    const site = JSON.parse(await readFile(join(import.meta.dirname, '../../data/site.json'), 'utf8')) as SiteConfigInput;
    site.services.find((s) => s.id === 'civil-status')!.dailyQuota = 1;
    site.services.find((s) => s.id === 'certification')!.dailyQuota = 1;
    await writeFile(join(dataDir, 'site.json'), JSON.stringify(site));
    server = await TestServer.start({ dataDir });
    kiosk = await server.socket(await server.deviceToken('kiosk'));
    const r = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    expect(r.ok).toBe(true);
  });
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says on the tile and on the procedure that numbers are finished, and when to come back', async () => {
    for (const [size, name] of [
      [portrait, 'portrait'],
      [landscape, 'landscape'],
    ] as const) {
      const page = await openKiosk(browser, server, { size });
      const status = page.locator('.tile[data-field="ho-tich"] .service-status');
      await status.waitFor();
      expect(await status.getAttribute('data-availability')).toBe('quota_reached');
      // The test centre's clock is Monday 23/11/2026 09:00; numbers are handed out from 07:00.
      expect(await status.textContent()).toBe('Đã hết số thứ tự hôm nayMời quay lại lúc 07:00 ngày mai, Thứ Ba, 24/11');
      expect(await page.locator('.tile[data-field="chung-thuc"] .service-status').count()).toBe(0);
      await screenshot(page, `kiosk-${name}-quota`);

      await page.locator('.tile[data-field="ho-tich"]').click();
      await page.locator('.procedure-item[data-code="1.001193"]').click();
      const panel = page.locator('.take-number.unavailable');
      await panel.waitFor();
      expect(await panel.locator('button').count()).toBe(0);
      expect(await panel.textContent()).toContain('Mời quay lại lúc 07:00 ngày mai');
      await page.context().close();
    }
  });

  it('explains a refusal in the language the citizen chose when the last number went while they chose', async () => {
    const page = await openKiosk(browser, server, { size: portrait });
    await page.locator('.lang-switch button[lang="en"]').click();
    await page.locator('.tile.by-service').click();
    await page.locator('.tile[data-service="certification"]:not([disabled])').waitFor();
    await screenshot(page, 'kiosk-portrait-services');
    await page.locator('[data-priority-service="certification"]').click();
    await page.locator('[data-priority="elderly"]').waitFor();
    await screenshot(page, 'kiosk-portrait-priority');
    // Another kiosk takes the day's last number for this service in the meantime.
    expect((await command(kiosk, 'ticket:issue', { serviceId: 'certification' })).ok).toBe(true);
    await page.locator('[data-priority="elderly"]').click();
    const refusal = page.locator('.refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('quota_reached');
    expect(await refusal.textContent()).toBe('No numbers left today. Please come back at 07:00 tomorrow, Tuesday 24/11.');
    await screenshot(page, 'kiosk-portrait-refused');
    await page.context().close();
  });
});

describe('kiosk when the server goes away', () => {
  let dataDir: string;
  let server: TestServer | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'motcua-kiosk-restart-'));
    // A centre where only staff give priority numbers: "Lấy số" issues at once, with no question.
    const site = JSON.parse(await readFile(join(import.meta.dirname, '../../data/site.json'), 'utf8')) as SiteConfigInput;
    site.centre.kioskMayIssuePriority = false;
    await writeFile(join(dataDir, 'site.json'), JSON.stringify(site));
  });
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says the connection is lost, and recovers by itself when the server is back; "Lấy số" then issues at once', async () => {
    const first = await TestServer.start({ dataDir });
    server = first;
    const page = await openKiosk(browser, first, { size: portrait });
    await page.locator('.tile[data-field="ho-tich"]').click();
    await page.locator('.procedure-item[data-code="1.001193"]').click();
    await page.locator('button.take').waitFor();
    expect(await page.locator('button.take-priority').count()).toBe(0);

    await first.close();
    server = undefined;
    const banner = page.locator('.banner.offline');
    await banner.waitFor();
    expect(await banner.textContent()).toBe('Mất kết nối tới máy chủ. Đang thử kết nối lại…');
    expect(await page.locator('button.take').isDisabled()).toBe(true);

    // Same data directory and port: the kiosk's pairing survives, as after a real restart.
    server = await TestServer.start({ dataDir, flags: ['--port', String(first.port)] });
    await banner.waitFor({ state: 'hidden', timeout: 20_000 });
    await page.locator('button.take:not([disabled])').click();
    expect(await page.locator('[data-testid="ticket-number"]').textContent()).toBe('1001');
    expect(await page.locator('[data-priority]').count()).toBe(0);
    await page.context().close();
  });
});
