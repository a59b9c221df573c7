import type { DayCursor, EventBatch } from '../../protocol/hub/shipped-event.ts';
import type { WebhookDelivery } from '../../protocol/webhooks.ts';
import { applyEvent } from '../../server/core/apply-event.ts';
import type { QueueEvent, Ticket } from '../../server/core/model.ts';
import { emptyDayState, type QueueState } from '../../server/core/queue-state.ts';
import { ticketDelivery } from '../../server/core/webhook-event.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { CentreRecord } from './centre-registry.ts';
import { DayFolds } from './day-folds.ts';

export type IngestOutcome =
  | { ok: true; cursor: DayCursor; stored: number }
  /** The batch starts after the hub's cursor: the centre resends from `cursor.seq + 1`. */
  | { ok: false; code: 'hub:link.gap'; cursor: DayCursor }
  /** An event the hub already has under that seq differs: the centre's journal was rewritten. */
  | { ok: false; code: 'hub:link.conflict'; cursor: DayCursor; seq: number }
  /** An event does not follow from the ones before it (a ticket that was never issued). */
  | { ok: false; code: 'hub:link.unusable'; cursor: DayCursor; seq: number };

/** Where one event's webhooks go: the subscriptions that want its type, found once per batch. */
export interface WebhookTargets {
  forCentre(tx: Queryable, centreId: number): Promise<(delivery: WebhookDelivery) => string[]>;
  enqueue(tx: Queryable, deliveries: ReadonlyArray<{ webhookId: string; delivery: WebhookDelivery }>, now: number): Promise<void>;
}

/**
 * Stores centres' journal events exactly once. One transaction per batch: it locks the day's
 * cursor, keeps only events after it, folds them with the centre's own `applyEvent` into the
 * tickets table the reports read, queues their webhooks, and moves the cursor. Killed at any
 * point, the transaction either happened or did not, and the centre resends from the cursor.
 */
export class EventIngest {
  private readonly folds = new DayFolds(160);

  constructor(
    private readonly db: Database,
    private readonly webhooks: WebhookTargets,
  ) {}

  /** The hub's cursor for every day it holds of the centre, oldest first. */
  async cursors(centreId: number): Promise<DayCursor[]> {
    return this.db.query<{ day: string; seq: number }>('select day, seq from day_cursors where centre_id = $1 order by day', [centreId]);
  }

  async ingest(centre: CentreRecord, batch: EventBatch, now: number): Promise<IngestOutcome> {
    const key = `${centre.id}/${batch.day}`;
    try {
      return await this.db.transaction((tx) => this.ingestIn(tx, centre, batch, now));
    } catch (e) {
      // The cached fold may have taken events the rollback undid.
      this.folds.drop(key);
      throw e;
    }
  }

  private async ingestIn(tx: Queryable, centre: CentreRecord, batch: EventBatch, now: number): Promise<IngestOutcome> {
    const { day, events } = batch;
    await tx.query('insert into day_cursors (centre_id, day, seq) values ($1, $2, 0) on conflict do nothing', [centre.id, day]);
    const seq = (
      await tx.query<{ seq: number }>('select seq from day_cursors where centre_id = $1 and day = $2 for update', [centre.id, day])
    )[0]!.seq;
    const cursor = { day, seq };
    await tx.query('update centres set last_contact_at = greatest(coalesce(last_contact_at, 0), $1) where id = $2', [now, centre.id]);
    if (events[0]!.seq > seq + 1) return { ok: false, code: 'hub:link.gap', cursor };
    const conflict = await this.firstConflict(tx, centre.id, batch, seq);
    if (conflict !== null) return { ok: false, code: 'hub:link.conflict', cursor, seq: conflict };
    const fresh = events.filter((e) => e.seq > seq) as QueueEvent[];
    if (fresh.length === 0) return { ok: true, cursor, stored: 0 };

    const key = `${centre.id}/${day}`;
    const state = await this.folds.get(key, seq, () => this.replay(tx, centre.id, day));
    const scale = centre.profile?.ratingScale ?? 3;
    const targets = await this.webhooks.forCentre(tx, centre.id);
    const touched = new Map<string, Ticket>();
    const deliveries: Array<{ webhookId: string; delivery: WebhookDelivery }> = [];
    for (const e of fresh) {
      try {
        applyEvent(state, e);
      } catch {
        this.folds.drop(key);
        return { ok: false, code: 'hub:link.unusable', cursor, seq: e.seq };
      }
      if (!('ticketId' in e)) continue;
      const ticket = state.tickets.get(e.ticketId);
      if (!ticket) continue;
      touched.set(ticket.id, ticket);
      const delivery = ticketDelivery(e, ticket, { code: centre.code, name: centre.name, ratingScale: scale }, day);
      if (delivery) for (const webhookId of targets(delivery)) deliveries.push({ webhookId, delivery });
    }
    await tx.query(
      `insert into events (centre_id, day, seq, type, at, body)
       select $1, $2, (e->>'seq')::int, e->>'type', (e->>'at')::bigint, e from jsonb_array_elements($3::jsonb) as e`,
      [centre.id, day, JSON.stringify(fresh)],
    );
    await this.saveTickets(tx, centre.id, day, [...touched.values()]);
    await this.webhooks.enqueue(tx, deliveries, now);
    const last = fresh.at(-1)!;
    await tx.query(
      'update day_cursors set seq = $1, last_event_at = greatest(coalesce(last_event_at, 0), $2) where centre_id = $3 and day = $4',
      [last.seq, last.at, centre.id, day],
    );
    return { ok: true, cursor: { day, seq: last.seq }, stored: fresh.length };
  }

