/**
 * Local calendar arithmetic in the centre's time zone. Times are stored as UTC epoch
 * milliseconds; days, opening hours and cut-offs are local. Pure: Intl does no I/O.
 */
export interface LocalMoment {
  /** `YYYY-MM-DD` */
  day: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
  hour: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function fields(epochMs: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return { y: out.year!, mo: out.month!, d: out.day!, h: out.hour!, mi: out.minute!, s: out.second! };
}

const lastMoment = new Map<string, { minute: number; moment: LocalMoment }>();

export function localMoment(epochMs: number, timeZone: string): LocalMoment {
  // Views ask many times a second; offsets change on whole minutes, so one result serves a minute.
  const minute = Math.floor(epochMs / 60_000);
  const cached = lastMoment.get(timeZone);
  if (cached && cached.minute === minute) return cached.moment;
  const moment = computeMoment(epochMs, timeZone);
  lastMoment.set(timeZone, { minute, moment });
  return moment;
}

function computeMoment(epochMs: number, timeZone: string): LocalMoment {
  const f = fields(epochMs, timeZone);
  const day = `${f.y}-${pad2(f.mo)}-${pad2(f.d)}`;
  return { day, weekday: weekdayOf(day), minutes: f.h * 60 + f.mi, hour: f.h };
}

export function localDay(epochMs: number, timeZone: string): string {
  return localMoment(epochMs, timeZone).day;
}

/** The UTC instant of a local wall-clock time; correct across offset changes. */
export function epochOfLocal(day: string, minutes: number, timeZone: string): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, 0, minutes);
  let guess = wall;
  // Two passes settle the offset, also on the day it changes.
  for (let i = 0; i < 2; i++) {
    const f = fields(guess, timeZone);
    const seen = Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s);
    guess += wall - seen;
  }
  return guess;
}

export function addDays(day: string, n: number): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d + n));
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

export function weekdayOf(day: string): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
}

export function parseClock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function formatClock(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
