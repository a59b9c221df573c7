/**
 * Viet Nam's public holidays (Labour Code 2019, art. 112), computed for any year. Some days are
 * fixed by law and always off; the rest of the schedule (which two more days of Tết, which day
 * beside 2/9, the compensatory days of art. 111(3), swapped days and make-up Saturdays) is
 * announced by the government each year, so the rules here only propose it for an admin to confirm.
 */
import type { HolidayKey } from '../../protocol/views.ts';
import { addDays, weekdayOf } from './local-time.ts';
import { lunarToSolar, type SolarDate } from './lunar-calendar.ts';

export type { HolidayKey };

/** A day off that the law fixes: no announcement can move it. */
export interface StatutoryDay {
  day: string;
  holiday: HolidayKey;
}

/** Why a day is proposed: the rest of Tết's five days, the day beside 2/9, or in lieu of a holiday on a weekend. */
export type ProposalReason = 'tet' | 'national_day' | 'compensatory';

/** A day the rules expect to be off, until an admin enters the government's actual schedule. */
export interface ProposedDay {
  day: string;
  holiday: HolidayKey;
  reason: ProposalReason;
}

function iso(d: SolarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const statutoryCache = new Map<number, readonly StatutoryDay[]>();

/** The days of `year` that are always off: 1/1, mùng 1–3 Tết, Giỗ Tổ (10/3 âm lịch), 30/4, 1/5, 2/9. In date order. */
export function statutoryDays(year: number): readonly StatutoryDay[] {
  let days = statutoryCache.get(year);
  if (!days) {
    const tet = iso(lunarToSolar(1, 1, year));
    days = [
      { day: `${year}-01-01`, holiday: 'new_year' as const },
      ...[0, 1, 2].map((i) => ({ day: addDays(tet, i), holiday: 'tet' as const })),
      { day: iso(lunarToSolar(10, 3, year)), holiday: 'hung_kings' as const },
      { day: `${year}-04-30`, holiday: 'reunification' as const },
      { day: `${year}-05-01`, holiday: 'labour_day' as const },
      { day: `${year}-09-02`, holiday: 'national_day' as const },
    ].sort((a, b) => a.day.localeCompare(b.day));
    statutoryCache.set(year, days);
  }
  return days;
}

const isWeekend = (day: string): boolean => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

/**
 * What the rules expect the government to add for `year`, in date order: the last day of the
 * lunar year and mùng 4 (Tết is five days), the day beside 2/9 that joins the break to a weekend,
 * and for every holiday that falls on a Saturday or Sunday the next working day.
 */
export function proposedDays(year: number): ProposedDay[] {
  const tet = iso(lunarToSolar(1, 1, year));
  const ninth = `${year}-09-02`;
  // 2/9 on a Monday, Thursday or Sunday joins a weekend through 3/9; otherwise through 1/9.
  const besideNational = [0, 1, 4].includes(weekdayOf(ninth)) ? `${year}-09-03` : `${year}-09-01`;
  const holidays: ProposedDay[] = [
    { day: addDays(tet, -1), holiday: 'tet', reason: 'tet' },
    { day: addDays(tet, 3), holiday: 'tet', reason: 'tet' },
    { day: besideNational, holiday: 'national_day', reason: 'national_day' },
  ];
  const all = [...statutoryDays(year), ...holidays].sort((a, b) => a.day.localeCompare(b.day));
  const off = new Set(all.map((d) => d.day));
  const compensatory: ProposedDay[] = [];
  for (const d of all) {
    if (!isWeekend(d.day)) continue;
    let next = addDays(d.day, 1);
    while (isWeekend(next) || off.has(next)) next = addDays(next, 1);
    off.add(next);
    compensatory.push({ day: next, holiday: d.holiday, reason: 'compensatory' });
  }
  return [...holidays, ...compensatory].sort((a, b) => a.day.localeCompare(b.day));
}
