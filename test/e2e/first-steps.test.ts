import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from '../support/axe.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { freePort, postJson, startServerProcess, type ServerProcess } from '../support/server-process.ts';

// The README's "First steps after npm start", done as a newcomer does them, on the server as
// npm start runs it: the set-up link, pairing a kiosk and a rating tablet on their number pads,
// a clerk, a number taken and called. Every app on the way is checked with axe-core.

const desk = { width: 1366, height: 768 };

async function typeOnPad(page: Page, code: string): Promise<void> {
  for (const digit of code) await page.locator(`.number-pad [data-key="${digit}"]`).tap();
}

describe('the first steps of the README', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;
  const violations: Record<string, unknown[]> = {};
  const check = async (name: string, page: Page) => {
    violations[name] = await seriousAccessibilityViolations(page);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-first-steps-'));
    [server, browser] = await Promise.all([startServerProcess(join(dir, 'data'), await freePort()), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.killHard();
    await rm(dir, { recursive: true, force: true });
  });

  it('works as written, on pages without serious accessibility problems', async () => {
    // 1. The set-up link, pasted into a tab that is already on /admin/.
    const link = /(http:\/\/\S+\/admin\/#setup=[\w-]+)/.exec(server.output())?.[1];
    expect(link).toBeDefined();
    const admin = await browser.newPage({ viewport: desk });
    admin.setDefaultTimeout(10_000);
    await admin.goto(`${server.base}/admin/`);
    await admin.locator('[data-testid="needs-setup"]').waitFor();
    await check('admin sign-in', admin);
    await admin.evaluate(() => Object.assign(window, { __sameTab: true }));
    await admin.goto(`${server.base}/admin/${new URL(link!).hash}`);
    await admin.locator('input[name="repeat"]').waitFor();
    expect(await admin.evaluate(() => (window as { __sameTab?: boolean }).__sameTab)).toBe(true);
    await check('admin set-up', admin);
    await admin.locator('input[name="username"]').fill('quantri');
    await admin.locator('input[name="name"]').fill('Nguyễn Văn Quản');
    await admin.locator('input[name="password"]').fill('mat-khau-quan-tri');
    await admin.locator('input[name="repeat"]').fill('mat-khau-quan-tri');
    await admin.locator('button[type="submit"]').click();
    await admin.locator('.admin-bar').waitFor();
    await check('admin dashboard', admin);

    // 2. Admin → Thiết bị: a code for the kiosk, typed on its number pad.
    await admin.locator('.admin-bar nav a', { hasText: 'Thiết bị' }).click();
    await check('admin devices', admin);
    const pairingCode = async (kind: 'kiosk' | 'rating', name: string, counter?: number) => {
      await admin.locator('select[name="kind"]').selectOption(kind);
      await admin.locator('input[name="device-name"]').fill(name);
      if (counter) await admin.locator('input[name="device-counter"]').fill(String(counter));
      const before = await admin
        .locator('[data-testid="pairing-code"]')
        .textContent({ timeout: 100 })
        .catch(() => null);
      await admin.locator('form:has(select[name="kind"]) button[type="submit"]').click();
      await admin.waitForFunction((old) => {
        const text = document.querySelector('[data-testid="pairing-code"]')?.textContent ?? null;
        return text !== null && text !== old;
      }, before);
      return (await admin.locator('[data-testid="pairing-code"]').textContent())!;
    };
    const kioskCode = await pairingCode('kiosk', 'Ki-ốt sảnh chính');
    const kioskContext = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'vi-VN' });
    const kiosk = await kioskContext.newPage();
    await kiosk.goto(`${server.base}/kiosk/`);
    await kiosk.locator('.number-pad').waitFor();
    await screenshot(kiosk, 'first-steps-kiosk-pairing');
    await check('kiosk pairing', kiosk);
    await typeOnPad(kiosk, kioskCode);
    await kiosk.locator('form.pairing button[type="submit"]').tap();
    await kiosk.locator('.tile[data-field]').first().waitFor();
    await check('kiosk home', kiosk);

    // … and for counter 1's rating tablet.
    const ratingCode = await pairingCode('rating', 'Máy đánh giá quầy 1', 1);
    const tabletContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    const tablet = await tabletContext.newPage();
    await tablet.goto(`${server.base}/rate/1`);
    await typeOnPad(tablet, ratingCode);
    await tablet.locator('form.pairing button[type="submit"]').tap();
    await tablet.locator('.rating-idle').waitFor();
    await check('rating tablet', tablet);

    // 3. Admin → Tài khoản: a clerk, who signs in at /counter/ and picks counter 1.
    await admin.locator('.admin-bar nav a', { hasText: 'Tài khoản' }).click();
    await admin.locator('input[name="username"]').fill('canbo1');
    await admin.locator('input[name="name"]').fill('Trần Thị Bích');
    await admin.locator('input[name="password"]').fill('mat-khau-can-bo');
    await admin.locator('form.editor button[type="submit"]').click();
    await admin.locator('tr[data-username="canbo1"]').waitFor();
    await check('admin accounts', admin);
    const console = await browser.newPage({ viewport: desk });
    await console.goto(`${server.base}/counter/`);
    await check('counter sign-in', console);
    await console.locator('input[name="username"]').fill('canbo1');
    await console.locator('input[name="password"]').fill('mat-khau-can-bo');
    await console.locator('button[type="submit"]').click();
    await console.locator('.picker-grid button').first().click();
    await console.locator('.console').waitFor();

    // The board needs no pairing.
    const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await board.goto(`${server.base}/display/?audioSink=record`);
    await board.locator('.display[data-synced="true"]').waitFor();

    // 4. A number at the kiosk, called at the console: the board shows it.
    await kiosk.locator('.tile[data-field="ho-tich"]').tap();
    await kiosk.locator('.procedure-item[data-code="1.001193"]').tap();
    await kiosk.locator('button.take').tap();
    const number = (await kiosk.locator('[data-testid="ticket-number"]').textContent())!.trim();
    await check('kiosk ticket', kiosk);
    await console.locator('[data-action="next"]').click();
    await console.locator('[data-testid="current-label"]', { hasText: number }).waitFor();
    await check('counter console', console);
    await board.locator(`[data-testid=featured][data-ticket="${number}"]`).waitFor();
    await check('lobby board', board);

    // A citizen's phone follows a ticket from its QR code (the link the server signed for it).
    const session = (await postJson(server.base, '/api/auth/login', { username: 'quantri', password: 'mat-khau-quan-tri' })) as {
      value: { token: string };
    };
    const issued = (await postJson(server.base, '/api/tickets', { serviceId: 'land' }, session.value.token)) as {
      value: { ref: string; ticket: { label: string } };
    };
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${server.base}/t/${issued.value.ref}`);
    await phone.locator('[data-testid="follow-number"]', { hasText: issued.value.ticket.label }).waitFor();
    await check('follow page', phone);

    // The admin's other pages.
    for (const page of ['Báo cáo', 'Trung tâm', 'Dịch vụ', 'Quầy', 'Thủ tục', 'Máy in', 'Sao lưu', 'Nhật ký']) {
      await admin.locator('.admin-bar nav a', { hasText: page }).click();
      await admin.locator('.admin-page h1').first().waitFor();
      await check(`admin ${page}`, admin);
    }
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])));
  }, 180_000);
});
