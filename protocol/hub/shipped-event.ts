import * as v from 'valibot';
import { dossierCodeMaxLength, dossierCodePattern } from '../dossier.ts';

/**
 * A journal event as a centre ships it to the hub: the same shape as the centre's own
 * `QueueEvent` (server/core/model.ts; a test checks that the two agree), validated in full at the
 * hub's boundary because the hub folds it into its tables.
 */
const CounterId = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(99));
const TicketId = v.pipe(v.string(), v.regex(/^[a-z0-9]{4,32}$/));
const ServiceId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,31}$/));
const Reason = v.nullable(v.pipe(v.string(), v.maxLength(300)));

const ActorSchema = v.variant('kind', [
  v.object({ kind: v.literal('user'), id: v.pipe(v.string(), v.maxLength(64)) }),
  v.object({ kind: v.literal('device'), id: v.pipe(v.string(), v.maxLength(64)) }),
  v.object({ kind: v.literal('system') }),
]);

const ClerkId = v.nullable(v.pipe(v.string(), v.maxLength(64)));
const Time = v.pipe(v.number(), v.integer(), v.minValue(0));
const Seq = v.pipe(v.number(), v.integer(), v.minValue(1));
const DossierCode = v.pipe(v.string(), v.maxLength(dossierCodeMaxLength), v.regex(dossierCodePattern));
const RatingScale = v.union([v.literal(3), v.literal(5)]);

/** A ticket as an undo puts it back: the whole record, as the centre's core keeps it. */
const TicketSchema = v.object({
  id: TicketId,
  serviceId: ServiceId,
  issuedServiceId: ServiceId,
  number: v.pipe(v.number(), v.integer(), v.minValue(0)),
  label: v.pipe(v.string(), v.minLength(1), v.maxLength(16)),
  priorityGroup: v.nullable(ServiceId),
  procedureCode: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  issuedAt: Time,
  queuedAt: Time,
  issuedSeq: Seq,
  queuedSeq: Seq,
  status: v.picklist(['waiting', 'called', 'serving', 'finished', 'no_show', 'parked', 'cancelled']),
  counterId: v.nullable(CounterId),
  targetCounterId: v.nullable(CounterId),
  firstCalledAt: v.nullable(Time),
  lastCalledAt: v.nullable(Time),
  recalls: v.pipe(v.number(), v.integer(), v.minValue(0)),
  startedAt: v.nullable(Time),
  endedAt: v.nullable(Time),
  transfers: v.pipe(v.number(), v.integer(), v.minValue(0)),
  clerkId: ClerkId,
  dossierCode: v.nullable(DossierCode),
  rating: v.nullable(
    v.object({
      level: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
      reason: Reason,
      at: Time,
      scale: v.nullable(RatingScale),
      dossierCode: v.nullable(DossierCode),
    }),
  ),
});

/** A counter as an undo puts it back (its id is the event's `counterId`). */
const CounterRestoreSchema = v.object({
  status: v.picklist(['open', 'paused', 'closed']),
  pauseReason: v.nullable(v.pipe(v.string(), v.maxLength(300))),
  currentTicketId: v.nullable(TicketId),
  clerkId: ClerkId,
  priorityStreak: v.pipe(v.number(), v.integer(), v.minValue(0)),
  callsByService: v.record(ServiceId, v.pipe(v.number(), v.integer(), v.minValue(0))),
});

const base = {
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
  by: ActorSchema,
};
const atCounter = { ...base, ticketId: TicketId, counterId: CounterId };

export const ShippedEventSchema = v.variant('type', [
  v.object({
    ...base,
    type: v.literal('ticket.issued'),
    ticketId: TicketId,
    serviceId: ServiceId,
    number: v.pipe(v.number(), v.integer(), v.minValue(0)),
    label: v.pipe(v.string(), v.minLength(1), v.maxLength(16)),
    priorityGroup: v.nullable(ServiceId),
    procedureCode: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  }),
  v.object({ ...atCounter, type: v.literal('ticket.called'), how: v.picklist(['next', 'chosen', 'resumed']) }),
  v.object({ ...atCounter, type: v.literal('ticket.recalled') }),
  v.object({ ...atCounter, type: v.literal('ticket.started') }),
  v.object({ ...atCounter, type: v.literal('ticket.finished'), dossierCode: v.optional(DossierCode) }),
  v.object({ ...atCounter, type: v.literal('ticket.no_show') }),
  v.object({
    ...base,
    type: v.literal('ticket.transferred'),
    ticketId: TicketId,
    fromCounterId: v.nullable(CounterId),
    toServiceId: ServiceId,
    toCounterId: v.nullable(CounterId),
    keepArrival: v.boolean(),
  }),
  v.object({ ...atCounter, type: v.literal('ticket.parked') }),
  v.object({ ...base, type: v.literal('ticket.cancelled'), ticketId: TicketId, reason: Reason, counterId: v.optional(CounterId) }),
  v.object({
    ...base,
    type: v.literal('ticket.rated'),
    ticketId: TicketId,
    level: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
    reason: Reason,
    scale: v.optional(RatingScale),
    dossierCode: v.optional(v.nullable(DossierCode)),
  }),
  v.object({ ...base, type: v.literal('counter.opened'), counterId: CounterId }),
  v.object({ ...base, type: v.literal('counter.paused'), counterId: CounterId, reason: v.pipe(v.string(), v.maxLength(300)) }),
  v.object({ ...base, type: v.literal('counter.resumed'), counterId: CounterId }),
  v.object({ ...base, type: v.literal('counter.closed'), counterId: CounterId }),
  v.object({ ...base, type: v.literal('counter.taken_over'), counterId: CounterId, fromClerkId: ClerkId }),
  v.object({
    ...base,
    type: v.literal('counter.undone'),
    counterId: CounterId,
    action: v.picklist(['next', 'call', 'finish', 'no_show', 'transfer', 'park', 'cancel']),
    undoneSeqs: v.pipe(v.array(Seq), v.maxLength(16)),
    tickets: v.pipe(v.array(TicketSchema), v.maxLength(16)),
    counter: CounterRestoreSchema,
  }),
]);

export type ShippedEvent = v.InferOutput<typeof ShippedEventSchema>;

/** `YYYY-MM-DD`, a centre's local day. */
export const ShippedDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'));

/** The most events one request carries; a slow link may send fewer (the centre's `hubBatchEvents`). */
export const maxBatchEvents = 1000;

/**
 * `POST /api/hub/v1/events`: a run of one day's events in journal order, without gaps. The hub
 * keeps what it has (same day and seq: the same event, counted once) and refuses a batch that
 * would leave a gap, answering with where it stands so the centre resends from there.
 */
export const EventBatchSchema = v.pipe(
  v.strictObject({
    day: ShippedDay,
    events: v.pipe(v.array(ShippedEventSchema), v.minLength(1), v.maxLength(maxBatchEvents)),
  }),
  v.check((b) => b.events.every((e, i) => i === 0 || e.seq === b.events[i - 1]!.seq + 1), 'events must be in journal order without gaps'),
);
export type EventBatch = v.InferOutput<typeof EventBatchSchema>;

/** Where the hub stands for one day of one centre: every event up to `seq` is stored. */
export interface DayCursor {
  day: string;
  seq: number;
}

/** `GET /api/hub/v1/cursor`: the hub's cursor for every day it holds of the asking centre. */
export interface HubCursor {
  days: DayCursor[];
}
