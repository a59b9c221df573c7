import type { WeekSchedule } from '../protocol/site-config.ts';

export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A day's sessions as staff type them: `07:30-11:30, 13:00-17:00`; empty means closed. */
export function sessionsText(sessions: WeekSchedule['mon']): string {
  return sessions.map(([from, to]) => `${from}-${to}`).join(', ');
}

/** The reverse of {@link sessionsText}; the server's schema checks the times themselves. */
export function parseSessions(text: string): Array<[string, string]> {
  return text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [from = '', to = ''] = part.split(/\s*[-–]\s*/);
      return [from.trim(), to.trim()];
    });
}

/** Holidays as a comma-separated list of `YYYY-MM-DD`. */
export function parseDays(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);
}
