import type { SiteConfig } from '../../protocol/site-config.ts';
import { counterMayCall, isPriorityClass, queueOrder } from './call-order.ts';
import type { Ticket } from './model.ts';
import { waitingOf, type QueueState } from './queue-state.ts';

const minSamples = 3;

/** Minutes a service's ticket takes from call to end: recent average, or the configured default before there is data. */
export function averageServiceMinutes(config: SiteConfig, state: QueueState, serviceId: string): number {
  const times = state.serviceTimes.get(serviceId) ?? [];
  if (times.length < minSamples) return config.centre.defaultServiceMinutes;
  return times.reduce((a, b) => a + b, 0) / times.length / 60_000;
}

/** Counters open now that serve the service. */
export function openCountersFor(config: SiteConfig, state: QueueState, serviceId: string): number {
  return config.counters.filter((k) => state.counters.get(k.id)?.status === 'open' && k.services.some((s) => s.serviceId === serviceId))
    .length;
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
 * Estimated minutes until called: people ahead × average service time ÷ open counters,
 * rounded up to 5 minutes. With no counter open yet it assumes one, so it errs long.
 */
export function estimateWaitMinutes(config: SiteConfig, state: QueueState, serviceId: string, ahead: number): number {
  if (ahead === 0) return 0;
  const counters = Math.max(1, openCountersFor(config, state, serviceId));
  const minutes = (ahead * averageServiceMinutes(config, state, serviceId)) / counters;
  return Math.max(5, Math.ceil(minutes / 5) * 5);
}
