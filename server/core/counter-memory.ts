import { applyEvent } from './apply-event.ts';
import { type CounterAct, type CounterRecall, counterImage, type RecentCall, ticketImage } from './counter-images.ts';
import type { CounterRestore, QueueEvent, Ticket, UndoableAction } from './model.ts';
import { counterState, type QueueState } from './queue-state.ts';

export type { CounterAct, CounterRecall, RecentCall };

/**
 * What happened at each counter in the last seconds, on the monotonic clock: the last call (so a
 * second Next press right after it finishes nothing) and the last undoable action (so Undo can
 * put it back). Kept by whoever owns the deciding state, never journaled: a duration means
 * nothing across a restart, so after one there is nothing to undo and no call to guard.
 */
export class CounterMemory implements CounterRecall {
  readonly #calls = new Map<number, RecentCall>();
  readonly #acts = new Map<number, CounterAct>();

  lastCall(counterId: number): RecentCall | null {
    return this.#calls.get(counterId) ?? null;
  }

  lastAct(counterId: number): CounterAct | null {
    return this.#acts.get(counterId) ?? null;
  }

  /**
   * Applies one command's events to the state and remembers what they did at `monotonic`. When
   * the command was an undoable action (`act`), the images of the tickets and the counter it
   * touched are taken before and after.
   */
  apply(
    state: QueueState,
    events: readonly QueueEvent[],
    act: { counterId: number; action: UndoableAction } | null,
    monotonic: number,
  ): void {
    const ids = act ? touchedTickets(events) : [];
    const before = act ? images(state, act.counterId, ids) : null;
    for (const e of events) {
      applyEvent(state, e);
      if (e.type === 'ticket.called' || e.type === 'ticket.recalled') this.#calls.set(e.counterId, { ticketId: e.ticketId, at: monotonic });
      if (e.type === 'counter.undone') this.#acts.delete(e.counterId);
    }
    if (!act || !before || events.length === 0) return;
    this.#acts.set(act.counterId, {
      ...act,
      seqs: events.map((e) => e.seq),
      at: monotonic,
      before,
      after: images(state, act.counterId, ids),
    });
  }

  /** Forgets everything: the state it described was replaced (a new day, a reopened journal). */
  clear(): void {
    this.#calls.clear();
    this.#acts.clear();
  }
}

/** The tickets a command's events name, each once, in the order named. */
function touchedTickets(events: readonly QueueEvent[]): string[] {
  const ids: string[] = [];
  for (const e of events) if ('ticketId' in e && !ids.includes(e.ticketId)) ids.push(e.ticketId);
  return ids;
}

function images(state: QueueState, counterId: number, ticketIds: readonly string[]): { tickets: Ticket[]; counter: CounterRestore } {
  const tickets: Ticket[] = [];
  for (const id of ticketIds) {
    const t = state.tickets.get(id);
    if (t) tickets.push(ticketImage(t));
  }
  return { tickets, counter: counterImage(counterState(state, counterId)) };
}
