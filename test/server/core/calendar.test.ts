import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SiteConfigSchema } from '../../../protocol/site-config.ts';
import { calendarDay, unconfirmedYears } from '../../../server/core/centre-calendar.ts';
import { addDays, weekdayOf } from '../../../server/core/local-time.ts';
import { julianDay, lunarToSolar, solarDate, tetDay } from '../../../server/core/lunar-calendar.ts';
import { issueWindow } from '../../../server/core/opening-hours.ts';
import { proposedDays, statutoryDays } from '../../../server/core/public-holidays.ts';
import { siteConfig } from '../../support/site-fixture.ts';

/**
 * Mùng 1 Tết in Viet Nam, 1990–2050 (day/month), as published in Hồ Ngọc Đức's tables of the
 * Vietnamese calendar ("Lịch Việt Nam", 1800–2199) and in the list of Tết dates of the
 * Vietnamese Wikipedia article "Tết Nguyên Đán". The Chinese New Year falls on the same day
 * except in 2007 (18/2) and 2030 (3/2), when the new moon is before midnight at UTC+7 but after
 * it at UTC+8.
 */
const knownTet: Record<number, string> = {
  1990: '27/1',
  1991: '15/2',
  1992: '4/2',
  1993: '23/1',
  1994: '10/2',
  1995: '31/1',
  1996: '19/2',
  1997: '7/2',
  1998: '28/1',
  1999: '16/2',
  2000: '5/2',
  2001: '24/1',
  2002: '12/2',
  2003: '1/2',
  2004: '22/1',
  2005: '9/2',
  2006: '29/1',
  2007: '17/2',
  2008: '7/2',
  2009: '26/1',
  2010: '14/2',
  2011: '3/2',
  2012: '23/1',
  2013: '10/2',
  2014: '31/1',
  2015: '19/2',
  2016: '8/2',
  2017: '28/1',
  2018: '16/2',
  2019: '5/2',
  2020: '25/1',
  2021: '12/2',
  2022: '1/2',
  2023: '22/1',
  2024: '10/2',
  2025: '29/1',
  2026: '17/2',
  2027: '6/2',
  2028: '26/1',
  2029: '13/2',
  2030: '2/2',
  2031: '23/1',
  2032: '11/2',
  2033: '31/1',
  2034: '19/2',
  2035: '8/2',
  2036: '28/1',
  2037: '15/2',
  2038: '4/2',
  2039: '24/1',
  2040: '12/2',
  2041: '1/2',
  2042: '22/1',
  2043: '10/2',
  2044: '30/1',
  2045: '17/2',
  2046: '6/2',
  2047: '26/1',
  2048: '14/2',
  2049: '2/2',
  2050: '23/1',
};
const chineseDiffers: Record<number, string> = { 2007: '18/2', 2030: '3/2' };

const dm = (d: { day: number; month: number }) => `${d.day}/${d.month}`;
const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the Vietnamese lunar calendar', () => {
  it.each(years(1990, 2050))('puts Tết %i on the published day', (year) => {
    expect(dm(tetDay(year))).toBe(knownTet[year]);
    expect(tetDay(year).year).toBe(year);
  });

  it('differs from the Chinese calendar (UTC+8) exactly in 2007 and 2030 between 1990 and 2050', () => {
    const differing = years(1990, 2050).filter((y) => dm(tetDay(y, 8)) !== dm(tetDay(y)));
    expect(differing).toEqual([2007, 2030]);
    for (const y of differing) expect(dm(tetDay(y, 8))).toBe(chineseDiffers[y]);
  });

  it('makes every lunar year 12 or 13 months long, 1900–2199', () => {
    for (const year of years(1900, 2198)) {
      const length = julianDay(...ymd(tetDay(year + 1))) - julianDay(...ymd(tetDay(year)));
      expect([353, 354, 355, 383, 384, 385]).toContain(length);
    }
  });

  it('puts Giỗ Tổ Hùng Vương (10/3 âm lịch) on the days it was kept, leap months included', () => {
    expect(iso(lunarToSolar(10, 3, 2020))).toBe('2020-04-02'); // leap 4th month that year
    expect(iso(lunarToSolar(10, 3, 2023))).toBe('2023-04-29'); // leap 2nd month: the regular 3rd month counts
    expect(iso(lunarToSolar(10, 3, 2024))).toBe('2024-04-18');
    expect(iso(lunarToSolar(10, 3, 2025))).toBe('2025-04-07');
    expect(iso(lunarToSolar(10, 3, 2026))).toBe('2026-04-26');
  });

  it('converts Julian day numbers both ways', () => {
    expect(julianDay(2000, 1, 1)).toBe(2451545);
    for (const jd of [2299160, 2299161, 2451545, 2488070]) expect(julianDay(...ymd(solarDate(jd)))).toBe(jd);
  });
});