  /** The first seq at or below the cursor whose stored event is not the one sent again, or null. */
  private async firstConflict(tx: Queryable, centreId: number, batch: EventBatch, cursorSeq: number): Promise<number | null> {
    const resent = batch.events.filter((e) => e.seq <= cursorSeq);
    if (resent.length === 0) return null;
    const rows = await tx.query<{ seq: number; same: boolean }>(
      `select (x->>'seq')::int as seq, (ev.body = x) as same
       from jsonb_array_elements($3::jsonb) as x
       left join events ev on ev.centre_id = $1 and ev.day = $2 and ev.seq = (x->>'seq')::int
       order by 1`,
      [centreId, batch.day, JSON.stringify(resent)],
    );
    return rows.find((r) => r.same !== true)?.seq ?? null;
  }

  private async replay(tx: Queryable, centreId: number, day: string): Promise<QueueState> {
    const state = emptyDayState(day);
    const rows = await tx.query<{ body: QueueEvent }>('select body from events where centre_id = $1 and day = $2 order by seq', [
      centreId,
      day,
    ]);
    for (const r of rows) applyEvent(state, r.body);
    return state;
  }

  private async saveTickets(tx: Queryable, centreId: number, day: string, tickets: Ticket[]): Promise<void> {
    if (tickets.length === 0) return;
    const rows = tickets.map((t) => ({
      id: t.id,
      label: t.label,
      service_id: t.serviceId,
      issued_service_id: t.issuedServiceId,
      counter_id: t.counterId,
      clerk_id: t.clerkId,
      status: t.status,
      priority_group: t.priorityGroup,
      procedure_code: t.procedureCode,
      issued_at: t.issuedAt,
      first_called_at: t.firstCalledAt,
      started_at: t.startedAt,
      ended_at: t.endedAt,
      rating_level: t.rating?.level ?? null,
      rating_scale: t.rating?.scale ?? null,
    }));
    await tx.query(
      `insert into tickets (centre_id, day, id, label, service_id, issued_service_id, counter_id, clerk_id, status, priority_group,
         procedure_code, issued_at, first_called_at, started_at, ended_at, rating_level, rating_scale)
       select $1, $2, r.* from jsonb_to_recordset($3::jsonb) as r(id text, label text, service_id text, issued_service_id text,
         counter_id int, clerk_id text, status text, priority_group text, procedure_code text, issued_at bigint, first_called_at bigint,
         started_at bigint, ended_at bigint, rating_level int, rating_scale int)
       on conflict (centre_id, day, id) do update set label = excluded.label, service_id = excluded.service_id,
         counter_id = excluded.counter_id, clerk_id = excluded.clerk_id, status = excluded.status,
         first_called_at = excluded.first_called_at, started_at = excluded.started_at, ended_at = excluded.ended_at,
         rating_level = excluded.rating_level, rating_scale = excluded.rating_scale`,
      [centreId, day, JSON.stringify(rows)],
    );
  }
}
