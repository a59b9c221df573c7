import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../protocol/views.ts';
import { ticketRef } from '../../server/auth/tokens.ts';
import { phone } from '../kiosk/kiosk-browser.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { command, TestServer, type ClientSocket } from '../support/test-server.ts';

/** Records what the page asks of the phone: vibration patterns and beeps started. */
function recordAlerts(): void {
  const w = window as unknown as { vibrations: unknown[]; tones: number };
  w.vibrations = [];
  w.tones = 0;
  Object.defineProperty(navigator, 'vibrate', {
    value: (pattern: unknown) => {
      w.vibrations.push(pattern);
      return true;
    },
  });
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
    w.tones++;
    start.call(this, when);
  };
}

describe('follow page on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let kiosk: ClientSocket;

  beforeAll(async () => {
    [server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
    kiosk = await server.socket(await server.deviceToken('kiosk'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function issue(): Promise<IssuedTicket> {
    const r = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status', procedureCode: '1.001193' });
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  }

  async function openFollow(ref: string): Promise<Page> {
    const context = await browser.newContext({ viewport: phone, locale: 'vi-VN', isMobile: true, hasTouch: true });
    await context.addInitScript(recordAlerts);
    const page = await context.newPage();
    await page.goto(`${server.url}/t/${ref}`);
    return page;
  }

  it('shows the number and people ahead live, then "Đã đến lượt — mời công dân đến Quầy 1" with sound and vibration', async () => {
    const first = await issue();
    const mine = await issue();
    expect(mine.followUrl).toMatch(new RegExp(`/t/${mine.ref.replace('.', '\\.')}$`));
    const page = await openFollow(mine.ref);
    const number = page.locator('[data-testid="follow-number"]');
    await number.waitFor();
    expect(await number.textContent()).toBe(mine.ticket.label);
    expect(await page.locator('.service').textContent()).toBe('Hộ tịch');
    const ahead = page.locator('[data-testid="people-ahead"]');
    expect(await ahead.textContent()).toBe('Số người chờ trước: 1');
    await page.locator('button.alerts').click();
    await screenshot(page, 'follow-phone-waiting');

    const clerk = await server.socket(await server.clerkToken());
    expect((await command(clerk, 'counter:join', { counterId: 1 })).ok).toBe(true);
    expect((await command(clerk, 'counter:next', { counterId: 1 })).ok).toBe(true);
    await expect.poll(() => ahead.textContent()).toBe('Số người chờ trước: 0');
    // The page says nothing about the person called before: not their number, not their counter.
    expect(await page.locator('body').textContent()).not.toContain(first.ticket.label);

    expect((await command(clerk, 'counter:finish', { counterId: 1 })).ok).toBe(true);
    expect((await command(clerk, 'counter:next', { counterId: 1 })).ok).toBe(true);
    await page.locator('.turn-title', { hasText: 'Đã đến lượt' }).waitFor();
    expect(await page.locator('.turn-counter').textContent()).toBe('Mời công dân đến Quầy 1');
    await expect.poll(() => page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { tones: number }).tones)).toBe(3);
    await screenshot(page, 'follow-phone-called');

    // A recall alerts again; a mere update of the same call does not.
    expect((await command(clerk, 'counter:recall', { counterId: 1 })).ok).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length)).toBe(2);
    await page.context().close();
  });

  it('says a tampered link is not valid', async () => {
    const page = await openFollow('abcd1234.forgedSignature1');
    const message = page.locator('.follow-message.invalid');
    await message.waitFor();
    expect(await message.getAttribute('data-reason')).toBe('bad_link');
    expect(await message.textContent()).toContain('Liên kết theo dõi không hợp lệ');
    await page.context().close();
  });

  it('says a correctly signed number that does not exist today was not found', async () => {
    const page = await openFollow(ticketRef(server.server.ctx.auth.secret, 'zzzz9999'));
    const message = page.locator('.follow-message.invalid');
    await message.waitFor();
    expect(await message.getAttribute('data-reason')).toBe('unknown');
    await page.context().close();
  });
});
