import type { WaitEstimate } from '../../protocol/views.ts';

/** A ticket's estimate as the kiosk showed it at issue, and the wait it really had (issue to first call). */
export interface WaitSample {
  wait: WaitEstimate;
  /** Minutes from issue to first call; null when it was never called. */
  realMinutes: number | null;
}

/** How well the estimates shown at issue matched the day's real waits. */
export interface WaitAccuracy {
  /** Called tickets that were shown an estimate ("soon" or a range). */
  estimated: number;
  /** Tickets shown "no estimate" (nobody at a counter for the service). */
  unknown: number;
  /** Share of `estimated` called within the range they were shown ("soon" counts as 0–5 minutes). */
  withinRange: number | null;
  /** Median of |real wait − middle of the range|, in minutes. */
  medianAbsErrorMinutes: number | null;
  /** Share called later than the range: the estimate that misleads most. */
  lateShare: number | null;
  /** Within-range share by what was shown: "soon", a range during service, a range from a later start. */
  byKind: Record<'soon' | 'range' | 'from_start', { estimated: number; withinRange: number | null }>;
}

type Kind = keyof WaitAccuracy['byKind'];

/** "Soon" promises a call within this many minutes. */
const soonMinutes = 5;

/** Compares each called ticket's real wait with what it was shown. */
export function waitAccuracy(samples: readonly WaitSample[]): WaitAccuracy {
  let within = 0;
  let late = 0;
  let unknown = 0;
  const errors: number[] = [];
  const kinds: Record<Kind, [number, number]> = { soon: [0, 0], range: [0, 0], from_start: [0, 0] };
  for (const s of samples) {
    if (s.realMinutes === null) continue;
    if (s.wait.kind === 'unknown') {
      unknown++;
      continue;
    }
    const [from, to] = s.wait.kind === 'soon' ? [0, soonMinutes] : [s.wait.fromMinutes, s.wait.toMinutes];
    const kind: Kind = s.wait.kind === 'soon' ? 'soon' : s.wait.startsAt === null ? 'range' : 'from_start';
    const hit = s.realMinutes >= from && s.realMinutes <= to;
    kinds[kind][0]++;
    if (hit) {
      within++;
      kinds[kind][1]++;
    }
    if (s.realMinutes > to) late++;
    errors.push(Math.abs(s.realMinutes - (from + to) / 2));
  }
  const n = errors.length;
  return {
    estimated: n,
    unknown,
    withinRange: n ? within / n : null,
    medianAbsErrorMinutes: n ? median(errors) : null,
    lateShare: n ? late / n : null,
    byKind: Object.fromEntries(
      Object.entries(kinds).map(([k, [count, hits]]) => [k, { estimated: count, withinRange: count ? hits / count : null }]),
    ) as WaitAccuracy['byKind'],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
