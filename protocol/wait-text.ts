/**
 * The one wording of a wait estimate, shared by the kiosk, the follow page and the paper
 * ticket: a range of minutes ("khoảng 15–25 phút"), and while no counter serves the service
 * yet, when service starts and when the number should come up ("bắt đầu gọi số lúc 13:00…").
 * Each caller brings its own words for the same keys (the follow page ships without i18next; the
 * printer has its ticket words), so it lives with the contract, where hardware/ may use it too.
 */
import type { WaitEstimate } from './views.ts';

/** The keys a wait text is made of, in the caller's namespace. */
export type WaitKey = 'wait_soon' | 'wait_range' | 'wait_under' | 'wait_from_start' | 'wait_unknown';
/** The caller's words: `{{from}}`, `{{to}}`, `{{start}}` filled in. */
export type WaitWords = (key: WaitKey, params?: Record<string, string | number>) => string;

const minute = 60_000;
/** Clock times are given to five minutes: a wait is not known better than that. */
const clockStep = 5 * minute;

/** "09:05" in the centre's time zone, 24-hour, for either language. */
export function clockTime(epoch: number, lang: 'vi' | 'en', timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(epoch);
}

/** The estimate in words; `lang` and `timeZone` word clock times. */
export function waitText(wait: WaitEstimate, words: WaitWords, lang: 'vi' | 'en', timeZone: string): string {
  switch (wait.kind) {
    case 'soon':
      return words('wait_soon');
    case 'unknown':
      return words('wait_unknown');
    case 'range': {
      if (wait.startsAt !== null) {
        const at = (minutes: number) =>
          clockTime(Math.round((wait.estimatedAt + minutes * minute) / clockStep) * clockStep, lang, timeZone);
        return words('wait_from_start', {
          start: clockTime(wait.startsAt, lang, timeZone),
          from: at(Math.max(wait.fromMinutes, (wait.startsAt - wait.estimatedAt) / minute)),
          to: at(wait.toMinutes),
        });
      }
      return wait.fromMinutes === 0
        ? words('wait_under', { to: wait.toMinutes })
        : words('wait_range', { from: wait.fromMinutes, to: wait.toMinutes });
    }
  }
}
