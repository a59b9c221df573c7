import './week-hours-fields.css';
import type { WeekSchedule } from '../../protocol/site-config.ts';
import { useAdmin } from '../admin-context.ts';

export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Weekday = (typeof weekdayKeys)[number];

/** A week's working sessions, as the editor holds them: per weekday, `[from, to]` times. */
export type WeekHours = Record<Weekday, Array<[string, string]>>;

/** A copy of a stored week schedule to edit. */
export function weekHoursOf(hours: WeekSchedule): WeekHours {
  return Object.fromEntries(weekdayKeys.map((d) => [d, hours[d].map(([from, to]) => [from, to] as [string, string])])) as WeekHours;
}

/** A new session after the day's last one: the afternoon after a morning, else a morning. */
function nextSession(sessions: Array<[string, string]>): [string, string] {
  const last = sessions.at(-1);
  if (!last) return ['07:30', '11:30'];
  return last[1] < '13:00' ? ['13:00', '17:00'] : [last[1], last[1]];
}

/**
 * The hours of a week, edited with time pickers: each weekday has its sessions (from, to), a
 * button to add one and one to remove each; a day without sessions is closed. Used for the
 * centre's hours and a service's own. Inputs are named `<name>-<day>-<n>-from` / `-to`.
 * The server's schema checks that sessions are in order and do not overlap.
 */
export function WeekHoursFields({ name, value, onChange }: { name: string; value: WeekHours; onChange: (next: WeekHours) => void }) {
  const { t } = useAdmin();
  const setDay = (day: Weekday, sessions: Array<[string, string]>) => onChange({ ...value, [day]: sessions });
  const copyMonday = () =>
    onChange(Object.fromEntries(weekdayKeys.map((d) => [d, d === 'sat' || d === 'sun' ? value[d] : value.mon])) as WeekHours);
  return (
    <div class="week-hours">
      {weekdayKeys.map((day) => (
        <div key={day} class="week-hours__day" data-day={day}>
          <span class="week-hours__name">{t(`admin:weekdays.${day}`)}</span>
          <div class="week-hours__sessions">
            {value[day].length === 0 && <span class="week-hours__closed">{t('admin:centre.closed')}</span>}
            {value[day].map(([from, to], i) => (
              <span key={i} class="week-hours__session">
                <input
                  type="time"
                  required
                  name={`${name}-${day}-${i}-from`}
                  aria-label={t('admin:hoursEditor.from', { day: t(`admin:weekdays.${day}`), n: i + 1 })}
                  value={from}
                  onInput={(e) =>
                    setDay(
                      day,
                      value[day].map((s, j) => (j === i ? [e.currentTarget.value, s[1]] : s)),
                    )
                  }
                />
                –
                <input
                  type="time"
                  required
                  name={`${name}-${day}-${i}-to`}
                  aria-label={t('admin:hoursEditor.to', { day: t(`admin:weekdays.${day}`), n: i + 1 })}
                  value={to}
                  onInput={(e) =>
                    setDay(
                      day,
                      value[day].map((s, j) => (j === i ? [s[0], e.currentTarget.value] : s)),
                    )
                  }
                />
                <button
                  type="button"
                  class="small secondary"
                  name={`${name}-${day}-${i}-remove`}
                  onClick={() =>
                    setDay(
                      day,
                      value[day].filter((_, j) => j !== i),
                    )
                  }
                >
                  {t('admin:hoursEditor.remove')}
                </button>
              </span>
            ))}
            <button
              type="button"
              class="small secondary"
              name={`${name}-${day}-add`}
              onClick={() => setDay(day, [...value[day], nextSession(value[day])])}
            >
              {t('admin:hoursEditor.add')}
            </button>
          </div>
        </div>
      ))}
      <button type="button" class="small secondary" name={`${name}-copy-monday`} onClick={copyMonday}>
        {t('admin:hoursEditor.copyMonday')}
      </button>
    </div>
  );
}
