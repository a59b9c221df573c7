import type { CentreConfig, ServiceConfig } from '../../protocol/site-config.ts';
import { calendarDay } from './centre-calendar.ts';
import { addDays, epochOfLocal, localMoment, parseClock } from './local-time.ts';

/** When a service hands out numbers on a given local day, in minutes since midnight. */
export interface IssueWindow {
  opens: number;
  cutoff: number;
}

/** The service's working sessions on a local day, in minutes since midnight; none on a day off. */
export function serviceSessions(centre: CentreConfig, service: ServiceConfig, day: string): Array<readonly [number, number]> {
  const calendar = calendarDay(centre, day);
  if (calendar.kind === 'day_off') return [];
  return (service.hours ?? centre.hours)[calendar.weekday].map(([from, to]) => [parseClock(from), parseClock(to)] as const);
}

/**
 * Numbers are handed out from a little before the first session (people queue before the
 * doors open) until the cut-off, lunch break included: people who arrive at 11:45 wait for 13:00.
 */
export function issueWindow(centre: CentreConfig, service: ServiceConfig, day: string): IssueWindow | null {
  const sessions = serviceSessions(centre, service, day);
  const first = sessions[0];
  const last = sessions[sessions.length - 1];
  if (!first || !last) return null;
  const opens = Math.max(0, first[0] - centre.issueOpensMinutesBefore);
  const cutoff = service.cutoff ? parseClock(service.cutoff) : last[1] - 30;
  return cutoff > opens ? { opens, cutoff } : null;
}

export type IssueAvailability =
  | { kind: 'open' }
  | { kind: 'not_yet'; reopensAt: number }
  | { kind: 'after_cutoff'; reopensAt: number | null }
  | { kind: 'closed_today'; reopensAt: number | null };

/** Whether a service issues numbers at `now`, and if not, when it next does. */
export function issueAvailability(centre: CentreConfig, service: ServiceConfig, now: number): IssueAvailability {
  const here = localMoment(now, centre.timeZone);
  const today = issueWindow(centre, service, here.day);
  if (today && here.minutes >= today.opens && here.minutes < today.cutoff) return { kind: 'open' };
  if (today && here.minutes < today.opens) {
    return { kind: 'not_yet', reopensAt: epochOfLocal(here.day, today.opens, centre.timeZone) };
  }
  const reopensAt = nextOpening(centre, service, here.day);
  return today ? { kind: 'after_cutoff', reopensAt } : { kind: 'closed_today', reopensAt };
}

/** Tết and the days around it can close a centre for ten days and more: look this far for the next opening. */
const lookAheadDays = 45;

/** The first moment after `day` that the service issues numbers again; null if not within 45 days. */
export function nextOpening(centre: CentreConfig, service: ServiceConfig, day: string): number | null {
  for (let i = 1; i <= lookAheadDays; i++) {
    const next = addDays(day, i);
    const window = issueWindow(centre, service, next);
    if (window) return epochOfLocal(next, window.opens, centre.timeZone);
  }
  return null;
}

/**
 * When counters next serve the service, counted from `now`: `now` itself during a session,
 * else the start of the next session (after lunch, tomorrow morning…); null if not within 45 days.
 */
export function nextServiceStart(centre: CentreConfig, service: ServiceConfig, now: number): number | null {
  const here = localMoment(now, centre.timeZone);
  for (const [from, to] of serviceSessions(centre, service, here.day)) {
    if (here.minutes < from) return epochOfLocal(here.day, from, centre.timeZone);
    if (here.minutes < to) return now;
  }
  for (let i = 1; i <= lookAheadDays; i++) {
    const next = addDays(here.day, i);
    const first = serviceSessions(centre, service, next)[0];
    if (first) return epochOfLocal(next, first[0], centre.timeZone);
  }
  return null;
}

/**
 * The moment `minutes` of the service's working time have passed after `from`, skipping lunch
 * and closed days: a queue that outlasts the morning goes on after the break. Null past 45 days.
 */
export function afterWorkingMinutes(centre: CentreConfig, service: ServiceConfig, from: number, minutes: number): number | null {
  let left = minutes * 60_000;
  let day = localMoment(from, centre.timeZone).day;
  for (let i = 0; i <= lookAheadDays; i++, day = addDays(day, 1)) {
    for (const [a, b] of serviceSessions(centre, service, day)) {
      const start = Math.max(epochOfLocal(day, a, centre.timeZone), from);
      const end = epochOfLocal(day, b, centre.timeZone);
      if (end <= start) continue;
      if (end - start >= left) return start + left;
      left -= end - start;
    }
  }
  return null;
}
