import type { SeededRandom } from './seeded-random.ts';

/** Typical minutes at the counter per service of the sample centre; others use the default. */
const MEAN_MINUTES: Readonly<Record<string, number>> = {
  'civil-status': 6,
  certification: 4,
  land: 14,
  construction: 12,
  business: 10,
  social: 8,
  general: 7,
};
const DEFAULT_MEAN_MINUTES = 8;
/** Spread of the log-normal: most visits near the mean, a long tail of complicated files. */
const SIGMA = 0.5;

/** Mean service minutes of a service. */
export function meanServiceMinutes(serviceId: string): number {
  return MEAN_MINUTES[serviceId] ?? DEFAULT_MEAN_MINUTES;
}

/** Minutes one citizen spends at the counter: log-normal around the service's mean, at least one minute. */
export function drawServiceMinutes(random: SeededRandom, serviceId: string): number {
  return Math.max(1, random.logNormal(meanServiceMinutes(serviceId), SIGMA));
}
