import { useEffect, useState } from 'preact/hooks';
import { limitAt, limitGroups, limitsFromValues } from '../../protocol/limit-fields.ts';
import type { Limits, LimitsInput } from '../../protocol/limits.ts';
import { useAdmin } from '../admin-context.ts';
import { LimitFieldInput } from '../parts/limit-field.tsx';
import { SaveStatus, type SaveState } from '../parts/save-status.tsx';
import { useLoaded } from '../use-loaded.ts';

const fields = limitGroups.flatMap((g) => g.fields);

/** Each limit as the text in its box. */
function textsOf(limits: Limits): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.path, String(limitAt(limits, f.path))]));
}

/** What a box holds as the number sent: a decimal comma is read as a point; an empty or unreadable box is sent as null, for the server to name. */
function numberOf(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) ? null : value;
}

/**
 * The site config's limits (docs/network.md, "Limits"): what each protects, its unit, its
 * default and allowed values. Saved whole; the server checks them and names any field it
 * refuses, and they apply from the next request on, without a restart.
 */
export function LimitsPage() {
  const { t, api } = useAdmin();
  const { data, reload } = useLoaded('limits');
  const [values, setValues] = useState<Record<string, string> | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    if (data) setValues(textsOf(data.limits));
  }, [data]);
  if (!data || !values) return <p>{t('common:connecting')}</p>;

  const edit = (path: string, text: string) => {
    setValues({ ...values, [path]: text });
    setProblems(({ [path]: _, ...rest }) => rest);
  };
  const restore = () => {
    setValues(textsOf(data.defaults));
    setProblems({});
    setSave({ kind: 'idle' });
    setRestored(true);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setSave({ kind: 'saving' });
    setRestored(false);
    // Built from the field table; the server validates it, and what it refuses is shown on the field.
    const body = limitsFromValues(Object.fromEntries(fields.map((f) => [f.path, numberOf(values[f.path] ?? '')]))) as LimitsInput;
    const r = await api.call('saveLimits', { body });
    if (!r.ok) {
      const refused = r.problems ?? [];
      setProblems(Object.fromEntries(refused.map((p) => [p.field, p.message])));
      // The first refused field comes into view, ready to be corrected, however far up the page it is.
      const first = refused.find((p) => fields.some((f) => f.path === p.field));
      if (first) form.querySelector<HTMLInputElement>(`input[name="${first.field}"]`)?.focus();
      return setSave({ kind: 'failed', error: r.error });
    }
    setProblems({});
    setValues(textsOf(r.value.limits));
    setSave({ kind: 'saved' });
    await reload();
  };

  return (
    <form class="config-form limits-form" onSubmit={submit} noValidate>
      <h1>{t('admin:limits.title')}</h1>
      <p class="hint">{t('admin:limits.intro')}</p>
      {limitGroups.map(({ group, fields: groupFields }) => (
        <fieldset key={group} data-group={group}>
          <legend>{t(`admin:limits.groups.${group}.title`)}</legend>
          <p class="hint">{t(`admin:limits.groups.${group}.hint`)}</p>
          {groupFields.map((field) => (
            <LimitFieldInput
              key={field.path}
              field={field}
              value={values[field.path] ?? ''}
              fallback={limitAt(data.defaults, field.path)}
              range={data.ranges[field.path]}
              problem={problems[field.path]}
              onInput={(text) => edit(field.path, text)}
            />
          ))}
        </fieldset>
      ))}
      <div class="form-actions">
        <button type="submit">{t('admin:save.button')}</button>
        <button type="button" class="secondary" name="restore-defaults" onClick={restore}>
          {t('admin:limits.restore')}
        </button>
        {restored ? (
          <p class="notice notice--warn" role="status">
            {t('admin:limits.restored')}
          </p>
        ) : (
          <SaveStatus state={save} savedText={t('admin:limits.saved')} />
        )}
      </div>
    </form>
  );
}
