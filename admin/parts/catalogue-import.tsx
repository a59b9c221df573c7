import { useState } from 'preact/hooks';
import type { CatalogueImportSummary, CatalogueProblemView } from '../../protocol/http-views.ts';
import { useAdmin } from '../admin-context.ts';
import type { ApiError } from '../admin-api.ts';
import { FilePicker } from '../../client/file-picker.tsx';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'preview'; file: File; summary: CatalogueImportSummary }
  | { kind: 'running' }
  | { kind: 'done'; summary: CatalogueImportSummary }
  | { kind: 'refused'; error: ApiError; problems: CatalogueProblemView[] };

/**
 * Importing a catalogue file: the server reads it (any encoding Excel saves) and shows what it
 * holds, the admin checks the letters and the counts, and only then imports it. The file's
 * bytes go up as they are: the browser would read a Windows-1258 file as broken UTF-8.
 */
export function CatalogueImport(props: { currentProcedures: number; onImported: () => Promise<void> }) {
  const { t, api } = useAdmin();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const send = (file: File, preview: boolean) =>
    api.upload('importCatalogue', file, 'application/octet-stream', {
      query: { name: file.name, ...(preview && { preview: '1' as const }) },
    });
  const refused = (error: ApiError, problems: CatalogueProblemView[] | undefined): ImportState => ({
    kind: 'refused',
    error,
    problems: problems ?? [],
  });
  const check = async (file: File, input: HTMLInputElement) => {
    setState({ kind: 'checking' });
    const r = await send(file, true);
    input.value = '';
    setState(r.ok ? { kind: 'preview', file, summary: r.value } : refused(r.error, r.problems));
  };
  const confirm = async (file: File) => {
    setState({ kind: 'running' });
    const r = await send(file, false);
    setState(r.ok ? { kind: 'done', summary: r.value } : refused(r.error, r.problems));
    if (r.ok) await props.onImported();
  };
  const encoding = (s: CatalogueImportSummary) => t(`admin:catalogueImport.encodings.${s.encoding}`, { defaultValue: s.encoding });
  return (
    <div class="panel catalogue-import">
      <h2>{t('admin:procedures.import')}</h2>
      <p class="hint">{t('admin:procedures.importHint')}</p>
      <FilePicker
        name="catalogue-file"
        accept=".json,.csv,.txt,application/json,text/csv"
        label={t('admin:procedures.chooseFile')}
        onFile={(f, input) => void check(f, input)}
      />
      {state.kind === 'checking' && <p role="status">{t('admin:catalogueImport.checking')}</p>}
      {state.kind === 'running' && <p role="status">{t('admin:save.saving')}</p>}
      {state.kind === 'preview' && (
        <section class="import-preview" aria-label={t('admin:catalogueImport.previewTitle')}>
          <h3>{t('admin:catalogueImport.previewTitle')}</h3>
          <p data-testid="import-read">
            {t('admin:catalogueImport.read', {
              format: state.summary.format.toUpperCase(),
              encoding: encoding(state.summary),
              procedures: state.summary.procedures,
              fields: state.summary.fields,
            })}
          </p>
          <p>{t('admin:catalogueImport.replaces', { current: props.currentProcedures })}</p>
          {state.summary.unmapped.length > 0 && (
            <p class="notice notice--bad">
              {t('admin:procedures.unmapped', {
                count: state.summary.unmapped.length,
                codes: state.summary.unmapped.slice(0, 5).join(', '),
              })}
            </p>
          )}
          <table class="table">
            <caption>{t('admin:catalogueImport.first')}</caption>
            <thead>
              <tr>
                <th>{t('admin:procedures.code')}</th>
                <th>{t('admin:procedures.name')}</th>
                <th>{t('admin:procedures.field')}</th>
              </tr>
            </thead>
            <tbody>
              {state.summary.firstProcedures.map((p) => (
                <tr key={p.code} data-preview-procedure={p.code}>
                  <td class="code">{p.code}</td>
                  <td>{p.name}</td>
                  <td>{state.summary.byField.find((f) => f.id === p.fieldId)?.name ?? p.fieldId}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t('admin:catalogueImport.byField')}: {state.summary.byField.map((f) => `${f.name} (${f.procedures})`).join(', ')}
          </p>
          <div class="form-actions">
            <button type="button" data-action="confirm-import" onClick={() => void confirm(state.file)}>
              {t('admin:catalogueImport.confirm')}
            </button>
            <button type="button" class="secondary" onClick={() => setState({ kind: 'idle' })}>
              {t('admin:catalogueImport.cancel')}
            </button>
          </div>
        </section>
      )}
      {state.kind === 'done' && (
        <p class="notice notice--ok" role="status">
          {t('admin:procedures.imported', { procedures: state.summary.procedures, fields: state.summary.fields })}
          {state.summary.unmapped.length > 0 &&
            ` ${t('admin:procedures.unmapped', { count: state.summary.unmapped.length, codes: state.summary.unmapped.slice(0, 5).join(', ') })}`}
        </p>
      )}
      {state.kind === 'refused' && (
        <div class="notice notice--bad" role="alert">
          <p>{state.error.message}</p>
          <ul class="problems">
            {state.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
