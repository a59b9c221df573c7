import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../protocol/views.ts';
import { addAppCookie, launchBrowser, screenshot } from '../support/browser.ts';
import { command, TestServer, type ClientSocket } from '../support/test-server.ts';

// The rating tablet of counter 1 in real Chromium, paired as a `rating` device; a clerk's
// console on the same counter is a socket client that serves and finishes tickets.

const tablet = { width: 1280, height: 800 };

describe('rating tablet at the counter', () => {
  let server: TestServer;
  let browser: Browser;
  let kiosk: ClientSocket;
  let clerk: ClientSocket;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
    kiosk = await server.socket(await server.deviceToken('kiosk'));
    clerk = await server.socket(await server.clerkToken('clerk1', [1]));
    expect((await command(clerk, 'counter:join', { counterId: 1 })).ok).toBe(true);
    const token = await server.deviceToken('rating', 1);
    page = await browser.newPage({ viewport: tablet });
    await addAppCookie(page.context(), server.url, 'rating', token);
    await page.goto(`${server.url}/rate/1`);
    await page.locator('.rating-idle .rating-centre').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Issues a ticket, calls it at counter 1 and finishes it, as the clerk does. */
  async function serveOne(): Promise<IssuedTicket> {
    const issued = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    if (!issued.ok) throw new Error(issued.error.code);
    const called = await command(clerk, 'counter:next', { counterId: 1 });
    expect(called.ok && called.value.current?.id).toBe(issued.value.ticket.id);
    expect((await command(clerk, 'counter:finish', { counterId: 1 })).ok).toBe(true);
    return issued.value;
  }

  const stored = (id: string) => server.server.ctx.engine.state.tickets.get(id);

  it('shows the centre on its idle screen', async () => {
    expect(await page.locator('.rating-idle .rating-centre').textContent()).toBe('Trung tâm Phục vụ hành chính công phường Mẫu');
    await screenshot(page, 'rating-idle-1280');
  });

  it('asks with three faces and the clerk’s name after a finish, and stores one rating with ticket, counter and clerk', async () => {
    const served = await serveOne();
    await page.locator('.choices--faces').waitFor();
    expect(await page.locator('.rating-ticket').textContent()).toBe(`Số thứ tự ${served.ticket.label} · Cán bộ phục vụ: Cán bộ clerk1`);
    expect(await page.locator('.choice span').allTextContents()).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    await screenshot(page, 'rating-faces-1280');

    await page.locator('.choice[data-level="3"]').click();
    await page.locator('.rating-thanks h1', { hasText: 'Xin cảm ơn công dân!' }).waitFor();
    await screenshot(page, 'rating-thanks-1280');
    const t = stored(served.ticket.id)!;
    expect(t.rating).toMatchObject({ level: 3, reason: null });
    expect(t.counterId).toBe(1);
    expect(t.clerkId).toBe(server.server.ctx.auth.users().find((u) => u.username === 'clerk1')?.id);
  });

  it('asks for a reason after the lowest face and stores it', async () => {
    const served = await serveOne();
    await page.locator('.choices--faces').waitFor();
    await page.locator('.choice[data-level="1"]').click();
    await page.locator('.reasons').waitFor();
    await screenshot(page, 'rating-reason-1280');
    await page.locator('.reasons button', { hasText: 'Thời gian chờ lâu' }).click();
    await page.locator('.rating-thanks').waitFor();
    expect(stored(served.ticket.id)!.rating).toMatchObject({ level: 1, reason: 'Thời gian chờ lâu' });
  });

  it('asks again after a reload while the finish is recent, and accepts only one rating per ticket', async () => {
    const served = await serveOne();
    await page.reload();
    await page.locator('.choices--faces').waitFor();
    expect(await page.locator('.rating-ticket').textContent()).toContain(served.ticket.label);
    await page.locator('.choice[data-level="2"]').click();
    await page.locator('.rating-thanks').waitFor();
    expect(stored(served.ticket.id)!.rating?.level).toBe(2);
    const again = await command(await server.socket(await server.deviceToken('rating', 1)), 'ticket:rate', {
      ticketId: served.ticket.id,
      level: 3,
    });
    expect(again.ok).toBe(false);
    expect(stored(served.ticket.id)!.rating?.level).toBe(2);
  });

  it('refuses a tablet paired for another counter', async () => {
    const other = await server.socket(await server.deviceToken('rating', 2));
    const r = await command(other, 'rating:subscribe', { counterId: 1 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('forbidden');
  });
});
