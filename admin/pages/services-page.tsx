import type { ServiceConfig, WeekSchedule } from '../../protocol/site-config.ts';
import { named, useAdmin } from '../admin-context.ts';
import { PrefixWarnings } from '../parts/prefix-warnings.tsx';
import { EditorActions, SaveStatus } from '../parts/save-status.tsx';
import { type WeekHours, WeekHoursFields, weekHoursOf } from '../parts/week-hours-fields.tsx';
import { serviceIdFromName } from '../service-id.ts';
import { useLoaded } from '../use-loaded.ts';
import { useConfigEditor } from '../use-config-editor.ts';

interface Draft {
  isNew: boolean;
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  prefix: string;
  numberStart: string;
  numberEnd: string;
  pad: string;
  dailyQuota: string;
  cutoff: string;
  enabled: boolean;
  /** False: the service follows the centre's week (no `hours` saved). */
  ownHours: boolean;
  hours: WeekHours;
  /** A new service's id follows its Vietnamese name until the admin types one. */
  idTyped: boolean;
  /** Fields the form does not edit are kept as they were. */
  rest: Partial<ServiceConfig>;
}

/** A new service follows the centre's hours; switching to its own starts from the centre's week. */
function blankDraft(centreHours: WeekSchedule): Draft {
  return {
    isNew: true,
    id: '',
    code: '',
    nameVi: '',
    nameEn: '',
    prefix: '',
    numberStart: '1',
    numberEnd: '999',
    pad: '3',
    dailyQuota: '',
    cutoff: '',
    enabled: true,
    ownHours: false,
    hours: weekHoursOf(centreHours),
    idTyped: false,
    rest: {},
  };
}

function draftOf(s: ServiceConfig, centreHours: WeekSchedule): Draft {
  return {
    isNew: false,
    id: s.id,
    code: s.code,
    nameVi: s.name.vi,
    nameEn: s.name.en,
    prefix: s.prefix,
    numberStart: String(s.numberStart),
    numberEnd: String(s.numberEnd),
    pad: String(s.pad),
    dailyQuota: s.dailyQuota === undefined ? '' : String(s.dailyQuota),
    cutoff: s.cutoff ?? '',
    enabled: s.enabled,
    ownHours: s.hours !== undefined,
    hours: weekHoursOf(s.hours ?? centreHours),
    idTyped: true,
    rest: s,
  };
}

