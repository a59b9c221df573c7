import type { CounterRestore, CounterState, Ticket, UndoableAction } from './model.ts';

/** A counter's last call: which ticket, and when on the monotonic clock. */
export interface RecentCall {
  ticketId: string;
  at: number;
}

/**
 * A counter's last undoable action, as the state showed before and after it: undoing puts the
 * `before` images back, and is possible only while the state still shows the `after` ones.
 */
export interface CounterAct {
  action: UndoableAction;
  counterId: number;
  /** The seqs of the events the action recorded. */
  seqs: number[];
  /** When it was done, on the monotonic clock. */
  at: number;
  before: { tickets: Ticket[]; counter: CounterRestore };
  after: { tickets: Ticket[]; counter: CounterRestore };
}

/** What a decision may read of the counters' recent past (see {@link CounterMemory}). */
export interface CounterRecall {
  lastCall(counterId: number): RecentCall | null;
  lastAct(counterId: number): CounterAct | null;
}

/** A copy of the ticket that later changes to the ticket do not reach. */
export function ticketImage(t: Ticket): Ticket {
  return { ...t, rating: t.rating && { ...t.rating } };
}

/** The counter's state without its id, copied. */
export function counterImage(c: CounterState): CounterRestore {
  return {
    status: c.status,
    pauseReason: c.pauseReason,
    currentTicketId: c.currentTicketId,
    clerkId: c.clerkId,
    priorityStreak: c.priorityStreak,
    callsByService: { ...c.callsByService },
  };
}
