import type { CounterState, Ticket } from './model.ts';
import type { NumberFloor } from './number-floor.ts';

/** What the day's records show beyond the applied events: numbering and seqs go on above it. */
export interface DayFloor {
  /** The highest seq seen (damaged lines, failed writes); new events get seqs above it and above `seq`. */
  seq: number;
  numbers: NumberFloor;
}

/** One local day's queue, derived from that day's events. */
export interface QueueState {
  day: string;
  /** Seq of the last event applied. */
  seq: number;
  tickets: Map<string, Ticket>;
  /** Ids of waiting tickets, the only ones calling has to look at. */
  waiting: Set<string>;
  /** The same, per service, so counts and people-ahead do not scan the whole day. */
  waitingByService: Map<string, Set<string>>;
  /** Ticket ids in the order they were last called (newest last, bounded): the board's history. */
  recentCalls: string[];
  /** Tickets each counter has called (where they are or were last served), for its console. */
  byCounter: Map<number, Set<string>>;
  /** Parked tickets, waiting to be resumed. */
  parked: Set<string>;
  /** Bumped whenever a ticket at a counter changes, so a counter's figures are recomputed only then. */
  counterVersions: Map<number, number>;
  issuedByService: Map<string, number>;
  lastNumberByService: Map<string, number>;
  counters: Map<number, CounterState>;
  /** Recent call-to-end durations per service (ms), newest last, for wait estimates. */
  serviceTimes: Map<string, number[]>;
  floor: DayFloor;
}

export const serviceTimeWindow = 20;
export const recentCallsKept = 64;

export function emptyDayState(day: string): QueueState {
  return {
    day,
    seq: 0,
    tickets: new Map(),
    waiting: new Set(),
    waitingByService: new Map(),
    recentCalls: [],
    byCounter: new Map(),
    parked: new Set(),
    counterVersions: new Map(),
    issuedByService: new Map(),
    lastNumberByService: new Map(),
    counters: new Map(),
    serviceTimes: new Map(),
    floor: { seq: 0, numbers: new Map() },
  };
}

/** The counter's state; a counter added to the config during the day starts closed. */
export function counterState(state: QueueState, id: number): CounterState {
  let c = state.counters.get(id);
  if (!c) {
    c = { id, status: 'closed', pauseReason: null, currentTicketId: null, clerkId: null, priorityStreak: 0, callsByService: {} };
    state.counters.set(id, c);
  }
  return c;
}

/** Plain JSON form of the state, for day snapshots. */
export interface QueueStateSnapshot {
  day: string;
  seq: number;
  tickets: Ticket[];
  counters: CounterState[];
  issuedByService: Record<string, number>;
  lastNumberByService: Record<string, number>;
  serviceTimes: Record<string, number[]>;
  /** The board's call history in journal order (wall stamps may have gone back). */
  recentCalls: string[];
  floor: { seq: number; numbers: Record<string, number[]> };
}

export function snapshotOf(state: QueueState): QueueStateSnapshot {
  return {
    day: state.day,
    seq: state.seq,
    tickets: [...state.tickets.values()].map((t) => ({ ...t })),
    counters: [...state.counters.values()].map((c) => ({ ...c, callsByService: { ...c.callsByService } })),
    issuedByService: Object.fromEntries(state.issuedByService),
    lastNumberByService: Object.fromEntries(state.lastNumberByService),
    serviceTimes: Object.fromEntries([...state.serviceTimes].map(([k, v]) => [k, [...v]])),
    recentCalls: state.recentCalls.slice(-recentCallsKept),
    floor: { seq: state.floor.seq, numbers: Object.fromEntries([...state.floor.numbers].map(([k, v]) => [k, [...v]])) },
  };
}