/** Services (queues): name, code, number range and prefix, daily quota, cut-off, own hours, linked procedures. */
export function ServicesPage() {
  const { t, lang, api } = useAdmin();
  const { config, draft, setDraft, save, editor, put, remove: removeItem } = useConfigEditor<Draft>();
  const { data: catalogue } = useLoaded('catalogue');
  if (!config) return <p>{t('common:connecting')}</p>;
  const proceduresOf = (serviceId: string) => catalogue?.procedures.filter((p) => p.serviceId === serviceId) ?? [];
  const field = (key: keyof Draft) => ({
    name: key,
    value: String(draft?.[key] ?? ''),
    onInput: (e: Event) => draft && setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    const { id: _id, hours: _hours, ...rest } = draft.rest;
    const body = {
      ...rest,
      code: draft.code.trim().toUpperCase(),
      name: { vi: draft.nameVi, en: draft.nameEn },
      prefix: draft.prefix.trim().toUpperCase(),
      numberStart: Number(draft.numberStart),
      numberEnd: Number(draft.numberEnd),
      pad: Number(draft.pad || 0),
      dailyQuota: draft.dailyQuota.trim() ? Number(draft.dailyQuota) : undefined,
      cutoff: draft.cutoff.trim() || undefined,
      enabled: draft.enabled,
      hours: draft.ownHours ? draft.hours : undefined,
    };
    const id = draft.id.trim();
    await put(() => api.call('saveService', { params: { id }, body }));
  };
  const remove = (id: string) => removeItem(t('admin:services.confirmRemove', { id }), () => api.call('removeService', { params: { id } }));
  return (
    <section>
      <h1>{t('admin:services.title')}</h1>
      <PrefixWarnings services={config.services.filter((s) => s.enabled)} dialect={config.centre.announcement.dialect} />
      <table class="table">
        <thead>
          <tr>
            <th>{t('admin:services.code')}</th>
            <th>{t('admin:services.name')}</th>
            <th>{t('admin:services.range')}</th>
            <th>{t('admin:services.quota')}</th>
            <th>{t('admin:services.cutoff')}</th>
            <th>{t('admin:services.servedBy')}</th>
            <th>{t('admin:services.procedures')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {config.services.map((s) => (
            <tr key={s.id} data-service={s.id} class={s.enabled ? '' : 'muted'}>
              <td>
                <strong>{s.code}</strong>
              </td>
              <td>{named(s.name, lang)}</td>
              <td>
                {s.prefix}
                {String(s.numberStart).padStart(s.pad, '0')}–{s.prefix}
                {String(s.numberEnd).padStart(s.pad, '0')}
              </td>
              <td>{s.dailyQuota ?? '–'}</td>
              <td>{s.cutoff ?? t('admin:services.defaultCutoff')}</td>
              <td>
                {config.counters
                  .filter((c) => c.services.some((x) => x.serviceId === s.id))
                  .map((c) => c.id)
                  .join(', ') || '–'}
              </td>
              <td data-testid="procedure-count">{catalogue ? proceduresOf(s.id).length : '…'}</td>
              <td class="actions">
                <button type="button" class="small" onClick={() => setDraft(draftOf(s, config.centre.hours))}>
                  {t('admin:edit')}
                </button>
                <button type="button" class="small danger" onClick={() => void remove(s.id)}>
                  {t('admin:remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="form-actions">
        <button type="button" name="add-service" onClick={() => setDraft(blankDraft(config.centre.hours))}>
          {t('admin:services.add')}
        </button>
        <SaveStatus state={save} />
      </div>
      {draft && (
        <form class="config-form editor" onSubmit={submit} ref={editor}>
          <h2>{draft.isNew ? t('admin:services.add') : t('admin:services.edit', { code: draft.code })}</h2>
          <div class="grid">
            <label>
              {t('admin:services.id')}
              <input
                {...field('id')}
                onInput={(e) => setDraft({ ...draft, id: e.currentTarget.value, idTyped: true })}
                disabled={!draft.isNew}
                required
                pattern="[a-z0-9][a-z0-9\-]{0,31}"
                title={t('admin:services.idHint')}
              />
            </label>
            <label>
              {t('admin:services.code')}
              <input {...field('code')} required maxLength={6} />
            </label>
            <label>
              {t('admin:services.nameVi')}
              <input
                {...field('nameVi')}
                onInput={(e) => {
                  const nameVi = e.currentTarget.value;
                  const taken = new Set(config.services.map((s) => s.id));
                  setDraft({ ...draft, nameVi, ...(draft.isNew && !draft.idTyped && { id: serviceIdFromName(nameVi, taken) }) });
                }}
                required
              />
            </label>
            <label>
              {t('admin:services.nameEn')}
              <input {...field('nameEn')} required />
            </label>
            <label>
              {t('admin:services.prefix')}
              <input {...field('prefix')} maxLength={2} />
            </label>
            <label>
              {t('admin:services.numberStart')}
              <input type="number" {...field('numberStart')} />
            </label>
            <label>
              {t('admin:services.numberEnd')}
              <input type="number" {...field('numberEnd')} />
            </label>
            <label>
              {t('admin:services.pad')}
              <input type="number" min={0} max={5} {...field('pad')} />
            </label>
            <label>
              {t('admin:services.quota')}
              <input type="number" min={1} {...field('dailyQuota')} placeholder={t('admin:services.noQuota')} />
            </label>
            <label>
              {t('admin:services.cutoff')}
              <input {...field('cutoff')} placeholder="16:30" />
            </label>
            <label class="check">
              <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })} />
              {t('admin:services.enabled')}
            </label>
          </div>
          <fieldset class="service-hours">
            <legend>{t('admin:services.hours')}</legend>
            <label class="check">
              <input
                type="radio"
                name="hours-mode"
                value="centre"
                checked={!draft.ownHours}
                onChange={() => setDraft({ ...draft, ownHours: false })}
              />
              {t('admin:services.centreHours')}
            </label>
            <label class="check">
              <input
                type="radio"
                name="hours-mode"
                value="own"
                checked={draft.ownHours}
                onChange={() => setDraft({ ...draft, ownHours: true })}
              />
              {t('admin:services.ownHours')}
            </label>
            {draft.ownHours && (
              <>
                <p class="hint">{t('admin:centre.hoursHint')}</p>
                <WeekHoursFields name="service-hours" value={draft.hours} onChange={(hours) => setDraft({ ...draft, hours })} />
              </>
            )}
          </fieldset>
          {!draft.isNew && (
            <fieldset class="linked-procedures">
              <legend>{t('admin:services.linkedProcedures', { count: proceduresOf(draft.id).length })}</legend>
              {proceduresOf(draft.id).length === 0 ? (
                <p class="hint">{t('admin:services.noProcedures')}</p>
              ) : (
                <ul>
                  {proceduresOf(draft.id).map((p) => (
                    <li key={p.code}>
                      <span class="code">{p.code}</span> {p.name}
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
          )}
          <EditorActions onCancel={() => setDraft(null)} />
        </form>
      )}
    </section>
  );
}
