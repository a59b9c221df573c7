import type { SiteConfig } from '../../protocol/site-config.ts';
import { counterMayCall } from '../core/call-order.ts';
import type { QueueState } from '../core/queue-state.ts';

/**
 * How many waiting tickets each of `counters` may call, the figure a call button's display shows
 * between presses. One pass over the waiting tickets whatever the number of counters.
 */
export function waitingCounts(config: SiteConfig, state: QueueState, counters: readonly number[]): Map<number, number> {
  const configs = counters.flatMap((id) => config.counters.filter((c) => c.id === id));
  const counts = new Map<number, number>(counters.map((id) => [id, 0]));
  for (const id of state.waiting) {
    const t = state.tickets.get(id);
    if (!t) continue;
    for (const c of configs) if (counterMayCall(c, t)) counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
  }
  return counts;
}

/** The `$D` text for a waiting count: "CHO 12" (chờ, without marks: the display is ASCII). */
export function waitingText(count: number): string {
  return `CHO ${count}`;
}
