import type { SiteConfig } from '../../protocol/site-config.ts';
import type { CounterSnapshot } from '../../protocol/views.ts';
import { counterMayCall, isPriorityClass, queueOrder } from '../core/call-order.ts';
import type { Ticket } from '../core/model.ts';
import { ticketsOfCounter, type QueueState } from '../core/queue-state.ts';
import type { StatBlock } from '../../protocol/views.ts';
import { statBlock } from '../core/statistics.ts';
import { FirstInOrder } from './first-in-order.ts';
import { ticketStaffView } from './ticket-view.ts';

const queueLimit = 100;

/** The clerk's console: the ticket at the counter, the queue it calls from, today's figures. */
export function counterSnapshot(
  config: SiteConfig,
  state: QueueState,
  counterId: number,
  now: number,
  clerkName: (userId: string) => string | null,
): Omit<CounterSnapshot, 'issuing' | 'viewAt' | 'timeZone' | 'control' | 'holder' | 'undo'> | null {
  const counter = config.counters.find((c) => c.id === counterId);
  if (!counter) return null;
  const s = state.counters.get(counterId);
  const current = s?.currentTicketId ? (state.tickets.get(s.currentTicketId) ?? null) : null;
  // Roughly the order "next" will take: sent here first, then priority, then queue order.
  // Only the first `queueLimit` are shown: they are picked in one pass over the waiting tickets
  // (this runs for every signed-in counter after every change, with thousands waiting late in
  // the day), not by sorting all of them.
  const rank = (t: Ticket) => (t.targetCounterId === counterId ? 0 : isPriorityClass(config, t, now) ? 1 : 2);
  const shown = new FirstInOrder<{ t: Ticket; rank: number }>(queueLimit, (a, b) => a.rank - b.rank || queueOrder(a.t, b.t));
  let waitingCount = 0;
  for (const id of state.waiting) {
    const t = state.tickets.get(id);
    if (!t || !counterMayCall(counter, t)) continue;
    waitingCount++;
    shown.offer({ t, rank: rank(t) });
  }
  const parked: Ticket[] = [];
  for (const id of state.parked) {
    const t = state.tickets.get(id);
    if (t && t.counterId === counterId) parked.push(t);
  }
  return {
    serverTime: now,
    counter: {
      id: counter.id,
      name: counter.name,
      status: s?.status ?? 'closed',
      pauseReason: s?.pauseReason ?? null,
      clerkName: s?.clerkId ? clerkName(s.clerkId) : null,
      serviceIds: counter.services.map((x) => x.serviceId),
    },
    current: current ? ticketStaffView(current) : null,
    queue: shown.items().map((x) => ticketStaffView(x.t)),
    waitingCount,
    parked: parked.map(ticketStaffView),
    today: counterFigures(state, counterId, config.centre.targetWaitMinutes),
    services: config.services.filter((x) => x.enabled).map((x) => ({ id: x.id, code: x.code, name: x.name })),
    counters: config.counters.map((c) => ({ id: c.id, name: c.name })),
    maxRecalls: config.centre.maxRecalls,
  };
}

const figuresCache = new WeakMap<QueueState, Map<number, { version: number; target: number; block: StatBlock }>>();

/** Today's figures for a counter, recomputed only when one of its tickets changed. */
function counterFigures(state: QueueState, counterId: number, targetWaitMinutes: number): StatBlock {
  let cache = figuresCache.get(state);
  if (!cache) figuresCache.set(state, (cache = new Map()));
  const version = state.counterVersions.get(counterId) ?? 0;
  const hit = cache.get(counterId);
  if (hit && hit.version === version && hit.target === targetWaitMinutes) return hit.block;
  const block = statBlock(ticketsOfCounter(state, counterId), targetWaitMinutes);
  cache.set(counterId, { version, target: targetWaitMinutes, block });
  return block;
}
