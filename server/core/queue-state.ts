import type { CounterState, Ticket } from './model.ts';

/** One local day's queue, derived from that day's events. */
export interface QueueState {
  day: string;
  /** Seq of the last event applied. */
  seq: number;
  tickets: Map<string, Ticket>;
  /** Ids of waiting tickets, the only ones calling has to look at. */
  waiting: Set<string>;
  issuedByService: Map<string, number>;
  lastNumberByService: Map<string, number>;
  counters: Map<number, CounterState>;
  /** Recent call-to-end durations per service (ms), newest last, for wait estimates. */
  serviceTimes: Map<string, number[]>;
}

export const serviceTimeWindow = 20;

export function emptyDayState(day: string): QueueState {
  return {
    day,
    seq: 0,
    tickets: new Map(),
    waiting: new Set(),
    issuedByService: new Map(),
    lastNumberByService: new Map(),
    counters: new Map(),
    serviceTimes: new Map(),
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
  };
}

export function stateFromSnapshot(s: QueueStateSnapshot): QueueState {
  const tickets = new Map(s.tickets.map((t) => [t.id, { ...t }]));
  return {
    day: s.day,
    seq: s.seq,
    tickets,
    waiting: new Set([...tickets.values()].filter((t) => t.status === 'waiting').map((t) => t.id)),
    issuedByService: new Map(Object.entries(s.issuedByService)),
    lastNumberByService: new Map(Object.entries(s.lastNumberByService)),
    counters: new Map(s.counters.map((c) => [c.id, { ...c, callsByService: { ...c.callsByService } }])),
    serviceTimes: new Map(Object.entries(s.serviceTimes).map(([k, v]) => [k, [...v]])),
  };
}

export function cloneState(state: QueueState): QueueState {
  return stateFromSnapshot(snapshotOf(state));
}
