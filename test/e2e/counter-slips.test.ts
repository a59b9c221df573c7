import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../server/core/model.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { command, TestServer, type ClientSocket } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';

// Issue 14 in real Chromium, as clerks at a busy counter use the console: a double Next, keys
// right after a dialog opens, Undo, a takeover at shift change, and a dossier code from a
// scanner that types like a keyboard.

const desktop = { width: 1366, height: 768 };

describe('counter console: no silent slips, the right clerk', () => {
  let server: TestServer;
  let browser: Browser;
  let kiosk: ClientSocket;
  let events: QueueEvent[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
    await server.clerkToken('clerk1', [1, 2]);
    await server.clerkToken('clerk2', [1, 2]);
    // Numbers come from the help desk (staff), which is not rate-limited like a kiosk.
    kiosk = await server.socket(await server.adminToken());
    events = [];
    server.server.ctx.engine.onChange((e) => events.push(...e));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const state = () => server.server.ctx.engine.state;
  const current = () => {
    const id = state().counters.get(1)?.currentTicketId;
    return id ? state().tickets.get(id)! : null;
  };

  // Each test starts with nobody waiting and no console on counter 1, which clerk1 keeps open
  // (the takeover by clerk2 comes last).
  beforeEach(async () => {
    await waitFor(() => !server.server.ctx.holders.holder(1)?.socketId, 'no console on counter 1');
    const admin = await server.socket(await server.adminToken());
    for (const t of [...state().tickets.values()])
      if (['waiting', 'called', 'serving', 'parked'].includes(t.status)) await command(admin, 'ticket:cancel', { ticketId: t.id });
    admin.disconnect();
  });

  // A test that failed half-way leaves no console behind for the next one.
  const pages: Page[] = [];
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
  });

  async function signIn(username = 'clerk1'): Promise<Page> {
    const page = await browser.newPage({ viewport: desktop });
    pages.push(page);
    await page.goto(`${server.url}/counter/1`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill('clerk-password-1');
    await page.locator('button[type="submit"]').click();
    await page.locator('.console').waitFor();
    return page;
  }
  const issue = async (priorityGroup: string | null = null) => {
    const r = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status', priorityGroup });
    if (!r.ok) throw new Error(r.error.code);
    return r.value.ticket;
  };
  const label = (page: Page) =>
    page
      .locator('[data-testid="current-label"]')
      .textContent({ timeout: 1000 })
      .catch(() => null);

  it('two presses of Next 0.4 s apart call the elderly citizen once and finish nobody', async () => {
    const elderly = await issue('elderly');
    await issue();
    const page = await signIn();
    await expect.poll(() => page.locator('.queue-row').count()).toBe(2);
    await page.keyboard.press('Space');
    await expect.poll(() => label(page)).toBe(elderly.label);
    await page.waitForTimeout(400);
    await page.keyboard.press('Space');
    await page.locator('.banner--error', { hasText: `Số ${elderly.label} vừa được gọi` }).waitFor();
    expect(current()).toMatchObject({ id: elderly.id, status: 'called' });
    expect(await label(page)).toBe(elderly.label);
    await screenshot(page, 'counter-next-too-soon-1366');
    await page.close();
  });

  it('T then Enter, and P then Space, only open their dialogs: nothing is transferred or paused', async () => {
    const t = await issue();
    const page = await signIn();
    await page.keyboard.press('Space');
    await expect.poll(() => label(page)).toBe(t.label);
    await page.keyboard.press('t');
    await page.locator('.dialog').waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    expect(current()).toMatchObject({ id: t.id, serviceId: 'civil-status', status: 'called' });
    await page.keyboard.press('Escape');
    await page.locator('.dialog').waitFor({ state: 'detached' });

    await page.keyboard.press('p');
    await page.locator('.dialog').waitFor();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(state().counters.get(1)?.status).toBe('open');
    await screenshot(page, 'counter-dialog-no-default-1366');
    // A choice made on purpose still works: Tab to the first reason, then Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => state().counters.get(1)?.status).toBe('paused');
    await page.locator('.banner--paused').waitFor();
    await page.keyboard.press('u');
    await expect.poll(() => state().counters.get(1)?.status).toBe('open');
    await page.close();
  });

  it('Undo shows what it will restore and puts back a Next, then a transfer', async () => {
    const first = await issue();
    const second = await issue();
    const page = await signIn();
    await page.keyboard.press('Space');
    await expect.poll(() => label(page)).toBe(first.label);
    await page.keyboard.press('s');
    await page.locator('.current .pill--serving').waitFor();
    await page.keyboard.press('f');
    const notice = page.locator('[data-testid="undo-notice"]');
    await expect.poll(() => notice.textContent()).toContain(`Hoàn tác “Hoàn thành” (Z)`);
    expect(await notice.textContent()).toContain(`số ${first.label} trở lại quầy`);
    await screenshot(page, 'counter-undo-1366');
    await page.keyboard.press('z');
    await expect.poll(() => label(page)).toBe(first.label);
    expect(current()).toMatchObject({ id: first.id, status: 'serving', endedAt: null });
    expect(events.at(-1)).toMatchObject({ type: 'counter.undone', action: 'finish' });
    await expect.poll(() => notice.count()).toBe(0);

    await page.keyboard.press('t');
    await page.locator('.dialog button', { hasText: 'Quầy 2' }).first().click();
    await expect.poll(() => page.locator('.current-none').count()).toBe(1);
    expect(await notice.textContent()).toContain(`số ${first.label} trở lại quầy`);
    await page.locator('[data-action="undo"]').click();
    await expect.poll(() => label(page)).toBe(first.label);
    expect(state().tickets.get(first.id)).toMatchObject({ status: 'serving', targetCounterId: null, counterId: 1 });
    expect(state().tickets.get(second.id)?.status).toBe('waiting');
    await page.close();
  });

  it("a scanner's code fills the dossier field without pressing shortcuts, and is recorded with Finish", async () => {
    const t = await issue();
    const page = await signIn();
    await page.keyboard.press('Space');
    await expect.poll(() => label(page)).toBe(t.label);
    // The code holds N, T and S (No-show, Transfer, Start) and ends with Enter (Next), typed 8 ms apart.
    const dossier = '000.00.20.H38-251201-NTS7';
    await page.keyboard.type(dossier, { delay: 8 });
    await page.keyboard.press('Enter', { delay: 0 });
    const field = page.locator('input[name="dossier"]');
    await expect.poll(() => field.inputValue()).toBe(dossier);
    await page.waitForTimeout(300);
    expect(current()).toMatchObject({ id: t.id, status: 'called' });
    expect(await page.locator('.dialog').count()).toBe(0);
    await screenshot(page, 'counter-dossier-scanned-1366');
    await page.keyboard.press('f');
    await expect.poll(() => state().tickets.get(t.id)?.dossierCode).toBe(dossier);

    // Typed into the field by hand: Enter only leaves the field, so the console's keys work again.
    const next = await issue();
    await page.keyboard.press('Space');
    await expect.poll(() => label(page), { timeout: 5000 }).toBe(next.label);
    await field.click();
    await field.fill('G22.30-251201-0002');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(current()).toMatchObject({ id: next.id, status: 'called' });
    await page.keyboard.press('f');
    await expect
      .poll(() => state().tickets.get(next.id), { timeout: 5000 })
      .toMatchObject({ status: 'finished', dossierCode: 'G22.30-251201-0002' });
    await page.close();
  });

  it('clerk B takes the counter over after confirming; A is told and only views it; the work is credited to B', async () => {
    const t = await issue();
    const a = await signIn('clerk1');
    await a.keyboard.press('Space');
    await expect.poll(() => label(a)).toBe(t.label);
    const b = await signIn('clerk2');
    const viewing = b.locator('[data-testid="viewing"]');
    await expect.poll(() => viewing.textContent()).toContain('Cán bộ clerk1');
    expect(await b.locator('[data-action="finish"]').isDisabled()).toBe(true);
    await screenshot(b, 'counter-viewing-1366');
    await b.locator('button.take-over').click();
    await b.locator('.dialog').waitFor();
    await b.keyboard.press('Enter');
    await b.waitForTimeout(300);
    expect(await b.locator('.dialog').count()).toBe(1);
    await screenshot(b, 'counter-take-over-dialog-1366');
    await b.locator('.take-over-confirm').click();
    await b.locator('[data-testid="viewing"]').waitFor({ state: 'detached' });

    await expect.poll(() => a.locator('[data-testid="viewing"]').textContent()).toContain('Cán bộ clerk2');
    expect(await a.locator('[data-action="finish"]').isDisabled()).toBe(true);
    await screenshot(a, 'counter-taken-over-1366');
    await a.keyboard.press('f');
    await a.waitForTimeout(300);
    expect(current()?.status).toBe('called');
    await b.keyboard.press('f');
    await expect.poll(() => state().tickets.get(t.id)?.status).toBe('finished');
    const clerk2 = server.server.ctx.auth.users().find((u) => u.username === 'clerk2')!.id;
    expect(state().tickets.get(t.id)?.clerkId).toBe(clerk2);
    expect(events.some((e) => e.type === 'counter.taken_over' && e.by.kind === 'user' && e.by.id === clerk2)).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });
});
