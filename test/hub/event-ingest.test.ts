import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateDay } from '../../bench/day-simulation.ts';
import type { DayCursor } from '../../protocol/hub/shipped-event.ts';
import { SiteConfigSchema } from '../../protocol/site-config.ts';
import type { QueueEvent } from '../../server/core/model.ts';
import { TestHub } from '../support/test-hub.ts';

const config = v.parse(SiteConfigSchema, JSON.parse(readFileSync(join(import.meta.dirname, '../../data/site.json'), 'utf8')));
const day = '2026-11-23';
const simulated = simulateDay(config, day, { tickets: 120, seed: 7 });
const events = simulated.events;

let hub: TestHub;
beforeAll(async () => {
  hub = await TestHub.start();
});
afterAll(async () => {
  await hub.close();
});

const send = (token: string, batch: QueueEvent[], onDay = day) =>
  hub.request<DayCursor>('POST', '/api/hub/v1/events', { day: onDay, events: batch }, token);
const count = async (sql: string, params: unknown[]) => Number((await hub.db.query<{ n: number }>(sql, params))[0]!.n);

describe('hub: events up, exactly once', () => {
  it('stores a day shipped in batches once, however often batches are sent again or overlap', async () => {
    const token = await hub.centreToken('C-ONCE');
    for (let i = 0; i < events.length; i += 100) expect((await send(token, events.slice(i, i + 100))).body.ok).toBe(true);
    // A centre killed before it heard the answer sends the same batch again, or one that overlaps.
    const again = await send(token, events.slice(200, 300));
    const overlap = await send(token, events.slice(250, 400));
    expect(again.body).toEqual({ ok: true, value: { day, seq: events.length } });
    expect(overlap.body.ok).toBe(true);
    expect(await count(`select count(*) as n from events e join centres c on c.id = e.centre_id where c.code = 'C-ONCE'`, [])).toBe(
      events.length,
    );
    const cursor = await hub.request<{ days: DayCursor[] }>('GET', '/api/hub/v1/cursor', undefined, token);
    expect(cursor.body).toEqual({ ok: true, value: { days: [{ day, seq: events.length }] } });
  });

  it("keeps every ticket as the centre's own fold of the journal has it", async () => {
    const token = await hub.centreToken('C-FOLD');
    for (let i = 0; i < events.length; i += 77) await send(token, events.slice(i, i + 77));
    const rows = await hub.db.query<{
      id: string;
      status: string;
      first_called_at: number | null;
      ended_at: number | null;
      rating_level: number | null;
    }>(
      `select t.id, t.status, t.first_called_at, t.ended_at, t.rating_level from tickets t join centres c on c.id = t.centre_id where c.code = 'C-FOLD'`,
    );
    expect(rows).toHaveLength(simulated.state.tickets.size);
    for (const r of rows) {
      const t = simulated.state.tickets.get(r.id)!;
      expect({ status: r.status, called: r.first_called_at, ended: r.ended_at, rating: r.rating_level }).toEqual({
        status: t.status,
        called: t.firstCalledAt,
        ended: t.endedAt,
        rating: t.rating?.level ?? null,
      });
    }
  });

  it('refuses a batch that would leave a gap, and says where the hub stands', async () => {
    const token = await hub.centreToken('C-GAP');
    await send(token, events.slice(0, 10));
    const gap = await send(token, events.slice(20, 30));
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ ok: false, error: { code: 'hub:link.gap', params: { day, seq: 10 } } });
    expect(await count(`select count(*) as n from events e join centres c on c.id = e.centre_id where c.code = 'C-GAP'`, [])).toBe(10);
  });

  it('refuses an event that differs from the one stored under its seq, and stores nothing of the batch', async () => {
    const token = await hub.centreToken('C-CONFLICT');
    await send(token, events.slice(0, 10));
    const rewritten = events.slice(5, 15).map((e) => (e.seq === 7 ? { ...e, at: e.at + 1 } : e));
    const refused = await send(token, rewritten);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'hub:link.conflict', params: { seq: 10, at: 7 } } });
    expect(await count(`select max(seq) as n from events e join centres c on c.id = e.centre_id where c.code = 'C-CONFLICT'`, [])).toBe(10);
  });

  it('refuses events that do not follow from the journal before them', async () => {
    const token = await hub.centreToken('C-UNUSABLE');
    const call = events.find((e) => e.type === 'ticket.called')!;
    const refused = await send(token, [{ ...call, seq: 1 }]);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'hub:link.unusable' } });
    expect(await count(`select count(*) as n from events e join centres c on c.id = e.centre_id where c.code = 'C-UNUSABLE'`, [])).toBe(0);
  });

  it('refuses malformed events with the field that is wrong', async () => {
    const token = await hub.centreToken('C-BAD');
    const refused = await send(token, [{ ...events[0]!, seq: 0 }]);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('queues one webhook delivery per event, however often the event is resent', async () => {
    const admin = await hub.adminToken();
    const token = await hub.centreToken('C-HOOK');
    const made = await hub.request(
      'POST',
      '/api/webhooks',
      { url: 'http://127.0.0.1:9/nowhere', events: ['ticket.issued'], centreCode: 'C-HOOK' },
      admin,
    );
    expect(made.body.ok).toBe(true);
    await send(token, events.slice(0, 50));
    await send(token, events.slice(0, 50));
    const issued = events.slice(0, 50).filter((e) => e.type === 'ticket.issued').length;
    expect(await count(`select count(*) as n from webhook_deliveries where event_id like 'C-HOOK:%'`, [])).toBe(issued);
  });

  it('turns away a revoked centre at once', async () => {
    const admin = await hub.adminToken();
    const token = await hub.centreToken('C-REVOKED');
    await hub.request('POST', '/api/centres/C-REVOKED/revoke', undefined, admin);
    const refused = await send(token, events.slice(0, 5));
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'hub:link.revoked' } });
  });
});
