import type { DayStatistics, StatBlock } from '../../protocol/views.ts';
import type { Ticket } from './model.ts';
import { localMoment } from './local-time.ts';

export type { DayStatistics, StatBlock };

export interface StatisticsOptions {
  timeZone: string;
  targetWaitMinutes: number;
}

/** Statistics from the recorded times of tickets; pure, so reports over many days reuse it. */
export function computeStatistics(tickets: Iterable<Ticket>, opts: StatisticsOptions): DayStatistics {
  const groups = {
    total: [] as Ticket[],
    byService: new Map<string, Ticket[]>(),
    byCounter: new Map<string, Ticket[]>(),
    byHour: new Map<string, Ticket[]>(),
  };
  for (const t of tickets) {
    groups.total.push(t);
    push(groups.byService, t.issuedServiceId, t);
    if (t.counterId !== null) push(groups.byCounter, String(t.counterId), t);
    push(groups.byHour, String(localMoment(t.issuedAt, opts.timeZone).hour).padStart(2, '0'), t);
  }
  const block = (list: Ticket[]) => statBlock(list, opts.targetWaitMinutes);
  return {
    total: block(groups.total),
    byService: mapValues(groups.byService, block),
    byCounter: mapValues(groups.byCounter, block),
    byHour: mapValues(groups.byHour, block),
  };
}

export function statBlock(tickets: readonly Ticket[], targetWaitMinutes: number): StatBlock {
  const waits: number[] = [];
  const services: number[] = [];
  const b = { issued: tickets.length, served: 0, noShow: 0, cancelled: 0, open: 0 };
  for (const t of tickets) {
    if (t.status === 'finished') b.served++;
    else if (t.status === 'no_show') b.noShow++;
    else if (t.status === 'cancelled') b.cancelled++;
    else b.open++;
    if (t.firstCalledAt !== null) waits.push((t.firstCalledAt - t.issuedAt) / 60_000);
    if (t.status === 'finished' && t.startedAt !== null && t.endedAt !== null) services.push((t.endedAt - t.startedAt) / 60_000);
  }
  return {
    ...b,
    avgWaitMinutes: mean(waits),
    p90WaitMinutes: percentile(waits, 0.9),
    avgServiceMinutes: mean(services),
    withinTargetShare: waits.length ? waits.filter((w) => w <= targetWaitMinutes).length / waits.length : null,
  };
}

export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Nearest-rank percentile: the smallest value with at least `p` of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** Appends a ticket to its group. */
export function push<K>(map: Map<K, Ticket[]>, key: K, t: Ticket): void {
  const list = map.get(key);
  if (list) list.push(t);
  else map.set(key, [t]);
}

/** A map's values transformed, as a plain record for JSON. */
export function mapValues<V, W>(map: Map<string, V>, f: (v: V) => W): Record<string, W> {
  return Object.fromEntries([...map].map(([k, v]) => [k, f(v)]));
}
