import type { DayNotice } from '../../protocol/health.ts';
import { localDay } from '../core/local-time.ts';
import type { QueueStore } from '../store/queue-store.ts';

/**
 * Why the server must continue the newest day that has a journal instead of opening the clock's
 * day, or null when the clock's day is right: opening it would hand out that day's numbers a
 * second time when the clock is behind the newest journal, or when the newest journal stayed
 * open across a clock correction and already holds tickets stamped on the clock's day (a box
 * that booted with yesterday's date and was corrected, then restarted the same day).
 */
export async function dayToOpen(store: Pick<QueueStore, 'listDays' | 'readDay'>, now: number, timeZone: string): Promise<DayNotice | null> {
  const clockDay = localDay(now, timeZone);
  const newest = (await store.listDays().catch(() => [] as string[])).at(-1);
  if (newest === undefined || newest === clockDay) return null;
  if (newest > clockDay) return { kind: 'clock_behind_journal', clockDay, openDay: newest, at: now };
  const last = (await store.readDay(newest).catch(() => [])).at(-1);
  if (last && localDay(last.at, timeZone) >= clockDay) return { kind: 'day_outlasted_its_date', clockDay, openDay: newest, at: now };
  return null;
}