describe('statutory days off', () => {
  it.each(years(1990, 2150))('has the eight fixed days of %i, in date order, on distinct days', (year) => {
    const days = statutoryDays(year);
    expect(days.map((d) => d.holiday).sort()).toEqual(
      ['hung_kings', 'labour_day', 'national_day', 'new_year', 'reunification', 'tet', 'tet', 'tet'].sort(),
    );
    expect(new Set(days.map((d) => d.day)).size).toBe(8);
    expect([...days].map((d) => d.day).sort()).toEqual(days.map((d) => d.day));
    expect(days.every((d) => d.day.startsWith(`${year}-`))).toBe(true);
    const tet = days.filter((d) => d.holiday === 'tet').map((d) => d.day);
    expect(tet).toEqual([tet[0], addDays(tet[0]!, 1), addDays(tet[0]!, 2)]);
    expect(tet[0]! >= `${year}-01-21` && tet[0]! <= `${year}-02-20`).toBe(true);
  });

  it('proposes what the government announced for 2026', () => {
    expect(proposedDays(2026)).toEqual([
      { day: '2026-02-16', holiday: 'tet', reason: 'tet' },
      { day: '2026-02-20', holiday: 'tet', reason: 'tet' },
      { day: '2026-04-27', holiday: 'hung_kings', reason: 'compensatory' },
      { day: '2026-09-01', holiday: 'national_day', reason: 'national_day' },
    ]);
  });

  it('proposes compensatory days for 2027, when Tết and 1/5 fall on weekends', () => {
    expect(proposedDays(2027).map((d) => `${d.day} ${d.reason}`)).toEqual([
      '2027-02-05 tet',
      '2027-02-09 tet',
      '2027-02-10 compensatory',
      '2027-02-11 compensatory',
      '2027-05-03 compensatory',
      '2027-09-03 national_day',
    ]);
  });

  it.each(years(2000, 2100))('proposes in %i days not already off, and weekdays in lieu of each holiday on a weekend', (year) => {
    const fixed = new Set(statutoryDays(year).map((d) => d.day));
    const proposed = proposedDays(year);
    expect(new Set(proposed.map((d) => d.day)).size).toBe(proposed.length);
    for (const d of proposed) {
      // Tết's five days run on whatever weekdays they fall; the days in lieu and beside 2/9 are working days.
      if (d.reason !== 'tet') expect([0, 6]).not.toContain(weekdayOf(d.day));
      expect(fixed.has(d.day)).toBe(false);
    }
    const offDays = [...statutoryDays(year), ...proposed.filter((p) => p.reason !== 'compensatory')];
    const onWeekends = offDays.filter((d) => [0, 6].includes(weekdayOf(d.day))).length;
    expect(proposed.filter((p) => p.reason === 'compensatory')).toHaveLength(onWeekends);
  });
});

describe('the centre calendar', () => {
  const sample = v.parse(SiteConfigSchema, JSON.parse(readFileSync(join(import.meta.dirname, '../../../data/site.json'), 'utf8')));
  const civil = sample.services[0]!;
  const closedWorkdays = (year: number) =>
    years(0, 364)
      .map((i) => addDays(`${year}-01-01`, i))
      .filter((day) => weekdayOf(day) !== 0 && issueWindow(sample.centre, civil, day) === null);

  it('closes the sample centre on every day off the government announced for 2026, and no other', () => {
    expect(closedWorkdays(2026)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-02-14',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-08-29',
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
    ]);
  });

  it('opens make-up Saturdays with the hours of the weekday they stand for', () => {
    expect(calendarDay(sample.centre, '2026-01-10')).toMatchObject({ kind: 'working', weekday: 'fri' });
    expect(issueWindow(sample.centre, civil, '2026-01-10')).toEqual({ opens: 7 * 60, cutoff: 16 * 60 + 30 });
    expect(issueWindow(sample.centre, civil, '2026-01-17')).toEqual({ opens: 7 * 60, cutoff: 11 * 60 });
  });

  it('keeps 2027’s statutory days off without any entry, and the compensatory day entered for 1/5', () => {
    expect(closedWorkdays(2027)).toEqual([
      '2027-01-01',
      '2027-02-06',
      '2027-02-08',
      '2027-04-16',
      '2027-04-30',
      '2027-05-01',
      '2027-05-03',
      '2027-09-02',
    ]);
  });

  it('names a day off by its holiday, else by the name entered, else not at all', () => {
    const centre = siteConfig({ holidays: ['2026-11-24'] }).centre;
    expect(calendarDay(sample.centre, '2026-02-17')).toEqual({ kind: 'day_off', name: { holiday: 'tet', name: null } });
    expect(calendarDay(sample.centre, '2026-02-20')).toEqual({
      kind: 'day_off',
      name: { holiday: null, name: { vi: 'Nghỉ Tết Nguyên đán Bính Ngọ', en: 'Lunar New Year holiday' } },
    });
    expect(calendarDay(centre, '2026-11-24')).toEqual({ kind: 'day_off', name: { holiday: null, name: null } });
    expect(calendarDay(centre, '2031-01-01')).toEqual({ kind: 'day_off', name: { holiday: 'new_year', name: null } });
  });

  it('opens on holidays only when told to ignore them (demo mode)', () => {
    const centre = siteConfig({ nationalHolidays: false }).centre;
    expect(calendarDay(centre, '2026-02-17')).toEqual({ kind: 'working', weekday: 'tue', makeUp: null });
  });

  it('lists the years of the next 60 days that nobody confirmed', () => {
    expect(unconfirmedYears(sample.centre, '2026-10-01')).toEqual([]);
    expect(unconfirmedYears(sample.centre, '2026-11-15')).toEqual([2027]);
    expect(unconfirmedYears(sample.centre, '2027-12-01')).toEqual([2027, 2028]);
  });
});

function ymd(d: { year: number; month: number; day: number }): [number, number, number] {
  return [d.year, d.month, d.day];
}
