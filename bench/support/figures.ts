import { percentile } from '../../server/core/statistics.ts';

/** Nearest-rank percentile of timings (the core's definition), 0 when there are none. */
export function percentileMs(values: readonly number[], p: number): number {
  return percentile(values, p) ?? 0;
}

/** Milliseconds to two decimals, for printing. */
export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}
