import { useEffect, useState } from 'preact/hooks';
import type { CentreConfig } from '../../protocol/site-config.ts';
import { useAdmin } from '../admin-context.ts';
import { AnnouncementFields } from '../parts/announcement-fields.tsx';
import { SaveStatus, type SaveState } from '../parts/save-status.tsx';
import { TimeZonePicker } from '../parts/time-zone-picker.tsx';
import { type WeekHours, WeekHoursFields, weekHoursOf } from '../parts/week-hours-fields.tsx';
import { parseDays } from '../schedule-text.ts';
import { useSiteConfig } from '../use-site-config.ts';

type Draft = Omit<CentreConfig, 'hours'> & { hours: WeekHours; holidaysText: string };

/** The centre: names, address, hours and holidays, the priority rule, the ticket's footer, the call announcement. */
export function CentrePage() {
  const { t, api } = useAdmin();
  const { config, reload } = useSiteConfig();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  useEffect(() => {
    if (!config) return;
    const c = config.centre;
    setDraft({ ...c, hours: weekHoursOf(c.hours), holidaysText: c.holidays.join(', ') });
  }, [config]);
  if (!draft) return <p>{t('common:connecting')}</p>;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const text = (value: string, onValue: (v: string) => void) => ({
    value,
    onInput: (e: Event) => onValue((e.currentTarget as HTMLInputElement).value),
  });
  const num = (value: number, onValue: (v: number) => void) => ({
    type: 'number',
    value,
    onInput: (e: Event) => onValue(Number((e.currentTarget as HTMLInputElement).value)),
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    setSave({ kind: 'saving' });
    const { holidaysText, ...centre } = draft;
    const body = { ...centre, holidays: parseDays(holidaysText) };
    const r = await api.call('saveCentre', { body });
    setSave(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
    if (r.ok) await reload();
  };
  return (
    <form class="config-form" onSubmit={submit}>
      <h1>{t('admin:centre.title')}</h1>
      <fieldset>
        <legend>{t('admin:centre.identity')}</legend>
        <label>
          {t('admin:centre.nameVi')}
          <input name="name-vi" {...text(draft.name.vi, (vi) => set({ name: { ...draft.name, vi } }))} />
        </label>
        <label>
          {t('admin:centre.nameEn')}
          <input name="name-en" {...text(draft.name.en, (en) => set({ name: { ...draft.name, en } }))} />
        </label>
        <label>
          {t('admin:centre.level')}
          <select value={draft.level} onChange={(e) => set({ level: e.currentTarget.value as Draft['level'] })}>
            <option value="province">{t('admin:centre.levels.province')}</option>
            <option value="commune">{t('admin:centre.levels.commune')}</option>
          </select>
        </label>
        <label>
          {t('admin:centre.address')}
          <input {...text(draft.address, (address) => set({ address }))} />
        </label>
        <label>
          {t('admin:centre.hotline')}
          <input {...text(draft.hotline, (hotline) => set({ hotline }))} />
        </label>
        <TimeZonePicker value={draft.timeZone} onChange={(timeZone) => set({ timeZone })} />
        <label>
          {t('admin:centre.ticketFooter')}
          <input name="ticket-footer" maxLength={120} {...text(draft.ticketFooter, (ticketFooter) => set({ ticketFooter }))} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('admin:centre.hours')}</legend>
        <p class="hint">{t('admin:centre.hoursHint')}</p>
        <WeekHoursFields name="hours" value={draft.hours} onChange={(hours) => set({ hours })} />
        <label>
          {t('admin:centre.holidays')}
          <input placeholder="2026-09-02, 2026-09-03" {...text(draft.holidaysText, (holidaysText) => set({ holidaysText }))} />
        </label>
        <label>
          {t('admin:centre.opensBefore')}
          <input min={0} max={240} {...num(draft.issueOpensMinutesBefore, (issueOpensMinutesBefore) => set({ issueOpensMinutesBefore }))} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('admin:centre.queueRules')}</legend>
        <label>
          {t('admin:centre.priorityRule')}
          <select
            value={draft.priorityRule.kind}
            onChange={(e) =>
              set({ priorityRule: e.currentTarget.value === 'strict' ? { kind: 'strict' } : { kind: 'ratio', priorityCalls: 2 } })
            }
          >
            <option value="strict">{t('admin:centre.strict')}</option>
            <option value="ratio">{t('admin:centre.ratio')}</option>
          </select>
        </label>
        {draft.priorityRule.kind === 'ratio' && (
          <label>
            {t('admin:centre.priorityCalls')}
            <input
              min={1}
              max={20}
              {...num(draft.priorityRule.priorityCalls, (priorityCalls) => set({ priorityRule: { kind: 'ratio', priorityCalls } }))}
            />
          </label>
        )}
        <label>
          {t('admin:centre.aging')}
          <input min={0} max={600} {...num(draft.agingMinutes, (agingMinutes) => set({ agingMinutes }))} />
        </label>
        <label>
          {t('admin:centre.targetWait')}
          <input min={1} max={600} {...num(draft.targetWaitMinutes, (targetWaitMinutes) => set({ targetWaitMinutes }))} />
        </label>
        <label>
          {t('admin:centre.maxRecalls')}
          <input min={0} max={10} {...num(draft.maxRecalls, (maxRecalls) => set({ maxRecalls }))} />
        </label>
        <label>
          {t('admin:centre.ratingScale')}
          <select value={String(draft.ratingScale)} onChange={(e) => set({ ratingScale: e.currentTarget.value === '5' ? 5 : 3 })}>
            <option value="3">{t('admin:centre.faces')}</option>
            <option value="5">{t('admin:centre.stars')}</option>
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={draft.kioskMayIssuePriority}
            onChange={(e) => set({ kioskMayIssuePriority: e.currentTarget.checked })}
          />
          {t('admin:centre.kioskPriority')}
        </label>
      </fieldset>
      <AnnouncementFields value={draft.announcement} onChange={(announcement) => set({ announcement })} services={config?.services ?? []} />
      <div class="form-actions">
        <button type="submit">{t('admin:save.button')}</button>
        <SaveStatus state={save} />
      </div>
    </form>
  );
}
