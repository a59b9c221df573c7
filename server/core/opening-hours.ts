import type { CentreConfig, ServiceConfig, WeekSchedule } from '../../protocol/site-config.ts';
import { addDays, epochOfLocal, localMoment, parseClock, weekdayOf } from './local-time.ts';

const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** When a service hands out numbers on a given local day, in minutes since midnight. */
export interface IssueWindow {
  opens: number;
  cutoff: number;
}

function sessionsOf(schedule: WeekSchedule, day: string): ReadonlyArray<readonly [string, string]> {
  return schedule[weekdayKeys[weekdayOf(day)]!];
}

/**
 * Numbers are handed out from a little before the first session (people queue before the
 * doors open) until the cut-off, lunch break included: people who arrive at 11:45 wait for 13:00.
 */
export function issueWindow(centre: CentreConfig, service: ServiceConfig, day: string): IssueWindow | null {
  if (centre.holidays.includes(day)) return null;
  const sessions = sessionsOf(service.hours ?? centre.hours, day);
  const first = sessions[0];
  const last = sessions[sessions.length - 1];
  if (!first || !last) return null;
  const opens = Math.max(0, parseClock(first[0]) - centre.issueOpensMinutesBefore);
  const cutoff = service.cutoff ? parseClock(service.cutoff) : parseClock(last[1]) - 30;
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

/** The first moment after `day` that the service issues numbers again; null if not within 30 days. */
export function nextOpening(centre: CentreConfig, service: ServiceConfig, day: string): number | null {
  for (let i = 1; i <= 30; i++) {
    const next = addDays(day, i);
    const window = issueWindow(centre, service, next);
    if (window) return epochOfLocal(next, window.opens, centre.timeZone);
  }
  return null;
}
