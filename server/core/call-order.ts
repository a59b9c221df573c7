import type { CounterConfig, SiteConfig } from '../../protocol/site-config.ts';
import type { CounterState, Ticket } from './model.ts';
import type { QueueState } from './queue-state.ts';

/** Whether this counter may call the ticket: transferred or resumed tickets go to their counter only. */
export function counterMayCall(counter: CounterConfig, t: Ticket): boolean {
  if (t.targetCounterId !== null) return t.targetCounterId === counter.id;
  return counter.services.some((s) => s.serviceId === t.serviceId);
}

/**
 * A normal ticket that has waited `agingMinutes` is called like a priority one, so none waits for ever.
 * The wait is measured on wall-clock stamps, the only time a ticket carries across restarts. A
 * clock step shifts it for tickets issued before the step (by the step's size, until the end of
 * their wait), which can make them age early or late; it never reorders a class, since the order
 * within one is journal order ({@link queueOrder}), and ageing only lifts a ticket, never drops it.
 */
export function isPriorityClass(config: SiteConfig, t: Ticket, now: number): boolean {
  if (t.priorityGroup !== null) return true;
  const aging = config.centre.agingMinutes;
  return aging > 0 && now - t.queuedAt >= aging * 60_000;
}

/** Queue order within one class of one service: journal order, whatever the wall clock said (issue 12). */
export function queueOrder(a: Ticket, b: Ticket): number {
  return a.queuedSeq - b.queuedSeq;
}

/**
 * The ticket a counter's "next" calls, or null when nothing waits for it.
 * 1. Class: priority tickets (and aged normal ones) first under `strict`; under `ratio`,
 *    N priority calls then one normal, as long as both kinds wait.
 * 2. Service: the first of the counter's services (mode `order`) with a ticket of that class,
 *    or the one furthest behind its weight (mode `weight`).
 * 3. Within the service: queue order. Tickets sent to this counter come before step 2.
 */
export function chooseNext(config: SiteConfig, state: QueueState, counter: CounterConfig, now: number): Ticket | null {
  const eligible: Ticket[] = [];
  for (const id of state.waiting) {
    const t = state.tickets.get(id);
    if (t && counterMayCall(counter, t)) eligible.push(t);
  }
  if (eligible.length === 0) return null;
  const priority = eligible.filter((t) => isPriorityClass(config, t, now));
  const normal = eligible.filter((t) => !isPriorityClass(config, t, now));
  const pool = pickClass(config, state.counters.get(counter.id), priority, normal);
  // A ticket sent to this very counter (transfer, resume) goes before the counter's general queues.
  const targeted = pool.filter((t) => t.targetCounterId === counter.id);
  if (targeted.length > 0) return targeted.sort(queueOrder)[0]!;
  const serviceId = pickService(counter, state.counters.get(counter.id), pool);
  return pool.filter((t) => t.serviceId === serviceId).sort(queueOrder)[0] ?? null;
}

function pickClass(config: SiteConfig, c: CounterState | undefined, priority: Ticket[], normal: Ticket[]): Ticket[] {
  if (priority.length === 0) return normal;
  if (normal.length === 0) return priority;
  const rule = config.centre.priorityRule;
  if (rule.kind === 'strict') return priority;
  return (c?.priorityStreak ?? 0) < rule.priorityCalls ? priority : normal;
}

function pickService(counter: CounterConfig, c: CounterState | undefined, pool: Ticket[]): string | null {
  const waitingIn = new Set(pool.map((t) => t.serviceId));
  const candidates = counter.services.filter((s) => waitingIn.has(s.serviceId));
  if (counter.mode === 'order') return candidates[0]?.serviceId ?? null;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const s of candidates) {
    // Smooth weighted round robin: the service furthest behind its share goes next.
    const score = ((c?.callsByService[s.serviceId] ?? 0) + 1) / s.weight;
    if (score < bestScore) {
      best = s.serviceId;
      bestScore = score;
    }
  }
  return best;
}
