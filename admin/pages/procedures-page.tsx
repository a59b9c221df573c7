import { useMemo, useState } from 'preact/hooks';
import { buildSearchIndex, searchCatalogue } from '../../client/search/catalogue-search.ts';
import { named, useAdmin } from '../admin-context.ts';
import { CatalogueImport } from '../parts/catalogue-import.tsx';
import { ProcedureEditor } from '../parts/procedure-editor.tsx';
import { useLoaded } from '../use-loaded.ts';
import { useSiteConfig } from '../use-site-config.ts';

const shownAtMost = 100;

/** The kiosk's procedures: search them as a citizen would, see and edit each one's service, import a new catalogue. */
export function ProceduresPage() {
  const { t, lang } = useAdmin();
  const { data: catalogue, reload } = useLoaded('catalogue');
  const { config } = useSiteConfig();
  const [query, setQuery] = useState('');
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
  return (
    <section>
      <h1>
        {t('admin:procedures.title')} {catalogue.sample && <span class="pill pill--sample">{t('admin:procedures.sample')}</span>}
      </h1>
      <p>{t('admin:procedures.count', { procedures: catalogue.procedures.length, fields: catalogue.fields.length })}</p>
      <CatalogueImport currentProcedures={catalogue.procedures.length} onImported={reload} />
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
