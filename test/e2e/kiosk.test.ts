import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landscape, openKiosk, portrait, typeOnScreen } from '../kiosk/kiosk-browser.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { TestServer } from '../support/test-server.ts';

describe('lobby kiosk: finding a procedure and taking a number', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds "Đăng ký khai sinh" typed without diacritics and issues its number with the papers to bring', async () => {
    const page = await openKiosk(browser, server, { size: portrait });
    await screenshot(page, 'kiosk-portrait-home');
    await page.locator('.search-box').click();
    await typeOnScreen(page, 'dang ky khai sinh');
    await expect.poll(() => page.locator('.search-input').inputValue()).toBe('dang ky khai sinh');
    const first = page.locator('.search-results .procedure-item').first();
    await expect.poll(() => first.locator('.procedure-name').textContent()).toBe('Đăng ký khai sinh');
    await screenshot(page, 'kiosk-portrait-search');

    await first.click();
    await page.locator('.procedure-head h1', { hasText: 'Đăng ký khai sinh' }).waitFor();
    expect(await page.locator('.procedure-details').textContent()).toContain('Tờ khai đăng ký khai sinh');
    expect(await page.locator('.filing h3').allTextContents()).toEqual(['Nộp trực tiếp', 'Nộp trực tuyến', 'Qua bưu chính']);
    await screenshot(page, 'kiosk-portrait-detail');

    // Priority has its own button beside this one: a normal number costs no question.
    expect(await page.locator('button.take-priority').textContent()).toBe('Lấy số ưu tiên');
    await page.locator('button.take').click();
    const number = page.locator('[data-testid="ticket-number"]');
    await number.waitFor();
    expect(await number.textContent()).toBe('1001');
    const card = await page.locator('.ticket-card').textContent();
    expect(card).toContain('Hộ tịch');
    expect(card).toContain('Số thứ tự sẽ được gọi đến một trong các quầy số 1, 2, 8');
    expect(card).toContain('Công dân vui lòng chờ đến lượt');
    expect(card).toContain('Số người chờ trước: 0');
    // No clerk has opened a counter yet: no "soon", no made-up figure.
    expect(card).toContain('Hiện chưa có quầy phục vụ mở, chưa ước tính được thời gian chờ');
    expect(card).toContain('Giờ lấy số: 09:0');
    // What the printer did, once it is done: the virtual printer prints at once.
    await expect.poll(() => page.locator('.print-outcome').getAttribute('data-print')).toBe('printed');
    expect(await page.locator('.print-outcome').textContent()).toContain('Phiếu số thứ tự đã được in');
    expect(await page.locator('.ready-papers').textContent()).toContain('Giấy chứng sinh');
    expect(await page.locator('.follow-qr svg path').getAttribute('d')).toMatch(/^M\d/);
    await screenshot(page, 'kiosk-portrait-confirmation');
    await page.context().close();
  });

  it('browses a field in English in landscape and goes home by itself after the confirmation', async () => {
    const page = await openKiosk(browser, server, { size: landscape, query: '?confirm=3' });
    await page.locator('.lang-switch button[lang="en"]').click();
    await page.locator('h1', { hasText: 'Please choose the procedure you came for' }).waitFor();
    await screenshot(page, 'kiosk-landscape-home');
    await page.locator('.tile[data-field="ho-tich"]').click();
    await page.locator('h1', { hasText: 'Civil status' }).waitFor();
    await screenshot(page, 'kiosk-landscape-list');
    await page.locator('.procedure-item[data-code="1.001193"]').click();
    await page.locator('.note', { hasText: 'Procedure details are given in Vietnamese.' }).waitFor();
    await screenshot(page, 'kiosk-landscape-detail');
    await page.locator('button.take-priority', { hasText: 'Priority number' }).click();
    await page.locator('[data-priority="elderly"]').click();
    await page.locator('[data-testid="ticket-number"]').waitFor();
    expect(await page.locator('.ticket-card').textContent()).toContain('Priority number');
    await screenshot(page, 'kiosk-landscape-confirmation');
    // Home again, in Vietnamese: nothing of this citizen stays on the screen.
    await page.locator('h1', { hasText: 'Xin mời công dân chọn thủ tục cần giải quyết' }).waitFor();
    expect(await page.locator('[data-testid="ticket-number"]').count()).toBe(0);
    await page.context().close();
  });

  it('turns on high contrast and large text with one tap each', async () => {
    const page = await openKiosk(browser, server, { size: portrait });
    const before = await page.locator('h1').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    await page.locator('.toggle').nth(0).click();
    await page.locator('.toggle').nth(1).click();
    // Preact applies the classes in an effect, just after the tap's render.
    await expect.poll(() => page.evaluate(() => document.documentElement.className)).toBe('high-contrast large-text');
    expect(await page.locator('h1').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThan(before * 1.15);
    expect(await page.locator('body').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(0, 0, 0)');
    await screenshot(page, 'kiosk-portrait-contrast-large');
    await page.context().close();
  });

  it('shows the field tiles and keeps every control at least 48 px in both orientations', async () => {
    for (const size of [portrait, landscape]) {
      const page = await openKiosk(browser, server, { size });
      const boxes = await page
        .locator('button:visible')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
      expect(Math.min(...boxes)).toBeGreaterThanOrEqual(48);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await page.context().close();
    }
  });
});

describe('lobby kiosk: first start', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks for a pairing code once, then keeps the device token and opens the home screen', async () => {
    const page = await (await browser.newContext({ viewport: portrait })).newPage();
    await page.goto(`${server.url}/kiosk/`);
    await page.locator('form.pairing').waitFor();
    const admin = await server.adminToken();
    const code = await server.request<{ code: string }>(
      'POST',
      '/api/devices/pairing-codes',
      { kind: 'kiosk', name: 'Sảnh tầng 1' },
      admin,
    );
    if (!code.body.ok) throw new Error(code.body.error.code);
    await page.locator('input[name="code"]').fill(code.body.value.code);
    await page.locator('form.pairing button[type="submit"]').click();
    await page.locator('.tile[data-field="ho-tich"]').waitFor();
    // Kept in the kiosk app's HttpOnly cookie: no script of the page can read it.
    expect(await page.evaluate(() => localStorage.getItem('motcua.kiosk.token'))).toBeNull();
    expect((await page.context().cookies()).find((c) => c.name === 'motcua_kiosk')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.reload();
    await page.locator('.tile[data-field="ho-tich"]').waitFor();
    await page.context().close();
  });
});
