import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportView } from '../../../protocol/reports.ts';
import type { CounterSnapshot } from '../../../protocol/views.ts';
import type { QueueEvent } from '../../../server/core/model.ts';
import { at, monday } from '../../support/site-fixture.ts';
import { SteppedClock } from '../../support/stepped-clock.ts';
import { command, nextEvent, TestServer, type ClientSocket } from '../../support/test-server.ts';

// Issue 14, shift change: clerk B signs in to a counter clerk A has not closed. The counter
// changes hands only by an explicit takeover, A's console is told and can no longer act, and
// every figure (per clerk, satisfaction, CSV) credits who really did the work.
describe('shift change at a counter, through the real server', () => {
  let server: TestServer;
  let clock: SteppedClock;
  let kiosk: ClientSocket;
  let events: QueueEvent[];

  beforeEach(async () => {
    clock = new SteppedClock(at(monday, '09:00'));
    server = await TestServer.start({ clock });
    kiosk = await server.socket(await server.deviceToken('kiosk'));
    events = [];
    server.server.ctx.engine.onChange((e) => events.push(...e));
    for (let i = 0; i < 4; i++) expect((await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' })).ok).toBe(true);
  });
  afterEach(() => server.close());

  const userId = (username: string) => server.server.ctx.auth.users().find((u) => u.username === username)!.id;
  const ticket = (label: string) => [...server.server.ctx.engine.state.tickets.values()].find((t) => t.label === label)!;
  const ok = async <T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>): Promise<T> => {
    const x = await r;
    if (!x.ok) throw new Error(x.error.code);
    return x.value;
  };

  it('a second clerk only views the counter until they take it over; then the first console only views it', async () => {
    const a = await server.socket(await server.clerkToken('clerk-a', [1]));
    const b = await server.socket(await server.clerkToken('clerk-b', [1]));
    expect((await ok(command(a, 'counter:join', { counterId: 1, consoleId: 'console-a-1' }))).control).toBe('holding');
    await ok(command(a, 'counter:next', { counterId: 1 }));

    const viewing = await ok(command(b, 'counter:join', { counterId: 1, consoleId: 'console-b-1' }));
    expect(viewing).toMatchObject({ control: 'viewing', holder: { clerkName: 'Cán bộ clerk-a', online: true } });
    expect(viewing.current?.label).toBe('1001');
    for (const refused of [
      await command(b, 'counter:finish', { counterId: 1 }),
      await command(b, 'counter:next', { counterId: 1 }),
      await command(b, 'counter:undo', { counterId: 1 }),
    ])
      expect(!refused.ok && refused.error.code).toBe('counter_not_held');
    expect(ticket('1001').status).toBe('called');

    const told = nextEvent(a, 'counter:snapshot', (s: CounterSnapshot) => s.control === 'viewing');
    const took = await ok(command(b, 'counter:take-over', { counterId: 1, consoleId: 'console-b-1' }));
    expect(took).toMatchObject({ control: 'holding', counter: { clerkName: 'Cán bộ clerk-b' } });
    expect(await told).toMatchObject({ holder: { clerkName: 'Cán bộ clerk-b', online: true }, counter: { clerkName: 'Cán bộ clerk-b' } });
    // A's console can no longer finish B's citizen.
    const late = await command(a, 'counter:finish', { counterId: 1 });
    expect(!late.ok && late.error.code).toBe('counter_not_held');
    // The handover is recorded: who took it, from whom.
    expect(events.filter((e) => e.type === 'counter.taken_over')).toEqual([
      expect.objectContaining({ counterId: 1, fromClerkId: userId('clerk-a'), by: { kind: 'user', id: userId('clerk-b') } }),
    ]);

    // A reconnecting console of A is still only a viewer: the counter is B's now.
    a.disconnect();
    const again = await server.socket(await server.login('clerk-a', 'clerk-password-1'));
    expect((await ok(command(again, 'counter:join', { counterId: 1, consoleId: 'console-a-1' }))).control).toBe('viewing');
  });

  it('a console that reloads keeps its counter without asking; the same clerk on a second console must confirm', async () => {
    const token = await server.clerkToken('clerk-a', [1]);
    const first = await server.socket(token);
    await ok(command(first, 'counter:join', { counterId: 1, consoleId: 'tab-one-abc' }));
    const second = await server.socket(token);
    expect((await ok(command(second, 'counter:join', { counterId: 1, consoleId: 'tab-two-abc' }))).control).toBe('viewing');
    first.disconnect();
    const reloaded = await server.socket(token);
    const back = await ok(command(reloaded, 'counter:join', { counterId: 1, consoleId: 'tab-one-abc' }));
    expect(back.control).toBe('holding');
  });

  it('a console that moves to another counter leaves the first to whoever comes next', async () => {
    const token = await server.clerkToken('clerk-a', [1, 2]);
    const mover = await server.socket(token);
    await ok(command(mover, 'counter:join', { counterId: 1, consoleId: 'moving-console' }));
    expect((await ok(command(mover, 'counter:join', { counterId: 2, consoleId: 'moving-console' }))).control).toBe('holding');
    expect(server.server.ctx.holders.holder(1)?.socketId).toBeNull();
    const next = await server.socket(token);
    expect((await ok(command(next, 'counter:join', { counterId: 1, consoleId: 'another-console' }))).control).toBe('holding');
  });

  it('credits every event, the per-clerk report, satisfaction and both CSVs to the clerk who acted', async () => {
    const a = await server.socket(await server.clerkToken('clerk-a', [1]));
    const b = await server.socket(await server.clerkToken('clerk-b', [1]));
    const tablet = await server.socket(await server.deviceToken('rating', 1));
    await ok(command(tablet, 'rating:subscribe', { counterId: 1 }));
    const rate = async (level: number) => {
      const id = events.filter((e) => e.type === 'ticket.finished').at(-1)!.ticketId;
      await ok(command(tablet, 'ticket:rate', { ticketId: id, level }));
    };
    await ok(command(a, 'counter:join', { counterId: 1 }));
    await ok(command(a, 'counter:next', { counterId: 1 })); // 1001 by A
    clock.advance(120_000);
    await ok(command(a, 'counter:finish', { counterId: 1 }));
    await rate(1);
    await ok(command(a, 'counter:next', { counterId: 1 })); // 1002 called by A…
    clock.advance(30_000);
    await ok(command(b, 'counter:join', { counterId: 1 }));
    await ok(command(b, 'counter:take-over', { counterId: 1 }));
    await ok(command(b, 'counter:start', { counterId: 1 })); // … and served by B
    clock.advance(120_000);
    await ok(command(b, 'counter:next', { counterId: 1 })); // finishes 1002, calls 1003
    await rate(3);
    clock.advance(120_000);
    await ok(command(b, 'counter:no-show', { counterId: 1 }));

    const [ua, ub] = [userId('clerk-a'), userId('clerk-b')];
    const byOf = (type: string, label: string) =>
      events.filter((e) => e.type === type && 'ticketId' in e && e.ticketId === ticket(label).id).map((e) => e.by);
    expect(byOf('ticket.called', '1002')).toEqual([{ kind: 'user', id: ua }]);
    expect(byOf('ticket.finished', '1002')).toEqual([{ kind: 'user', id: ub }]);
    expect([ticket('1001').clerkId, ticket('1002').clerkId, ticket('1003').clerkId]).toEqual([ua, ub, ub]);

    const admin = await server.adminToken();
    const report = await server.request<ReportView>('GET', `/api/reports?from=${monday}`, undefined, admin);
    if (!report.body.ok) throw new Error('no report');
    const r = report.body.value;
    expect(r.byClerk[ua]).toMatchObject({ served: 1, noShow: 0 });
    expect(r.byClerk[ub]).toMatchObject({ served: 1, noShow: 1 });
    expect(r.satisfaction.byClerk[ua]).toMatchObject({ rated: 1, satisfied: 0 });
    expect(r.satisfaction.byClerk[ub]).toMatchObject({ rated: 1, satisfied: 1 });

    const csv = async (path: string) =>
      (
        await (
          await fetch(`${server.url}${path}${path.includes('?') ? '&' : '?'}lang=en`, { headers: { authorization: `Bearer ${admin}` } })
        ).text()
      )
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .map((l) => l.split(','));
    const tickets = await csv('/api/export/tickets.csv');
    const clerkCol = tickets[0]!.indexOf('clerk');
    expect(tickets.slice(1, 4).map((row) => [row[0], row[clerkCol]])).toEqual([
      ['1001', 'Cán bộ clerk-a'],
      ['1002', 'Cán bộ clerk-b'],
      ['1003', 'Cán bộ clerk-b'],
    ]);
    const clerks = await csv(`/api/reports.csv?from=${monday}&table=clerk`);
    const served = clerks[0]!.indexOf('served');
    const rows = Object.fromEntries(clerks.slice(1).map((row) => [row[0], row]));
    expect(rows['Cán bộ clerk-a']?.[served]).toBe('1');
    expect(rows['Cán bộ clerk-b']?.[served]).toBe('1');
  });
});
