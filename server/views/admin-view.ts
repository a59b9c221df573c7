import type { ServerHealth } from '../../protocol/health.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import type { AdminSnapshot } from '../../protocol/views.ts';
import { unconfirmedYears } from '../core/centre-calendar.ts';
import type { QueueState } from '../core/queue-state.ts';
import { satisfaction } from '../core/report-tables.ts';
import { computeStatistics } from '../core/statistics.ts';
import { displaySnapshot } from './display-view.ts';

/** The manager's live dashboard: today's figures, counters, waiting, and the server's health. */
export function adminSnapshot(config: SiteConfig, state: QueueState, now: number, health: ServerHealth): AdminSnapshot {
  // Only its counters and waiting counts are used: the boards' settings version does not matter here.
  const display = displaySnapshot(config, state, now, '');
  let oldest = now;
  for (const id of state.waiting) oldest = Math.min(oldest, state.tickets.get(id)?.queuedAt ?? now);
  return {
    day: state.day,
    serverTime: now,
    stats: computeStatistics(state.tickets.values(), {
      timeZone: config.centre.timeZone,
      targetWaitMinutes: config.centre.targetWaitMinutes,
    }),
    counters: display.counters,
    waitingByService: Object.fromEntries(display.services.map((s) => [s.id, s.waiting])),
    longestWaitMinutes: Math.floor((now - oldest) / 60_000),
    satisfaction: satisfaction(state.tickets.values(), config.centre.ratingScale),
    health,
    unconfirmedCalendarYears: unconfirmedYears(config.centre, state.day),
  };
}
