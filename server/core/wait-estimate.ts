import type { CounterConfig, SiteConfig } from '../../protocol/site-config.ts';
import type { WaitEstimate } from '../../protocol/views.ts';
import { counterMayCall, isPriorityClass, queueOrder } from './call-order.ts';
import type { Ticket } from './model.ts';
import { afterWorkingMinutes, nextServiceStart } from './opening-hours.ts';
import { waitingOf, type QueueState } from './queue-state.ts';

export type { WaitEstimate };

/**
 * Recent service times a service needs before they are trusted over its configured time: a
 * few quick visits early in the morning say little about the land-registry queue at ten.
 */
export const minServiceSamples = 10;

/** Minutes a service's ticket takes from call to end: the recent mean once there are enough, else the configured time. */
export function serviceMinutes(config: SiteConfig, state: QueueState, serviceId: string): number {
  const times = state.serviceTimes.get(serviceId) ?? [];
  if (times.length < minServiceSamples) {
    return config.services.find((s) => s.id === serviceId)?.serviceMinutes ?? config.centre.defaultServiceMinutes;
  }
  return times.reduce((a, b) => a + b, 0) / times.length / 60_000;
}

/**
 * Waiting tickets that will be called before `t`. Errs on the long side: every priority
 * ticket of the service counts as ahead of a normal one, whatever the ratio rule would do.
 */
export function peopleAhead(config: SiteConfig, state: QueueState, t: Ticket, now: number): number {
  if (t.status !== 'waiting') return 0;
  const mine = isPriorityClass(config, t, now);
  let ahead = 0;
  // A ticket sent to one counter competes with that counter's whole queue; otherwise only its service's.
  for (const id of t.targetCounterId === null ? waitingOf(state, t.serviceId) : state.waiting) {
    const o = state.tickets.get(id);
    if (!o || o.id === t.id || !sameQueue(config, o, t)) continue;
    const theirs = isPriorityClass(config, o, now);
    if ((theirs && !mine) || (theirs === mine && queueOrder(o, t) < 0)) ahead++;
  }
  return ahead;
}

function sameQueue(config: SiteConfig, o: Ticket, t: Ticket): boolean {
  if (t.targetCounterId !== null) {
    const counter = config.counters.find((k) => k.id === t.targetCounterId);
    return o.targetCounterId === t.targetCounterId || (!!counter && counterMayCall(counter, o));
  }
  return o.serviceId === t.serviceId;
}

/**
 * How much of a counter's time goes to one service: all of it when it serves only that one.
 * Otherwise what its calls today show, blended with what its setup says before it has made
 * many: its weight's share (mode `weight`), or a share in proportion to the work waiting in
 * each service (mode `order`). `ahead` counts the tickets of this service in front.
 */
function counterShare(config: SiteConfig, state: QueueState, counter: CounterConfig, serviceId: string, ahead: number): number {
  if (counter.services.length === 1) return 1;
  const calls = state.counters.get(counter.id)?.callsByService ?? {};
  // Calls weighed by how long each service takes: a counter's time, not its call count, is shared.
  const time = (id: string, n: number) => n * serviceMinutes(config, state, id);
  const spent = counter.services.reduce((sum, s) => sum + time(s.serviceId, calls[s.serviceId] ?? 0), 0);
  const prior = priorCalls * serviceMinutes(config, state, serviceId);
  return (time(serviceId, calls[serviceId] ?? 0) + prior * setupShare(config, state, counter, serviceId, ahead)) / (spent + prior);
}

/** How many calls the setup's share counts for against a counter's calls today. */
const priorCalls = 6;

function setupShare(config: SiteConfig, state: QueueState, counter: CounterConfig, serviceId: string, ahead: number): number {
  const waiting = (id: string) => (id === serviceId ? ahead + 1 : waitingOf(state, id).size);
  const busy = counter.services.filter((s) => waiting(s.serviceId) > 0);
  if (counter.mode === 'weight') {
    // Weights share the calls; the counter's time goes by calls times their length.
    const time = (s: { serviceId: string; weight: number }) => s.weight * serviceMinutes(config, state, s.serviceId);
    const mine = counter.services.find((s) => s.serviceId === serviceId);
    return mine ? time(mine) / busy.reduce((sum, s) => sum + time(s), 0) : 0;
  }
  // In calling order, a service gets the counter only while the ones before it have nobody waiting.
  return busy[0]?.serviceId === serviceId ? 1 : orderedLeftover;
}

/** What a later service of an `order` counter gets while an earlier one has people waiting. */
const orderedLeftover = 0.1;

/** The counters expected to call a service's tickets: those staffed now, else (before opening, over lunch) those that worked today, else all that serve it. */
function expectedCounters(config: SiteConfig, state: QueueState, serviceId: string, inSession: boolean): CounterConfig[] {
  const serving = config.counters.filter((c) => c.services.some((s) => s.serviceId === serviceId));
  const staffed = serving.filter((c) => ['open', 'paused'].includes(state.counters.get(c.id)?.status ?? 'closed'));
  if (staffed.length > 0 || inSession) return staffed;
  const workedToday = serving.filter((c) => state.counters.has(c.id));
  return workedToday.length > 0 ? workedToday : serving;
}

/**
 * How far the range reaches either side of the queue's expected length. Real waits run late
 * more than early (a long dossier, a clerk's break, a no-show recalled, priority arrivals), so
 * the later side is wider, plus half a service time for the visit being served. Checked by
 * `npm run bench` (share called within the range, on seeds other than the one it was tuned on).
 */
const earlier = 0.35;
const later = 0.5;
const roundTo = 5;

/**
 * When a ticket with `ahead` people before it should be called: a range, never one false
 * figure. While no counter serves the service yet (before opening, over lunch) it says when
 * service starts and counts from then; during a session with nobody at a counter for it, it
 * says nothing rather than guess.
 */
export function estimateWait(config: SiteConfig, state: QueueState, serviceId: string, ahead: number, now: number): WaitEstimate {
  const service = config.services.find((s) => s.id === serviceId);
  const start = service ? nextServiceStart(config.centre, service, now) : null;
  if (start === null) return { kind: 'unknown' };
  const inSession = start === now;
  const counters = expectedCounters(config, state, serviceId, inSession);
  const capacity = counters.reduce((sum, c) => sum + counterShare(config, state, c, serviceId, ahead), 0);
  if (capacity === 0) return { kind: 'unknown' };
  // Counters start a session free; during one, a counter is free when open with nobody at it.
  const free =
    !inSession || counters.some((c) => state.counters.get(c.id)?.status === 'open' && !state.counters.get(c.id)?.currentTicketId);
  if (ahead === 0 && free && inSession) return { kind: 'soon' };
  const minutes = serviceMinutes(config, state, serviceId);
  // With every counter busy, the first one frees up after a fraction of a service time.
  const queue = (free ? 0 : minutes / (counters.length + 1)) + (ahead * minutes) / capacity;
  // The time until service starts, lunch and closed days are known; only the queue's length is uncertain.
  const after = (work: number) => {
    const at = afterWorkingMinutes(config.centre, service!, now, Math.max(0, work));
    return at === null ? Infinity : (at - now) / 60_000;
  };
  const fromMinutes = Math.floor(after(queue * (1 - earlier)) / roundTo) * roundTo;
  const toMinutes = Math.max(fromMinutes + roundTo, Math.ceil(after(queue * (1 + later) + minutes / 2) / roundTo) * roundTo);
  if (!Number.isFinite(toMinutes)) return { kind: 'unknown' };
  return { kind: 'range', estimatedAt: now, fromMinutes, toMinutes, startsAt: inSession ? null : start };
}
