import { useEffect, useState } from 'preact/hooks';
import type { CalendarYearView } from '../../protocol/admin.ts';
import type { CalendarYear } from '../../protocol/site-config.ts';
import { useAdmin } from '../admin-context.ts';
import { CalendarDayRows, savedName, useWeekdayOf } from '../parts/calendar-day-rows.tsx';
import { SaveStatus, type SaveState } from '../parts/save-status.tsx';
import { useAdminSnapshot } from '../use-admin-snapshot.ts';
import { useLoaded } from '../use-loaded.ts';

/**
 * The government's yearly schedule: the statutory days (computed, read-only), the days the
 * Labour Code's rules propose, and the days off and make-up working days the admin enters and
 * confirms. The kiosk follows what is saved here.
 */
export function CalendarPage() {
  const { snapshot } = useAdminSnapshot();
  return snapshot ? <CalendarYearForm thisYear={Number(snapshot.day.slice(0, 4))} /> : null;
}

function CalendarYearForm({ thisYear }: { thisYear: number }) {
  const { t, api } = useAdmin();
  const [year, setYear] = useState(thisYear);
  const { data, reload } = useLoaded('calendarYear', undefined, { params: { year: String(year) } });
  const [draft, setDraft] = useState<CalendarYear | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const weekdayOf = useWeekdayOf();
  useEffect(() => {
    if (data?.year === year) setDraft(data.entry ?? { year, confirmed: false, note: '', daysOff: [], workingDays: [] });
  }, [data, year]);
  const holidayName = (key: string) => t(`calendar:holiday.${key}`);
  const nameIn = (l: 'vi' | 'en', p: CalendarYearView['proposals'][number]) =>
    t(`admin:calendar.proposalName.${p.reason}`, { lng: l, holiday: t(`calendar:holiday.${p.holiday}`, { lng: l }) });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    setSave({ kind: 'saving' });
    const body = {
      ...draft,
      daysOff: draft.daysOff.map((d) => ({ day: d.day, name: savedName(d.name) })),
      workingDays: draft.workingDays.map((d) => ({ day: d.day, worksAs: d.worksAs, name: savedName(d.name) })),
    };
    const r = await api.call('saveCalendarYear', { params: { id: String(year) }, body });
    setSave(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
    if (r.ok) await reload();
  };
  const entered = new Set(draft?.daysOff.map((d) => d.day));
  return (
    <form class="config-form calendar-page" onSubmit={submit}>
      <h1>{t('admin:calendar.title')}</h1>
      <p class="hint">{t('admin:calendar.intro')}</p>
      <label>
        {t('admin:calendar.year')}
        <select name="year" value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))}>
          {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {draft && data && (
        <>
          <p class={`pill ${draft.confirmed ? 'pill--open' : 'pill--bad'}`} data-testid="calendar-status">
            {draft.confirmed ? t('admin:calendar.confirmedYes') : t('admin:calendar.confirmedNo')}
          </p>
          <fieldset>
            <legend>{t('admin:calendar.statutory')}</legend>
            <ul class="inline-list" data-testid="statutory">
              {data.statutory.map((d) => (
                <li key={d.day}>
                  {d.day} ({weekdayOf(d.day)}): {holidayName(d.holiday)}
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset>
            <legend>{t('admin:calendar.proposals')}</legend>
            <p class="hint">{t('admin:calendar.proposalsHint')}</p>
            <ul class="inline-list" data-testid="proposals">
              {data.proposals.map((p) => (
                <li key={p.day} data-day={p.day}>
                  {p.day} ({weekdayOf(p.day)}): {t(`admin:calendar.reason.${p.reason}`, { holiday: holidayName(p.holiday) })}{' '}
                  {entered.has(p.day) ? (
                    <small>{t('admin:calendar.added')}</small>
                  ) : (
                    <button
                      type="button"
                      class="link"
                      onClick={() =>
                        setDraft({
                          ...draft,
                          daysOff: [...draft.daysOff, { day: p.day, name: { vi: nameIn('vi', p), en: nameIn('en', p) } }].sort((a, b) =>
                            a.day.localeCompare(b.day),
                          ),
                        })
                      }
                    >
                      {t('admin:calendar.add')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset>
            <legend>{t('admin:calendar.daysOff')}</legend>
            <CalendarDayRows rows={draft.daysOff} onChange={(daysOff) => setDraft({ ...draft, daysOff })} />
            <button type="button" onClick={() => setDraft({ ...draft, daysOff: [...draft.daysOff, { day: `${year}-01-01` }] })}>
              {t('admin:calendar.addDayOff')}
            </button>
          </fieldset>
          <fieldset>
            <legend>{t('admin:calendar.workingDays')}</legend>
            <CalendarDayRows
              worksAs
              rows={draft.workingDays}
              onChange={(rows) => setDraft({ ...draft, workingDays: rows.map((r) => ({ ...r, worksAs: r.worksAs ?? 'mon' })) })}
            />
            <button
              type="button"
              onClick={() => setDraft({ ...draft, workingDays: [...draft.workingDays, { day: `${year}-01-01`, worksAs: 'mon' }] })}
            >
              {t('admin:calendar.addWorkingDay')}
            </button>
          </fieldset>
          <fieldset>
            <label>
              {t('admin:calendar.note')}
              <textarea name="note" rows={3} value={draft.note} onInput={(e) => setDraft({ ...draft, note: e.currentTarget.value })} />
            </label>
            <label class="check">
              <input
                type="checkbox"
                name="confirmed"
                checked={draft.confirmed}
                onChange={(e) => setDraft({ ...draft, confirmed: e.currentTarget.checked })}
              />
              {t('admin:calendar.confirmed')}
            </label>
          </fieldset>
          <div class="form-actions">
            <button type="submit">{t('admin:calendar.save', { year })}</button>
            <SaveStatus state={save} />
          </div>
        </>
      )}
    </form>
  );
}
