/**
 * The centre's calendar: which local days it works, on whose hours, and what a day off is
 * called. The statutory holidays close the centre on their own; the government's yearly
 * schedule (the rest of Tết, swapped days, make-up Saturdays) comes from the site config.
 */
import type { CalendarYear, CentreConfig, WeekdayKey } from '../../protocol/site-config.ts';
import type { DayOffName, HolidayKey, Translated } from '../../protocol/views.ts';
import { addDays, weekdayOf } from './local-time.ts';
import { statutoryDays } from './public-holidays.ts';

export const weekdayKeys: readonly WeekdayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export type { DayOffName };

/** One local day of the centre. */
export type CalendarDay =
  /** Works with the hours of `weekday` (its own, or the weekday a make-up day stands for). */
  | { kind: 'working'; weekday: WeekdayKey; makeUp: Translated | null }
  /** A holiday or announced day off. */
  | { kind: 'day_off'; name: DayOffName };

interface CalendarIndex {
  daysOff: Map<string, DayOffName>;
  workingDays: Map<string, { worksAs: WeekdayKey; name: Translated | null }>;
}

// Built once per config object: views ask about days many times a second.
const indexes = new WeakMap<CentreConfig, CalendarIndex>();

function indexOf(centre: CentreConfig): CalendarIndex {
  let index = indexes.get(centre);
  if (!index) {
    index = { daysOff: new Map(), workingDays: new Map() };
    for (const day of centre.holidays) index.daysOff.set(day, { holiday: null, name: null });
    for (const year of centre.calendar) {
      for (const d of year.daysOff) index.daysOff.set(d.day, { holiday: null, name: d.name ?? null });
      for (const d of year.workingDays) index.workingDays.set(d.day, { worksAs: d.worksAs, name: d.name ?? null });
    }
    indexes.set(centre, index);
  }
  return index;
}

/** The statutory holiday on `day`, if any (and if the centre keeps them). */
export function statutoryHoliday(centre: CentreConfig, day: string): HolidayKey | null {
  if (!centre.nationalHolidays) return null;
  return statutoryDays(Number(day.slice(0, 4))).find((d) => d.day === day)?.holiday ?? null;
}

/** Whether the centre works on `day`, and with which weekday's hours. */
export function calendarDay(centre: CentreConfig, day: string): CalendarDay {
  const index = indexOf(centre);
  const holiday = statutoryHoliday(centre, day);
  const announced = index.daysOff.get(day);
  if (holiday || announced) return { kind: 'day_off', name: { holiday, name: announced?.name ?? null } };
  const makeUp = index.workingDays.get(day);
  if (makeUp) return { kind: 'working', weekday: makeUp.worksAs, makeUp: makeUp.name };
  return { kind: 'working', weekday: weekdayKeys[weekdayOf(day)]!, makeUp: null };
}

/** The centre's entry for `year`, if an admin made one. */
export function calendarYear(centre: CentreConfig, year: number): CalendarYear | null {
  return centre.calendar.find((y) => y.year === year) ?? null;
}

/**
 * Years between `today` and `days` days later whose schedule nobody has confirmed, earliest
 * first: the admin dashboard warns about them before the kiosk works from guesses.
 */
export function unconfirmedYears(centre: CentreConfig, today: string, days = 60): number[] {
  const first = Number(today.slice(0, 4));
  const last = Number(addDays(today, days).slice(0, 4));
  const years: number[] = [];
  for (let y = first; y <= last; y++) if (!calendarYear(centre, y)?.confirmed) years.push(y);
  return years;
}