export function stateFromSnapshot(s: QueueStateSnapshot): QueueState {
  const tickets = new Map(s.tickets.map((t) => [t.id, storedTicket(t)]));
  const waitingByService = new Map<string, Set<string>>();
  for (const t of tickets.values()) if (t.status === 'waiting') waitingIn(waitingByService, t.serviceId).add(t.id);
  return {
    day: s.day,
    seq: s.seq,
    tickets,
    waiting: new Set([...tickets.values()].filter((t) => t.status === 'waiting').map((t) => t.id)),
    waitingByService,
    recentCalls: s.recentCalls.filter((id) => tickets.has(id)),
    byCounter: indexByCounter(tickets.values()),
    parked: new Set([...tickets.values()].filter((t) => t.status === 'parked').map((t) => t.id)),
    counterVersions: new Map(),
    issuedByService: new Map(Object.entries(s.issuedByService)),
    lastNumberByService: new Map(Object.entries(s.lastNumberByService)),
    counters: new Map(s.counters.map((c) => [c.id, { ...c, callsByService: { ...c.callsByService } }])),
    serviceTimes: new Map(Object.entries(s.serviceTimes).map(([k, v]) => [k, [...v]])),
    floor: { seq: s.floor.seq, numbers: new Map(Object.entries(s.floor.numbers).map(([k, v]) => [k, [...v]])) },
  };
}

export function cloneState(state: QueueState): QueueState {
  return stateFromSnapshot(snapshotOf(state));
}

/**
 * A ticket as a snapshot or the report cache kept it, with the fields added since (issue 14:
 * the dossier code, a rating's scale) filled in as unknown.
 */
export function storedTicket(t: Ticket): Ticket {
  const old = t as Partial<Ticket> & Omit<Ticket, 'dossierCode'>;
  const rating = t.rating && { ...t.rating, scale: t.rating.scale ?? null, dossierCode: t.rating.dossierCode ?? null };
  return { ...old, dossierCode: old.dossierCode ?? null, rating };
}

function waitingIn(index: Map<string, Set<string>>, serviceId: string): Set<string> {
  let set = index.get(serviceId);
  if (!set) index.set(serviceId, (set = new Set()));
  return set;
}

/** Puts a ticket in the waiting indexes (its service's queue). */
export function markWaiting(state: QueueState, id: string, serviceId: string): void {
  state.waiting.add(id);
  waitingIn(state.waitingByService, serviceId).add(id);
}

/** Takes a ticket out of the waiting indexes. */
export function unmarkWaiting(state: QueueState, id: string, serviceId: string): void {
  state.waiting.delete(id);
  state.waitingByService.get(serviceId)?.delete(id);
}

/** Remembers a call for the board's history; a recall moves the ticket to the end again. */
export function recordCall(state: QueueState, id: string): void {
  state.recentCalls.push(id);
  if (state.recentCalls.length > recentCallsKept * 2) state.recentCalls.splice(0, state.recentCalls.length - recentCallsKept);
}

/** Ids of waiting tickets of one service. */
export function waitingOf(state: QueueState, serviceId: string): ReadonlySet<string> {
  return state.waitingByService.get(serviceId) ?? new Set();
}

function indexByCounter(tickets: Iterable<Ticket>): Map<number, Set<string>> {
  const index = new Map<number, Set<string>>();
  for (const t of tickets) {
    if (t.counterId === null) continue;
    let set = index.get(t.counterId);
    if (!set) index.set(t.counterId, (set = new Set()));
    set.add(t.id);
  }
  return index;
}

/** Moves a ticket to the counter now calling it, in the per-counter index. */
export function assignCounter(state: QueueState, t: Ticket, counterId: number): void {
  if (t.counterId !== null && t.counterId !== counterId) {
    state.byCounter.get(t.counterId)?.delete(t.id);
    touchCounter(state, t.counterId);
  }
  let set = state.byCounter.get(counterId);
  if (!set) state.byCounter.set(counterId, (set = new Set()));
  set.add(t.id);
}

/** Tickets a counter has called today (current and past). */
export function ticketsOfCounter(state: QueueState, counterId: number): Ticket[] {
  const out: Ticket[] = [];
  for (const id of state.byCounter.get(counterId) ?? []) {
    const t = state.tickets.get(id);
    if (t) out.push(t);
  }
  return out;
}

/** Marks a counter's tickets as changed. */
export function touchCounter(state: QueueState, counterId: number | null): void {
  if (counterId !== null) state.counterVersions.set(counterId, (state.counterVersions.get(counterId) ?? 0) + 1);
}
