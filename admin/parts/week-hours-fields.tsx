import type { WeekSchedule } from '../../protocol/site-config.ts';
import { useAdmin } from '../admin-context.ts';
import { parseSessions, sessionsText, weekdayKeys } from '../schedule-text.ts';

/** A week's sessions as the admin types them, one text per weekday (`mon` … `sun`). */
export type WeekHoursText = Record<string, string>;

/** The editable text of a week schedule. */
export function weekHoursText(hours: WeekSchedule): WeekHoursText {
  return Object.fromEntries(weekdayKeys.map((d) => [d, sessionsText(hours[d])]));
}

/** The week schedule the texts describe; the server's schema checks the times themselves. */
export function weekHoursOf(text: WeekHoursText): Record<(typeof weekdayKeys)[number], Array<[string, string]>> {
  return Object.fromEntries(weekdayKeys.map((d) => [d, parseSessions(text[d] ?? '')])) as Record<
    (typeof weekdayKeys)[number],
    Array<[string, string]>
  >;
}

/**
 * One input per weekday for a week's working sessions: used for the centre's hours and for a
 * service's own hours. Inputs are named `<name>-mon` … `<name>-sun`.
 */
export function WeekHoursFields({
  name,
  value,
  onChange,
}: {
  name: string;
  value: WeekHoursText;
  onChange: (next: WeekHoursText) => void;
}) {
  const { t } = useAdmin();
  return (
    <>
      {weekdayKeys.map((d) => (
        <label key={d} class="inline">
          <span>{t(`admin:weekdays.${d}`)}</span>
          <input
            name={`${name}-${d}`}
            placeholder={t('admin:centre.closed')}
            value={value[d] ?? ''}
            onInput={(e) => onChange({ ...value, [d]: e.currentTarget.value })}
          />
        </label>
      ))}
    </>
  );
}
