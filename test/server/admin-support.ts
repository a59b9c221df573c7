import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { simulateDay, type SimulatedDay } from '../../bench/day-simulation.ts';
import { SiteConfigSchema, type SiteConfig } from '../../protocol/site-config.ts';
import { systemClock } from '../../server/clock.ts';
import { FileQueueStore } from '../../server/store/queue-store.ts';

/** The sample centre the test server boots with (`data/site.json`). */
export function sampleSite(): SiteConfig {
  return v.parse(SiteConfigSchema, JSON.parse(readFileSync(join(import.meta.dirname, '../../data/site.json'), 'utf8')));
}

/** Writes a simulated past day's journal into a data directory, as the server would have. */
export async function writePastDay(dataDir: string, day: string, tickets: number, seed = 7): Promise<SimulatedDay> {
  const simulated = simulateDay(sampleSite(), day, { tickets, seed });
  const store = new FileQueueStore(dataDir, systemClock);
  await store.openDay(day);
  await store.append(simulated.events);
  await store.close();
  return simulated;
}
