/**
 * The board's date and clock: the centre's local time, whatever zone the display's own computer
 * is set to, and the server's time rather than the display's (a wall PC's clock drifts).
 */

/** Local calendar parts of an instant in a time zone. */
export interface LocalDateTime {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  day: string;
  month: string;
  year: string;
  /** `HH:MM`, 24-hour. */
  time: string;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-US parts only: the words come from the locale files, so a browser without full ICU data still shows Vietnamese.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The instant `epochMs` as a date and time in `timeZone` (an IANA name, e.g. `Asia/Ho_Chi_Minh`). */
export function localDateTime(epochMs: number, timeZone: string): LocalDateTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(epochMs)
      .map((p) => [p.type, p.value]),
  );
  return {
    weekday: weekdays.indexOf(parts.weekday ?? ''),
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    time: `${parts.hour}:${parts.minute}`,
  };
}
