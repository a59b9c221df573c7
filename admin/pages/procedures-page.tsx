import { useMemo, useState } from 'preact/hooks';
import { buildSearchIndex, searchCatalogue } from '../../client/search/catalogue-search.ts';
import { named, useAdmin } from '../admin-context.ts';
import type { ApiError } from '../admin-api.ts';
import { FilePicker } from '../parts/file-picker.tsx';
import { ProcedureEditor } from '../parts/procedure-editor.tsx';
import { useLoaded } from '../use-loaded.ts';
import { useSiteConfig } from '../use-site-config.ts';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; procedures: number; fields: number; unmapped: string[] }
  | { kind: 'refused'; error: ApiError; problems: Array<{ row: number | null; message: string }> };

const shownAtMost = 100;

/** The kiosk's procedures: search them as a citizen would, see and edit each one's service, import a new catalogue. */
export function ProceduresPage() {
  const { t, api, lang } = useAdmin();
  const { data: catalogue, reload } = useLoaded('catalogue');
  const { config } = useSiteConfig();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<ImportState>({ kind: 'idle' });
  const [editing, setEditing] = useState<string | null>(null);
  const index = useMemo(() => (catalogue ? buildSearchIndex(catalogue) : null), [catalogue]);
  if (!catalogue || !index) return <p>{t('common:connecting')}</p>;
  const found = query.trim()
    ? searchCatalogue(index, query, { limit: shownAtMost }).map((h) => h.procedure)
    : catalogue.procedures.slice(0, shownAtMost);
  const fieldName = (id: string) => {
    const f = catalogue.fields.find((x) => x.id === id);
    return f ? (lang === 'vi' ? f.name : f.nameEn) : id;
  };
  const service = (id: string) => config?.services.find((s) => s.id === id);
  const edited = editing ? catalogue.procedures.find((p) => p.code === editing) : undefined;
  const upload = async (file: File, input: HTMLInputElement) => {
    setResult({ kind: 'running' });
    const r = await api.upload('importCatalogue', await file.text(), 'text/plain; charset=utf-8', { query: { name: file.name } });
    input.value = '';
    if (r.ok) {
      setResult({ kind: 'done', ...r.value });
      await reload();
    } else setResult({ kind: 'refused', error: r.error, problems: r.problems ?? [] });
  };
  return (
    <section>
      <h1>
        {t('admin:procedures.title')} {catalogue.sample && <span class="pill pill--sample">{t('admin:procedures.sample')}</span>}
      </h1>
      <p>{t('admin:procedures.count', { procedures: catalogue.procedures.length, fields: catalogue.fields.length })}</p>
      <div class="panel">
        <h2>{t('admin:procedures.import')}</h2>
        <p class="hint">{t('admin:procedures.importHint')}</p>
        <FilePicker
          name="catalogue-file"
          accept=".json,.csv,.txt,application/json,text/csv"
          label={t('admin:procedures.chooseFile')}
          onFile={(f, input) => void upload(f, input)}
        />
        {result.kind === 'running' && <p role="status">{t('admin:save.saving')}</p>}
        {result.kind === 'done' && (
          <p class="notice notice--ok" role="status">
            {t('admin:procedures.imported', { procedures: result.procedures, fields: result.fields })}
            {result.unmapped.length > 0 &&
              ` ${t('admin:procedures.unmapped', { count: result.unmapped.length, codes: result.unmapped.slice(0, 5).join(', ') })}`}
          </p>
        )}
        {result.kind === 'refused' && (
          <div class="notice notice--bad" role="alert">
            <p>{result.error.message}</p>
            <ul class="problems">
              {result.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <label class="search">
        {t('admin:procedures.search')}
        <input
          type="search"
          name="procedure-search"
          value={query}
          placeholder={t('admin:procedures.searchHint')}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      {edited && config && (
        <ProcedureEditor
          key={edited.code}
          procedure={edited}
          services={config.services}
          onSaved={() => void reload()}
          onCancel={() => setEditing(null)}
        />
      )}
      <table class="table">
        <thead>
          <tr>
            <th>{t('admin:procedures.code')}</th>
            <th>{t('admin:procedures.name')}</th>
            <th>{t('admin:procedures.field')}</th>
            <th>{t('admin:procedures.service')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {found.map((p) => {
            const s = service(p.serviceId);
            return (
              <tr key={p.code} data-procedure={p.code}>
                <td class="code">{p.code}</td>
                <td>{p.name}</td>
                <td>{fieldName(p.fieldId)}</td>
                <td>
                  {s ? (
                    `${s.code} · ${named(s.name, lang)}`
                  ) : (
                    <span class="pill pill--bad">{t('admin:procedures.noService', { id: p.serviceId })}</span>
                  )}
                </td>
                <td class="actions">
                  <button type="button" class="small" onClick={() => setEditing(p.code)}>
                    {t('admin:edit')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {found.length === 0 && <p>{t('admin:procedures.none')}</p>}
    </section>
  );
}
