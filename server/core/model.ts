/**
 * The queue's typed models. A day's queue is a fold of its events (see `apply-event.ts`):
 * the journal stores events, the state is derived, so a restart replays to the same queue.
 */
import type { UndoableAction } from '../../protocol/views.ts';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'finished' | 'no_show' | 'parked' | 'cancelled';

/** Who caused an event: a signed-in person, a paired device, or the system itself. */
export type Actor = { kind: 'user'; id: string } | { kind: 'device'; id: string } | { kind: 'system' };

export interface Ticket {
  /**
   * Random, from the id source the engine is given (ten letters and digits from `newTicketId`,
   * 50 bits: never the same twice in practice). Public links sign it, so it need not be secret.
   */
  id: string;
  serviceId: string;
  /** The service it was issued for; `serviceId` changes when it is transferred. */
  issuedServiceId: string;
  number: number;
  /** What people see and hear: prefix and padded number, e.g. `A007`, `1023`. */
  label: string;
  priorityGroup: string | null;
  procedureCode: string | null;
  issuedAt: number;
  /** When it joined its queue: the arrival time, or the transfer time when it joins the back. */
  queuedAt: number;
  /** Seq of the event that issued it. */
  issuedSeq: number;
  /**
   * Its place in the queue: the seq of the event that put it there (its issue, or a transfer
   * to the back). Queue order is journal order, never wall-clock order (issue 12: a clock
   * stepped back let a later ticket be called first).
   */
  queuedSeq: number;
  status: TicketStatus;
  /** The counter it is called to or served at (or last was). */
  counterId: number | null;
  /** Set when transferred or resumed to one counter: only that counter calls it. */
  targetCounterId: number | null;
  firstCalledAt: number | null;
  lastCalledAt: number | null;
  recalls: number;
  startedAt: number | null;
  endedAt: number | null;
  transfers: number;
  /**
   * The clerk who acted on it last at a counter (called, started, finished, parked…): the user
   * the event was recorded for, so work after a shift change is credited to who did it (issue 14).
   */
  clerkId: string | null;
  /**
   * The dossier (mã hồ sơ) the clerk typed or scanned at finish, from the receipt the
   * provincial one-stop system printed; null when none was given.
   */
  dossierCode: string | null;
  rating: TicketRating | null;
}

/** A rating scale: three faces or five stars, levels counting up from 1 (least satisfied). */
export type RatingScale = 3 | 5;

export interface TicketRating {
  level: number;
  reason: string | null;
  at: number;
  /**
   * The scale it was given on, so a later switch of the centre's scale does not re-read it
   * (issue 14); null for a rating recorded before ratings carried their scale.
   */
  scale: RatingScale | null;
  /** The ticket's dossier code when it was rated. */
  dossierCode: string | null;
}

export type CounterStatus = 'open' | 'paused' | 'closed';

export interface CounterState {
  id: number;
  status: CounterStatus;
  pauseReason: string | null;
  currentTicketId: string | null;
  /** The clerk who holds the counter: set when one opens it or takes it over, cleared when it closes. */
  clerkId: string | null;
  /** Priority calls since the last normal call, for the ratio rule. */
  priorityStreak: number;
  /** Calls per service today, for weighted calling. */
  callsByService: Record<string, number>;
}

/**
 * The actions a clerk can undo for a short while (issue 14). `call` is calling a chosen or a
 * parked ticket, which like `next` finishes whoever was at the counter.
 */
export type { UndoableAction };

/** What an undo puts back of the counter itself. */
export type CounterRestore = Omit<CounterState, 'id'>;

interface EventBase {
  /**
   * Position in the day's journal, 1-based and strictly increasing. Normally without gaps; a
   * gap is where a damaged line was set aside, and new events always go above every seq seen.
   */
  seq: number;
  at: number;
  by: Actor;
}

export type QueueEvent = EventBase &
  (
    | {
        type: 'ticket.issued';
        ticketId: string;
        serviceId: string;
        number: number;
        label: string;
        priorityGroup: string | null;
        procedureCode: string | null;
      }
    | { type: 'ticket.called'; ticketId: string; counterId: number; how: 'next' | 'chosen' | 'resumed' }
    | { type: 'ticket.recalled'; ticketId: string; counterId: number }
    | { type: 'ticket.started'; ticketId: string; counterId: number }
    | {
        type: 'ticket.finished';
        ticketId: string;
        counterId: number;
        /** The dossier code given at finish; absent when none was. */
        dossierCode?: string;
      }
    | { type: 'ticket.no_show'; ticketId: string; counterId: number }
    | {
        type: 'ticket.transferred';
        ticketId: string;
        fromCounterId: number | null;
        toServiceId: string;
        toCounterId: number | null;
        keepArrival: boolean;
      }
    | { type: 'ticket.parked'; ticketId: string; counterId: number }
    | {
        type: 'ticket.cancelled';
        ticketId: string;
        reason: string | null;
        /** The counter whose clerk cancelled it; absent when cancelled away from a counter (an admin). */
        counterId?: number;
      }
    | {
        type: 'ticket.rated';
        ticketId: string;
        level: number;
        reason: string | null;
        /** The scale the citizen rated on; absent in journals written before issue 14. */
        scale?: RatingScale;
        /** The ticket's dossier code, so ratings match dossiers without the ticket; absent before issue 14. */
        dossierCode?: string | null;
      }
    | { type: 'counter.opened'; counterId: number }
    | { type: 'counter.paused'; counterId: number; reason: string }
    | { type: 'counter.resumed'; counterId: number }
    | { type: 'counter.closed'; counterId: number }
    /** Another clerk took the counter over (shift change); `by` is the new one. */
    | { type: 'counter.taken_over'; counterId: number; fromClerkId: string | null }
    /**
     * The counter's last action undone: the events `undoneSeqs` no longer count, and each ticket
     * they touched, and the counter, are as they were before them (see `undo.ts`).
     */
    | {
        type: 'counter.undone';
        counterId: number;
        action: UndoableAction;
        undoneSeqs: number[];
        tickets: Ticket[];
        counter: CounterRestore;
      }
  );

export type QueueEventType = QueueEvent['type'];

/** An event before the engine has stamped it with seq, time and actor. */
export type QueueEventDraft = QueueEvent extends infer E ? (E extends QueueEvent ? Omit<E, 'seq' | 'at' | 'by'> : never) : never;

export const activeStatuses: ReadonlySet<TicketStatus> = new Set(['called', 'serving']);
export const finalStatuses: ReadonlySet<TicketStatus> = new Set(['finished', 'no_show', 'cancelled']);
