import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallView, IssuedTicket } from '../../protocol/views.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { command, TestServer, type ClientSocket } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';

// A clerk at counter 1 in real Chromium; the lobby board and a citizen's phone are socket
// clients that must see every step the clerk takes.

const desktop = { width: 1366, height: 768 };
const tablet = { width: 1280, height: 800 };

describe('counter console: a clerk serves with the keyboard', () => {
  let server: TestServer;
  let browser: Browser;
  let kiosk: ClientSocket;
  const issued: IssuedTicket[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
    await server.clerkToken('clerk1', [1, 2]);
    kiosk = await server.socket(await server.deviceToken('kiosk'));
    for (const priorityGroup of [null, null, 'elderly', null]) {
      const r = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status', priorityGroup });
      if (!r.ok) throw new Error(r.error.code);
      issued.push(r.value);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(size: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage({ viewport: size });
    await page.goto(`${server.url}/counter/1`);
    await page.locator('input[name="username"]').fill('clerk1');
    await page.locator('input[name="password"]').fill('clerk-password-1');
    await page.locator('button[type="submit"]').click();
    await page.locator('.console').waitFor();
    return page;
  }

  const currentLabel = (page: Page) =>
    page
      .locator('[data-testid="current-label"]')
      .textContent({ timeout: 1000 })
      .catch(() => null);
  const ticketStatus = (id: string) => server.server.ctx.engine.state.tickets.get(id)?.status;
  /** Closes the page and waits until the server has seen its console go, so the next page holds the counter at once. */
  async function leave(page: Page): Promise<void> {
    await page.close();
    await waitFor(() => !server.server.ctx.holders.holder(1)?.socketId, 'the console to leave counter 1');
  }

  it('signs in, calls, recalls, starts and finishes; the board and the follow page see each step', async () => {
    const page = await signIn(desktop);
    const rows = page.locator('.queue-row');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await page.locator('.queue-row--priority').count()).toBe(1);
    await screenshot(page, 'counter-console-queue-1366');

    // The first row is who "next" will call; its holder follows the ticket on a phone.
    const firstLabel = await rows.first().getAttribute('data-ticket');
    const mine = issued.find((x) => x.ticket.label === firstLabel)!;
    const phone = await server.socket();
    const follow = await command(phone, 'ticket:follow', { ref: mine.ref });
    expect(follow.ok).toBe(true);
    const seenByPhone: string[] = [];
    phone.on('ticket:updated', (t) => seenByPhone.push(t.status));
    const board = await server.socket();
    await command(board, 'display:subscribe', {});
    const calls: CallView[] = [];
    board.on('ticket:called', (c) => calls.push(c));

    await page.keyboard.press('Space');
    await expect.poll(() => currentLabel(page)).toBe(firstLabel);
    await expect.poll(() => calls.map((c) => [c.label, c.counterId, c.recall])).toEqual([[firstLabel, 1, false]]);
    await expect.poll(() => seenByPhone.at(-1)).toBe('called');

    await page.keyboard.press('r');
    await expect.poll(() => calls.length).toBe(2);
    expect(calls[1]).toMatchObject({ label: firstLabel, recall: true });
    await expect.poll(() => page.locator('.current-times').textContent()).toContain('Đã gọi lại 1/3 lần');

    await page.keyboard.press('s');
    await expect.poll(() => seenByPhone.at(-1)).toBe('serving');
    await expect.poll(() => page.locator('.current .pill--serving').textContent()).toBe('Đang giải quyết');
    await screenshot(page, 'counter-console-serving-1366');
    await page.setViewportSize(tablet);
    await screenshot(page, 'counter-console-serving-1280');
    await page.setViewportSize(desktop);

    await page.keyboard.press('f');
    await expect.poll(() => seenByPhone.at(-1)).toBe('finished');
    await expect.poll(() => page.locator('.current-none').count()).toBe(1);
    expect(ticketStatus(mine.ticket.id)).toBe('finished');
    await expect.poll(() => page.locator('[data-figure="served"] dd').textContent()).toBe('1');
    await leave(page);
  });

  it('Enter calls the next; once the citizen is finished Enter calls the one after; a chosen row is called out of order', async () => {
    const page = await signIn(desktop);
    await page.keyboard.press('Enter');
    await expect.poll(() => currentLabel(page)).not.toBeNull();
    const first = (await currentLabel(page))!;
    await page.keyboard.press('f');
    await expect.poll(() => page.locator('.current-none').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => currentLabel(page)).not.toBeNull();
    expect(await currentLabel(page)).not.toBe(first);
    expect(ticketStatus(issued.find((x) => x.ticket.label === first)!.ticket.id)).toBe('finished');

    await page.keyboard.press('f');
    await expect.poll(() => page.locator('.current-none').count()).toBe(1);
    const last = page.locator('.queue-row').last();
    const chosen = await last.getAttribute('data-ticket');
    await last.click();
    await page.keyboard.press('c');
    await expect.poll(() => currentLabel(page)).toBe(chosen);
    await leave(page);
  });

  it('pauses with a reason from the dialog and resumes; transfers to another counter', async () => {
    await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    const page = await signIn(desktop);
    await page.keyboard.press('p');
    await page.locator('.dialog').waitFor();
    await screenshot(page, 'counter-pause-dialog-1366');
    await page.setViewportSize(tablet);
    await screenshot(page, 'counter-pause-dialog-1280');
    await page.setViewportSize(desktop);
    await page.locator('.dialog .choice-list button', { hasText: 'Họp' }).click();
    await expect.poll(() => page.locator('.banner--paused').textContent()).toContain('Họp');
    expect(server.server.ctx.engine.state.counters.get(1)).toMatchObject({ status: 'paused', pauseReason: 'Họp' });
    expect(await page.locator('[data-action="next"]').isDisabled()).toBe(true);
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('[data-testid="counter-status"]').textContent()).toBe('Đang làm việc');

    const label = (await currentLabel(page)) ?? null;
    if (label === null) {
      await page.keyboard.press('Space');
      await expect.poll(() => currentLabel(page)).not.toBeNull();
    }
    const moving = (await currentLabel(page))!;
    await page.keyboard.press('t');
    await page.locator('.dialog').waitFor();
    await page.locator('.dialog button', { hasText: 'Quầy 2' }).first().click();
    await expect.poll(() => page.locator('.current-none').count()).toBe(1);
    const moved = [...server.server.ctx.engine.state.tickets.values()].find((t) => t.label === moving)!;
    expect(moved).toMatchObject({ status: 'waiting', targetCounterId: 2, label: moving });
    await page.setViewportSize(tablet);
    await screenshot(page, 'counter-console-queue-1280');
    await leave(page);
  });

  it('shows a second console on the same counter every change at once; it only views until it takes over', async () => {
    await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    const one = await signIn(desktop);
    const two = await signIn(desktop);
    await two.locator('[data-testid="viewing"]').waitFor();
    await one.keyboard.press('Space');
    await expect.poll(() => currentLabel(one)).not.toBeNull();
    const label = await currentLabel(one);
    await expect.poll(() => currentLabel(two)).toBe(label);
    expect(await two.locator('[data-action="finish"]').isDisabled()).toBe(true);
    await two.keyboard.press('f');
    await one.waitForTimeout(300);
    expect(await currentLabel(one)).toBe(label);
    await one.keyboard.press('f');
    await expect.poll(() => two.locator('.current-none').count()).toBe(1);
    await Promise.all([one.close(), two.close()]);
    await waitFor(() => !server.server.ctx.holders.holder(1)?.socketId, 'both consoles to leave counter 1');
  });

  it('shows that it is disconnected, and re-joins with the current state when the server is back', async () => {
    await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    const page = await browser.newPage({ viewport: desktop });
    let blocked = false;
    const live: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (blocked) return void ws.close();
      ws.connectToServer();
      live.push(ws);
    });
    await page.goto(`${server.url}/counter/1`);
    await page.locator('input[name="username"]').fill('clerk1');
    await page.locator('input[name="password"]').fill('clerk-password-1');
    await page.locator('button[type="submit"]').click();
    await page.locator('.console').waitFor();

    blocked = true;
    await Promise.all(live.splice(0).map((ws) => ws.close()));
    await page.locator('.banner--offline').waitFor();
    expect(await page.locator('[data-action="next"]').isDisabled()).toBe(true);

    // Meanwhile a second console on the same counter calls someone.
    const other = await server.socket(await server.login('clerk1', 'clerk-password-1'));
    await waitFor(() => !server.server.ctx.holders.holder(1)?.socketId, 'the server to see the console gone');
    await command(other, 'counter:join', { counterId: 1 });
    if (server.server.ctx.engine.state.counters.get(1)?.currentTicketId) await command(other, 'counter:finish', { counterId: 1 });
    const r = await command(other, 'counter:next', { counterId: 1 });
    const calledMeanwhile = r.ok ? r.value.current?.label : null;
    expect(calledMeanwhile).toBeTruthy();

    blocked = false;
    // socket.io-client retries with a back-off of up to 7.5 s; a loaded machine adds to it.
    await page.locator('.banner--offline').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => currentLabel(page)).toBe(calledMeanwhile);
    await page.close();
  });
});
