/**
 * How true the kiosk's wait estimate is: a simulated Monday through the real server (`npm run
 * simulate`), at a ward centre (the sample: 8 counters) and at a provincial centre (60 counters,
 * 2,000+ tickets). Each ticket's estimate shown at issue is compared with the wait it really had.
 * Seeds differ from the one the estimate's range was tuned on.
 */
import { configureLogging } from '../server/log.ts';
import { runDaySimulation } from '../scripts/simulation/run-day.ts';
import type { WaitAccuracy } from '../scripts/simulation/wait-accuracy.ts';

export interface WaitEstimateFigures {
  centre: string;
  counters: number;
  tickets: number;
  issued: number;
  accuracy: WaitAccuracy;
  /** Days the server and the simulator disagreed on (lost numbers and the like); must be none. */
  problems: number;
}

/** A Monday that is a working day in the sample calendar. */
const MONDAY = '2026-03-02';

/**
 * Slow enough that the call buttons' real-time protocol (presses spaced for the repeat window)
 * does not cost the clerks simulated minutes, fast enough to run a day in minutes.
 */
const SPEED = 90;

export async function run(): Promise<WaitEstimateFigures[]> {
  configureLogging({ level: 'error' });
  const centres = [
    { centre: 'ward centre', counters: 8, tickets: 360, seed: 1 },
    { centre: 'provincial centre', counters: 60, tickets: 2100, seed: 2 },
  ];
  const figures: WaitEstimateFigures[] = [];
  for (const c of centres) {
    const { report } = await runDaySimulation({ date: MONDAY, tickets: c.tickets, counters: c.counters, speed: SPEED, seed: c.seed });
    figures.push({
      centre: c.centre,
      counters: c.counters,
      tickets: c.tickets,
      issued: report.stats.issued,
      accuracy: report.waits,
      problems: report.problems.length,
    });
  }
  return figures;
}
