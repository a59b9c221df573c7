import type { CounterStatus } from '../core/model.ts';

/** The console that holds a counter: only its connection may act there. */
export interface CounterHolder {
  userId: string;
  consoleId: string;
  /** The holding console's connection; null while it is away (reloading, network down). */
  socketId: string | null;
  /** Since when it holds the counter (wall time, for the other consoles' notice). */
  since: number;
}

/** Who asks to work at a counter. */
export interface ConsoleAtCounter {
  userId: string;
  consoleId: string;
  socketId: string;
}

/**
 * Which console holds each counter (issue 14: one console at a time). A counter changes hands
 * only by an explicit takeover; the console that held it is told and only views it from then
 * on. Kept in memory: after a restart the first console to join a counter holds it again, as
 * long as the counter is its clerk's or closed (see {@link mayHoldAtOnce}).
 */
export class CounterHolders {
  readonly #byCounter = new Map<number, CounterHolder>();

  holder(counterId: number): CounterHolder | null {
    return this.#byCounter.get(counterId) ?? null;
  }

  /** Whether this connection holds the counter. */
  holds(counterId: number | null, socketId: string): boolean {
    return counterId !== null && this.#byCounter.get(counterId)?.socketId === socketId;
  }

  /** The clerk whose console holds the counter, for the call buttons to act as. */
  clerkAt(counterId: number): string | null {
    return this.#byCounter.get(counterId)?.userId ?? null;
  }

  /** The console now holds the counter; the one before it (if any) views it from now on. */
  hold(counterId: number, console: ConsoleAtCounter, since: number): void {
    this.#byCounter.set(counterId, { ...console, since });
  }

  /** The connection moved to another counter: the one it held shows its console as away, as after a disconnect. */
  left(counterId: number, socketId: string): void {
    const h = this.#byCounter.get(counterId);
    if (h?.socketId === socketId) h.socketId = null;
  }

  /** A connection ended: the counters it held stay its console's until another takes them over. */
  disconnected(socketId: string): void {
    for (const h of this.#byCounter.values()) if (h.socketId === socketId) h.socketId = null;
  }
}

/**
 * Whether a console joining a counter holds it at once, or must confirm a takeover first: it
 * must when another console is connected and holds it (the same clerk's other console too),
 * or when another clerk has the counter open. A console coming back (same clerk and console)
 * and a clerk moving to another machine while the old one is gone hold it at once.
 */
export function mayHoldAtOnce(
  holder: CounterHolder | null,
  counter: { status: CounterStatus; clerkId: string | null },
  me: { userId: string; consoleId: string },
): boolean {
  const sameConsole = holder?.userId === me.userId && holder.consoleId === me.consoleId;
  if (holder && holder.socketId !== null && !sameConsole) return false;
  return counter.status === 'closed' || counter.clerkId === null || counter.clerkId === me.userId;
}
