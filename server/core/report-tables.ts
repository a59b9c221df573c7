import type { ReportTables } from '../../protocol/reports.ts';
import type { SatisfactionBlock } from '../../protocol/views.ts';
import { localMoment, type LocalMoment } from './local-time.ts';
import type { RatingScale, Ticket } from './model.ts';
import { mapValues, push, statBlock } from './statistics.ts';

export type { ReportTables, SatisfactionBlock };

export interface ReportOptions {
  timeZone: string;
  targetWaitMinutes: number;
  /** The centre's rating scale now: three faces or five stars (ratings are read on their own). */
  ratingScale: RatingScale;
}

/**
 * The manager's report tables over any number of days' tickets. Pure, so a test runs a whole
 * month in milliseconds; the same `statBlock` as the live dashboard keeps both in agreement.
 */
export function computeReport(tickets: Iterable<Ticket>, opts: ReportOptions): ReportTables {
  const all: Ticket[] = [];
  const byService = new Map<string, Ticket[]>();
  const byCounter = new Map<string, Ticket[]>();
  const byClerk = new Map<string, Ticket[]>();
  const byHour = new Map<string, Ticket[]>();
  const byDay = new Map<string, { issued: number; served: number }>();
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const momentOf = localMoments(opts.timeZone);
  for (const t of tickets) {
    all.push(t);
    const m = momentOf(t.issuedAt);
    push(byService, t.issuedServiceId, t);
    if (t.counterId !== null) push(byCounter, String(t.counterId), t);
    if (t.clerkId !== null) push(byClerk, t.clerkId, t);
    push(byHour, String(m.hour).padStart(2, '0'), t);
    heatmap[m.weekday]![m.hour]!++;
    const day = byDay.get(m.day) ?? { issued: 0, served: 0 };
    day.issued++;
    if (t.status === 'finished') day.served++;
    byDay.set(m.day, day);
  }
  const stats = (list: Ticket[]) => statBlock(list, opts.targetWaitMinutes);
  const rated = (list: Ticket[]) => satisfaction(list, opts.ratingScale);
  return {
    total: stats(all),
    byService: mapValues(byService, stats),
    byCounter: mapValues(byCounter, stats),
    byClerk: mapValues(byClerk, stats),
    byHour: mapValues(byHour, stats),
    heatmap,
    byDay: Object.fromEntries([...byDay].sort(([a], [b]) => a.localeCompare(b))),
    satisfaction: {
      total: rated(all),
      byService: mapValues(byService, rated),
      byCounter: mapValues(byCounter, rated),
      byClerk: mapValues(byClerk, rated),
    },
  };
}

/**
 * Ratings per level, each read on the scale it was given on (issue 14: switching the centre
 * from three faces to five stars re-read the day's "Rất hài lòng" as "Bình thường").
 * "Satisfied" is the top two levels of that scale: on three faces "Rất hài lòng" and "Hài lòng",
 * the share the national reform target is measured on; on five stars four and five. A rating
 * recorded before ratings carried their scale is read on `currentScale`, the only scale known.
 */
export function satisfaction(tickets: Iterable<Ticket>, currentScale: RatingScale): SatisfactionBlock {
  const byScale: SatisfactionBlock['byScale'] = { [currentScale]: levelCounts(currentScale) };
  let rated = 0;
  let satisfied = 0;
  for (const t of tickets) {
    if (!t.rating) continue;
    const scale = t.rating.scale ?? currentScale;
    const counts = (byScale[scale] ??= levelCounts(scale));
    rated++;
    const key = String(t.rating.level);
    counts[key] = (counts[key] ?? 0) + 1;
    if (t.rating.level >= scale - 1) satisfied++;
  }
  return { rated, satisfied, satisfiedShare: rated ? satisfied / rated : null, byScale };
}

function levelCounts(scale: RatingScale): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let level = 1; level <= scale; level++) counts[String(level)] = 0;
  return counts;
}

const quarterHour = 15 * 60_000;

/**
 * `localMoment` memoised per quarter hour: time-zone offsets are whole quarter hours, so every
 * instant of a quarter has the same local day and hour. Intl's formatter is the slowest step of
 * a 90-day report otherwise (bench/reports.ts).
 */
function localMoments(timeZone: string): (epochMs: number) => LocalMoment {
  const cache = new Map<number, LocalMoment>();
  return (epochMs) => {
    const key = Math.floor(epochMs / quarterHour);
    let m = cache.get(key);
    if (!m) {
      m = localMoment(key * quarterHour, timeZone);
      cache.set(key, m);
    }
    return m;
  };
}
