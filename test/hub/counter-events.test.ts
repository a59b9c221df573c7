import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayCursor } from '../../protocol/hub/shipped-event.ts';
import type { HubReportView } from '../../protocol/hub/hub-reports.ts';
import type { QueueEvent } from '../../server/core/model.ts';
import { NEXT_GUARD_MS } from '../../server/core/counter-commands.ts';
import { at, monday } from '../support/site-fixture.ts';
import { SteppedClock } from '../support/stepped-clock.ts';
import { TestHub } from '../support/test-hub.ts';
import { command, TestServer } from '../support/test-server.ts';

// Issue 14's journal events (a takeover, an undo, a dossier code, a rating that carries its
// scale) reach the province as the centre folds them: a centre's journal is shipped as written.
describe('hub: the counter events of a shift change and an undo', () => {
  let hub: TestHub;
  let centre: TestServer;
  const events: QueueEvent[] = [];
  let day: string;

  beforeAll(async () => {
    hub = await TestHub.start();
    const clock = new SteppedClock(at(monday, '09:00'));
    centre = await TestServer.start({ clock });
    centre.server.ctx.engine.onChange((e) => events.push(...e));
    const kiosk = await centre.socket(await centre.deviceToken('kiosk'));
    const first = await centre.socket(await centre.clerkToken('clerk1', [1]));
    const second = await centre.socket(await centre.clerkToken('clerk2', [1]));
    for (let i = 0; i < 3; i++) await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    await command(first, 'counter:join', { counterId: 1 });
    await command(first, 'counter:next', { counterId: 1 });
    clock.advance(NEXT_GUARD_MS + 60_000);
    await command(first, 'counter:finish', { counterId: 1, dossierCode: '000.00.01.H01-261130-0001' });
    // The finish was a slip: undone, so the ticket is back at the counter.
    expect((await command(first, 'counter:undo', { counterId: 1 })).ok).toBe(true);
    // The next clerk takes the counter over and serves the rest.
    await command(second, 'counter:join', { counterId: 1 });
    expect((await command(second, 'counter:take-over', { counterId: 1 })).ok).toBe(true);
    clock.advance(60_000);
    await command(second, 'counter:next', { counterId: 1 });
    day = centre.server.ctx.engine.state.day;
  });
  afterAll(async () => {
    await centre?.close();
    await hub?.close();
  });

  it('stores the tickets as the centre has them after the undo and the takeover', async () => {
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['counter.undone', 'counter.taken_over']));
    const token = await hub.centreToken('C-SHIFT');
    const sent = await hub.request<DayCursor>('POST', '/api/hub/v1/events', { day, events }, token);
    expect(sent.body).toEqual({ ok: true, value: { day, seq: events.at(-1)!.seq } });
    const rows = await hub.db.query<{ id: string; status: string; clerk_id: string | null; ended_at: number | null }>(
      `select t.id, t.status, t.clerk_id, t.ended_at from tickets t join centres c on c.id = t.centre_id where c.code = 'C-SHIFT'`,
    );
    const state = centre.server.ctx.engine.state;
    expect(rows).toHaveLength(state.tickets.size);
    for (const r of rows) {
      const t = state.tickets.get(r.id)!;
      expect({ status: r.status, clerk: r.clerk_id, ended: r.ended_at }).toEqual({ status: t.status, clerk: t.clerkId, ended: t.endedAt });
    }
    // Finished once, after the undo: at the takeover's Next, credited to the clerk who pressed it.
    expect(rows.filter((r) => r.status === 'finished')).toHaveLength(1);
  });

  it('reads each rating on the scale it was given on, whatever the centre uses now', async () => {
    const token = await hub.centreToken('C-SCALES');
    const finished = [...centre.server.ctx.engine.state.tickets.values()].find((t) => t.status === 'finished')!;
    const last = events.at(-1)!;
    // Three stars of five: not satisfied. Read on the centre's current three-face scale, a 3 would be its happiest face.
    const rated: QueueEvent = {
      type: 'ticket.rated',
      ticketId: finished.id,
      level: 3,
      reason: null,
      scale: 5,
      dossierCode: null,
      seq: last.seq + 1,
      at: last.at + 1000,
      by: { kind: 'system' },
    };
    expect((await hub.request('POST', '/api/hub/v1/events', { day, events: [...events, rated] }, token)).body.ok).toBe(true);
    const [row] = await hub.db.query<{ rating_level: number; rating_scale: number }>(
      `select t.rating_level, t.rating_scale from tickets t join centres c on c.id = t.centre_id where c.code = 'C-SCALES' and t.id = $1`,
      [finished.id],
    );
    expect(row).toEqual({ rating_level: 3, rating_scale: 5 });
    const report = await hub.request<HubReportView>(
      'GET',
      `/api/reports?from=${day}&to=${day}&by=centre&period=day`,
      undefined,
      await hub.adminToken(),
    );
    const body = report.body as { ok: true; value: HubReportView };
    const total = body.value.rows.find((r) => r.key === 'C-SCALES' || r.centreCode === 'C-SCALES');
    expect(total?.satisfiedShare).toBe(0);
  });

  it('refuses an undo whose restored ticket is malformed, and stores nothing of the batch', async () => {
    const token = await hub.centreToken('C-BAD-UNDO');
    const undone = events.find((e) => e.type === 'counter.undone')!;
    const broken = events.map((e) => (e === undone ? { ...e, tickets: [{ id: 'x' }] } : e));
    const sent = await hub.request('POST', '/api/hub/v1/events', { day, events: broken }, token);
    expect(sent.status).toBe(400);
    const [n] = await hub.db.query<{ n: string }>(
      `select count(*) as n from events e join centres c on c.id = e.centre_id where c.code = 'C-BAD-UNDO'`,
    );
    expect(Number(n!.n)).toBe(0);
  });
});
