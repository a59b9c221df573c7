import type { WeekdayKey } from '../../protocol/site-config.ts';
import { useAdmin } from '../admin-context.ts';

/** A day off or a make-up working day (which has `worksAs`), as the form edits it. */
export interface CalendarDayRow {
  day: string;
  name?: { vi: string; en: string } | undefined;
  worksAs?: WeekdayKey;
}

const weekdays: readonly WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const blankName = { vi: '', en: '' };

/** "Thứ Hai" for a `YYYY-MM-DD`, in the admin's language. */
export function useWeekdayOf(): (day: string) => string {
  const { t } = useAdmin();
  return (day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? '' : t(`admin:calendar.weekday.${weekdays[(date.getUTCDay() + 6) % 7]}`);
  };
}

/** The editable rows of one kind of calendar day: its date, its name in both languages and, for make-up days, whose hours. */
export function CalendarDayRows(props: {
  rows: CalendarDayRow[];
  onChange(rows: CalendarDayRow[]): void;
  /** Set for make-up working days. */
  worksAs?: boolean;
}) {
  const { t } = useAdmin();
  const weekdayOf = useWeekdayOf();
  const set = (i: number, patch: Partial<CalendarDayRow>) => props.onChange(props.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <table class="table calendar-days">
      <thead>
        <tr>
          <th>{t('admin:calendar.day')}</th>
          <th>{t('admin:calendar.nameVi')}</th>
          <th>{t('admin:calendar.nameEn')}</th>
          {props.worksAs && <th>{t('admin:calendar.worksAs')}</th>}
          <th />
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, i) => {
          const name = row.name ?? blankName;
          return (
            <tr key={i} data-day={row.day}>
              <td>
                <input type="date" value={row.day} onInput={(e) => set(i, { day: e.currentTarget.value })} />{' '}
                <small>{weekdayOf(row.day)}</small>
              </td>
              <td>
                <input value={name.vi} onInput={(e) => set(i, { name: { ...name, vi: e.currentTarget.value } })} />
              </td>
              <td>
                <input value={name.en} onInput={(e) => set(i, { name: { ...name, en: e.currentTarget.value } })} />
              </td>
              {props.worksAs && (
                <td>
                  <select value={row.worksAs ?? 'mon'} onChange={(e) => set(i, { worksAs: e.currentTarget.value as WeekdayKey })}>
                    {weekdays.map((w) => (
                      <option key={w} value={w}>
                        {t(`admin:calendar.weekday.${w}`)}
                      </option>
                    ))}
                  </select>
                </td>
              )}
              <td class="actions">
                <button type="button" class="link" onClick={() => props.onChange(props.rows.filter((_, j) => j !== i))}>
                  {t('admin:calendar.remove')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A day's name as saved: an empty name is no name (the kiosk then says "day off"). */
export function savedName(name: { vi: string; en: string } | undefined): { vi: string; en: string } | undefined {
  return name?.vi.trim() && name.en.trim() ? name : undefined;
}
