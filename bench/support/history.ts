import type { SiteConfig } from '../../protocol/site-config.ts';
import { addDays } from '../../server/core/local-time.ts';
import { systemClock } from '../../server/clock.ts';
import { FileQueueStore } from '../../server/store/queue-store.ts';
import { simulateDay } from '../day-simulation.ts';

export interface History {
  firstDay: string;
  lastDay: string;
  tickets: number;
  events: number;
}

/**
 * Writes `days` days of simulated queue history, ending on `lastDay`, into a data directory
 * through the real file store, so benchmarks read journals exactly like the server's. Seeded
 * by the day's index: the same call writes the same history.
 */
export async function writeHistory(
  dataDir: string,
  config: SiteConfig,
  plan: { days: number; ticketsPerDay: number; lastDay: string },
): Promise<History> {
  const store = new FileQueueStore(dataDir, systemClock);
  const firstDay = addDays(plan.lastDay, -(plan.days - 1));
  const history: History = { firstDay, lastDay: plan.lastDay, tickets: 0, events: 0 };
  const open = everyDayOpen(config);
  for (let d = firstDay, i = 0; d <= plan.lastDay; d = addDays(d, 1), i++) {
    const day = simulateDay(open, d, { tickets: plan.ticketsPerDay, seed: i + 1 });
    await store.openDay(d);
    await store.append(day.events);
    history.tickets += day.state.tickets.size;
    history.events += day.events.length;
  }
  await store.close();
  return history;
}

/** Every day is a working day with Monday's hours, so N days of history hold N journals. */
export function everyDayOpen(config: SiteConfig): SiteConfig {
  const mon = config.centre.hours.mon;
  const hours = Object.fromEntries(Object.keys(config.centre.hours).map((k) => [k, mon])) as SiteConfig['centre']['hours'];
  return { ...config, centre: { ...config.centre, hours } };
}
