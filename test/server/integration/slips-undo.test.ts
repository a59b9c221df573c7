import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DayStatistics } from '../../../protocol/views.ts';
import type { QueueEvent } from '../../../server/core/model.ts';
import { NEXT_GUARD_MS } from '../../../server/core/counter-commands.ts';
import { UNDO_WINDOW_MS } from '../../../server/core/undo.ts';
import { at, monday } from '../../support/site-fixture.ts';
import { SteppedClock } from '../../support/stepped-clock.ts';
import { command, TestServer, type ClientSocket } from '../../support/test-server.ts';

// Issue 14, slips: a second Next right after a call finishes nobody, and Undo puts the counter's
// last action back, recorded as an event of its own so that reports stay right.
describe('slips and Undo at a counter, through the real server', () => {
  let server: TestServer;
  let clock: SteppedClock;
  let kiosk: ClientSocket;
  let clerk: ClientSocket;
  let events: QueueEvent[];

  beforeEach(async () => {
    clock = new SteppedClock(at(monday, '09:00'));
    server = await TestServer.start({ clock });
    kiosk = await server.socket(await server.deviceToken('kiosk'));
    clerk = await server.socket(await server.clerkToken('clerk1', [1]));
    events = [];
    server.server.ctx.engine.onChange((e) => events.push(...e));
    expect((await command(clerk, 'counter:join', { counterId: 1 })).ok).toBe(true);
  });
  afterEach(() => server.close());

  const issue = async (priorityGroup: string | null = null) => {
    const r = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status', priorityGroup });
    if (!r.ok) throw new Error(r.error.code);
    return r.value.ticket;
  };
  const ticket = (id: string) => server.server.ctx.engine.state.tickets.get(id)!;
  const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : r.error!.code);

  it('a second Next 0.4 s after a call does not finish the elderly citizen just called; nor does calling another ticket', async () => {
    const elderly = await issue('elderly');
    const other = await issue();
    expect(code(await command(clerk, 'counter:next', { counterId: 1 }))).toBeNull();
    expect(ticket(elderly.id).status).toBe('called');
    clock.advance(400);
    const second = await command(clerk, 'counter:next', { counterId: 1 });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.code).toBe('next_too_soon');
      expect(second.error.message).toContain(elderly.label);
    }
    const chosen = await command(clerk, 'counter:call-ticket', { counterId: 1, ticketId: other.id });
    expect(code(chosen)).toBe('next_too_soon');
    expect([ticket(elderly.id).status, ticket(other.id).status]).toEqual(['called', 'waiting']);
    // Once the window has passed, Next does the common thing again: finishes and calls.
    clock.advance(NEXT_GUARD_MS);
    expect(code(await command(clerk, 'counter:next', { counterId: 1 }))).toBeNull();
    expect([ticket(elderly.id).status, ticket(other.id).status]).toEqual(['finished', 'called']);
  });

  it('Undo of a Next puts the finished ticket back at the counter and the called one back in its place in the queue', async () => {
    const first = await issue();
    const second = await issue();
    const third = await issue();
    await command(clerk, 'counter:next', { counterId: 1 });
    await command(clerk, 'counter:start', { counterId: 1 });
    clock.advance(60_000);
    const next = await command(clerk, 'counter:next', { counterId: 1 });
    expect(next.ok && next.value.undo).toMatchObject({
      action: 'next',
      tickets: [
        { label: first.label, status: 'serving', atThisCounter: true },
        { label: second.label, status: 'waiting', atThisCounter: false },
      ],
    });
    const undone = await command(clerk, 'counter:undo', { counterId: 1 });
    expect(undone.ok && undone.value.current?.label).toBe(first.label);
    expect(undone.ok && undone.value.queue.map((t) => t.label)).toEqual([second.label, third.label]);
    expect(undone.ok && undone.value.undo).toBeNull();
    expect(ticket(first.id)).toMatchObject({ status: 'serving', endedAt: null });
    expect(ticket(second.id)).toMatchObject({ status: 'waiting', counterId: null, firstCalledAt: null });
    const undo = events.at(-1)!;
    expect(undo).toMatchObject({ type: 'counter.undone', counterId: 1, action: 'next' });
    expect(undo.type === 'counter.undone' && undo.undoneSeqs).toEqual(events.slice(-3, -1).map((e) => e.seq));
    // Reports read the day after the undo: nobody served yet.
    const admin = await server.adminToken();
    const stats = await server.request<DayStatistics>('GET', '/api/stats/today', undefined, admin);
    expect(stats.body.ok && stats.body.value.total).toMatchObject({ served: 0 });
    expect(code(await command(clerk, 'counter:undo', { counterId: 1 }))).toBe('nothing_to_undo');
  });

  it('undoes finish, no-show, transfer, park and cancel, each back to how the ticket was', async () => {
    const t = await issue();
    await command(clerk, 'counter:next', { counterId: 1 });
    clock.advance(10_000);
    const before = () => ({ ...ticket(t.id) });
    const undoAfter = async (label: string, act: () => Promise<unknown>) => {
      const was = before();
      await act();
      expect(ticket(t.id).status, label).not.toBe(was.status);
      const r = await command(clerk, 'counter:undo', { counterId: 1 });
      expect(code(r), label).toBeNull();
      expect(ticket(t.id), label).toEqual(was);
      expect(server.server.ctx.engine.state.counters.get(1)?.currentTicketId, label).toBe(t.id);
    };
    await undoAfter('finish', () => command(clerk, 'counter:finish', { counterId: 1, dossierCode: '000.00.20.H38-251201-0001' }));
    await undoAfter('no-show', () => command(clerk, 'counter:no-show', { counterId: 1 }));
    await undoAfter('transfer', () => command(clerk, 'counter:transfer', { counterId: 1, toServiceId: 'certification' }));
    await undoAfter('park', () => command(clerk, 'counter:park', { counterId: 1 }));
    await undoAfter('cancel', () => command(clerk, 'ticket:cancel', { ticketId: t.id, reason: 'nhầm' }));
    expect(events.filter((e) => e.type === 'counter.undone').map((e) => e.type === 'counter.undone' && e.action)).toEqual([
      'finish',
      'no_show',
      'transfer',
      'park',
      'cancel',
    ]);
  });

  it('refuses an Undo after its window, and one that would overwrite what happened since', async () => {
    const t = await issue();
    await command(clerk, 'counter:next', { counterId: 1 });
    clock.advance(10_000);
    await command(clerk, 'counter:finish', { counterId: 1 });
    clock.advance(UNDO_WINDOW_MS + 1);
    const late = await command(clerk, 'counter:undo', { counterId: 1 });
    expect(code(late)).toBe('undo_expired');

    await issue();
    await command(clerk, 'counter:next', { counterId: 1 });
    clock.advance(10_000);
    await command(clerk, 'counter:finish', { counterId: 1 });
    // The citizen rated the finish on the tablet: undoing it would erase the rating.
    const finished = events.filter((e) => e.type === 'ticket.finished').at(-1)!;
    const tablet = await server.socket(await server.deviceToken('rating', 1));
    await command(tablet, 'rating:subscribe', { counterId: 1 });
    expect(code(await command(tablet, 'ticket:rate', { ticketId: finished.ticketId, level: 3 }))).toBeNull();
    const overtaken = await command(clerk, 'counter:undo', { counterId: 1 });
    expect(code(overtaken)).toBe('undo_overtaken');
    expect(ticket(finished.ticketId).status).toBe('finished');
    expect(ticket(t.id).status).toBe('finished');
  });

  it('a restarted server replays the undo from the journal to the same queue', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-undo-'));
    try {
      const first = await TestServer.start({ clock, dataDir });
      const desk = await first.socket(await first.deviceToken('kiosk'));
      const at1 = await first.socket(await first.clerkToken('clerk1', [1]));
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        const r = await command(desk, 'ticket:issue', { serviceId: 'civil-status' });
        if (r.ok) ids.push(r.value.ticket.id);
      }
      await command(at1, 'counter:join', { counterId: 1 });
      await command(at1, 'counter:next', { counterId: 1 });
      clock.advance(10_000);
      await command(at1, 'counter:next', { counterId: 1 });
      expect(code(await command(at1, 'counter:undo', { counterId: 1 }))).toBeNull();
      const statuses = (s: TestServer) => ids.map((id) => s.server.ctx.engine.state.tickets.get(id)?.status);
      expect(statuses(first)).toEqual(['called', 'waiting']);
      await first.close();
      const second = await TestServer.start({ clock, dataDir });
      try {
        expect(statuses(second)).toEqual(['called', 'waiting']);
        expect(second.server.ctx.engine.state.counters.get(1)?.currentTicketId).toBe(ids[0]);
        // Durations mean nothing across a restart: there is nothing left to undo.
        const back = await second.socket(await second.login('clerk1', 'clerk-password-1'));
        await command(back, 'counter:join', { counterId: 1 });
        expect(code(await command(back, 'counter:undo', { counterId: 1 }))).toBe('nothing_to_undo');
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
