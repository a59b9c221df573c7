import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, monday } from '../../support/site-fixture.ts';
import { SteppedClock } from '../../support/stepped-clock.ts';
import { command, TestServer, type ClientSocket } from '../../support/test-server.ts';
import { waitFor } from '../../support/wait-for.ts';

// Issue 14, what a clerk may touch: the tickets of their own counter and the waiting tickets of
// the services it serves; and a socket acts for its clerk only as long as the session lasts.
// The sample centre: counter 1 serves civil status, counter 2 civil status and certification.
describe('what a clerk may touch, through the real server', () => {
  let server: TestServer;
  let clock: SteppedClock;
  let kiosk: ClientSocket;

  beforeEach(async () => {
    clock = new SteppedClock(at(monday, '09:00'));
    server = await TestServer.start({ clock });
    kiosk = await server.socket(await server.deviceToken('kiosk'));
  });
  afterEach(() => server.close());

  const issue = async (serviceId: string) => {
    const r = await command(kiosk, 'ticket:issue', { serviceId });
    if (!r.ok) throw new Error(r.error.code);
    return r.value.ticket;
  };
  const status = (id: string) => server.server.ctx.engine.state.tickets.get(id)?.status;
  const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : r.error!.code);

  it("refuses a cancel of another counter's ticket or of a service the counter does not serve; allows its own", async () => {
    const served = await issue('civil-status');
    const certification = await issue('certification');
    const waiting = await issue('civil-status');
    const one = await server.socket(await server.clerkToken('clerk1', [1]));
    const two = await server.socket(await server.clerkToken('clerk2', [2]));
    await command(one, 'counter:join', { counterId: 1 });
    await command(two, 'counter:join', { counterId: 2 });
    expect(code(await command(two, 'counter:next', { counterId: 2 }))).toBeNull();
    expect(status(served.id)).toBe('called');

    const other = await command(one, 'ticket:cancel', { ticketId: served.id, reason: null });
    expect(code(other)).toBe('ticket_not_at_counter');
    expect(!other.ok && other.error.message).toBe(`Số ${served.label} không thuộc quầy số 1, nên quầy này không thao tác được.`);
    expect(code(await command(one, 'ticket:cancel', { ticketId: certification.id }))).toBe('ticket_not_at_counter');
    expect([status(served.id), status(certification.id)]).toEqual(['called', 'waiting']);

    expect(code(await command(one, 'ticket:cancel', { ticketId: waiting.id, reason: 'về rồi' }))).toBeNull();
    expect(status(waiting.id)).toBe('cancelled');
    expect(code(await command(two, 'ticket:cancel', { ticketId: served.id }))).toBeNull();
    expect(status(served.id)).toBe('cancelled');
  });

  it('refuses a cancel from a clerk at no counter, or at one their console does not hold; an admin cancels anywhere', async () => {
    const t = await issue('civil-status');
    const away = await server.socket(await server.clerkToken('clerk1', [1]));
    expect(code(await command(away, 'ticket:cancel', { ticketId: t.id }))).toBe('cancel_needs_counter');
    const holder = await server.socket(await server.clerkToken('clerk2', [1]));
    await command(holder, 'counter:join', { counterId: 1 });
    await command(away, 'counter:join', { counterId: 1 });
    expect(code(await command(away, 'ticket:cancel', { ticketId: t.id }))).toBe('cancel_needs_counter');
    expect(status(t.id)).toBe('waiting');
    const admin = await server.socket(await server.adminToken());
    expect(code(await command(admin, 'ticket:cancel', { ticketId: t.id }))).toBeNull();
    expect(status(t.id)).toBe('cancelled');
  });

  it("ends a console's socket when its 14-hour session expires, and when the clerk signs out", async () => {
    const token = await server.clerkToken('clerk1', [1]);
    const console = await server.socket(token);
    expect(code(await command(console, 'counter:join', { counterId: 1 }))).toBeNull();
    clock.advance(13 * 3_600_000);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(console.connected).toBe(true);
    clock.advance(3_600_000 + 60_000);
    await waitFor(() => !console.connected, 'the expired session to end its socket', 10_000);

    const fresh = await server.login('clerk1', 'clerk-password-1');
    const other = await server.socket(fresh);
    expect(code(await command(other, 'counter:join', { counterId: 1 }))).toBeNull();
    await server.request('POST', '/api/auth/logout', undefined, fresh);
    await waitFor(() => !other.connected, 'the ended session to end its socket', 10_000);
  });
});
