/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically after Hồ Ngọc Đức's
 * method ("Thuật toán tính âm lịch"): a month starts on the local day of a new moon, the
 * 11th month holds the winter solstice, and a year of 13 months repeats the first month that
 * holds no major solar term. Everything is evaluated in the calendar's own time zone: UTC+7 for
 * Viet Nam. The Chinese calendar applies the same rules at UTC+8, which is why the two differ in
 * some years (Tết 2007 and 2030 fall a day earlier in Viet Nam).
 *
 * Pure arithmetic on Julian day numbers; accurate for the years 1800–2199 that the method covers.
 */

/** Viet Nam's calendar zone, in hours east of UTC. */
export const VIETNAM_ZONE_HOURS = 7;

/** A Gregorian day as numbers. */
export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

const synodicMonth = 29.530588853;
/** The Julian day of the new moon numbered 0 (1900-01-01 13:52 UTC). */
const newMoonEpoch = 2415021.076998695;
const rad = Math.PI / 180;

/** Julian day number of a Gregorian date (Julian calendar before 15 October 1582). */
export function julianDay(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const jd = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
  return jd < 2299161 ? day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083 : jd;
}

/** The Gregorian date of a Julian day number. */
export function solarDate(jd: number): SolarDate {
  let b = 0;
  let c = jd + 32082;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: b * 100 + d - 4800 + Math.floor(m / 10),
  };
}

/** Julian date (fractional, UT) of the k-th new moon after the epoch; Meeus's series, abridged. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean =
    2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * rad);
  const m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * rad;
  const mp = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * rad;
  const f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * rad;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(m) +
    0.0021 * Math.sin(2 * m) -
    0.4068 * Math.sin(mp) +
    0.0161 * Math.sin(2 * mp) -
    0.0004 * Math.sin(3 * mp) +
    0.0104 * Math.sin(2 * f) -
    0.0051 * Math.sin(m + mp) -
    0.0074 * Math.sin(m - mp) +
    0.0004 * Math.sin(2 * f + m) -
    0.0004 * Math.sin(2 * f - m) -
    0.0006 * Math.sin(2 * f + mp) +
    0.001 * Math.sin(2 * f - mp) +
    0.0005 * Math.sin(2 * mp + m);
  // ΔT, the gap between dynamical and universal time, in days.
  const deltaT =
    t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** The sun's apparent longitude (radians, 0–2π) at a Julian date. */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const m = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * rad;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const dl =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(m) + (0.019993 - 0.000101 * t) * Math.sin(2 * m) + 0.00029 * Math.sin(3 * m);
  const l = (l0 + dl) * rad;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

/** The local day (Julian day number) of the k-th new moon. */
function newMoonDay(k: number, zone: number): number {
  return Math.floor(newMoon(k) + 0.5 + zone / 24);
}

/** Which of the twelve 30° sectors the sun is in at the start of a local day (9 = from the winter solstice). */
function solarTerm(dayNumber: number, zone: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - zone / 24) / Math.PI) * 6);
}

/** The first day of the 11th lunar month that starts in Gregorian `year` (the month of the winter solstice). */
function month11(year: number, zone: number): number {
  const k = Math.floor((julianDay(year, 12, 31) - 2415021) / synodicMonth);
  const start = newMoonDay(k, zone);
  return solarTerm(start, zone) >= 9 ? newMoonDay(k - 1, zone) : start;
}

/** In a 13-month year starting at `a11`, how many months after the 11th month the leap month comes. */
function leapMonthOffset(a11: number, zone: number): number {
  const k = Math.floor((a11 - newMoonEpoch) / synodicMonth + 0.5);
  let i = 1;
  let arc = solarTerm(newMoonDay(k + i, zone), zone);
  let last: number;
  do {
    last = arc;
    i++;
    arc = solarTerm(newMoonDay(k + i, zone), zone);
  } while (arc !== last && i < 14);
  return i - 1;
}

/**
 * The Gregorian date of a lunar date (day, month of lunar year `year`; the regular month, not a
 * leap month of the same number). Lunar year `year` is the one whose Tết falls in Gregorian `year`.
 */
export function lunarToSolar(day: number, month: number, year: number, zone = VIETNAM_ZONE_HOURS): SolarDate {
  const [a11, b11] = month < 11 ? [month11(year - 1, zone), month11(year, zone)] : [month11(year, zone), month11(year + 1, zone)];
  const k = Math.floor(0.5 + (a11 - newMoonEpoch) / synodicMonth);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  // A leap month before this one pushes it a month later.
  if (b11 - a11 > 365 && offset >= leapMonthOffset(a11, zone)) offset += 1;
  return solarDate(newMoonDay(k + offset, zone) + day - 1);
}

/** Mùng 1 Tết of the lunar year that starts in Gregorian `year`. */
export function tetDay(year: number, zone = VIETNAM_ZONE_HOURS): SolarDate {
  return lunarToSolar(1, 1, year, zone);
}
