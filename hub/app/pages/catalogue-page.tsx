import { useState } from 'preact/hooks';
import type { ApiError } from '../hub-api.ts';
import { FilePicker } from '../../../client/file-picker.tsx';
import { useHubApp, useHubLoaded, useHubTime } from '../hub-app-context.ts';
import { FeeEditor } from '../parts/fee-editor.tsx';

import type { CatalogueProblemView } from '../../../protocol/http-views.ts';

/** The province's procedure list: import it once, set the province's fees, publish versions the centres pull. */
export function CataloguePage() {
  const { t, api } = useHubApp();
  const time = useHubTime();
  const { data: draft, reload } = useHubLoaded('catalogueDraft');
  const [refused, setRefused] = useState<{ error: ApiError; problems: CatalogueProblemView[] } | null>(null);
  const [note, setNote] = useState('');
  const [published, setPublished] = useState<number | null>(null);
  if (!draft) return <p>{t('common:connecting')}</p>;
  const latest = draft.versions[0] ?? null;
  const { changes } = draft;
  const changed = changes.added + changes.removed + changes.changed + changes.fees > 0;

  const upload = async (file: File, input: HTMLInputElement) => {
    const r = await api.upload('importCatalogue', await file.text(), 'text/plain; charset=utf-8', { query: { name: file.name } });
    input.value = '';
    setRefused(r.ok ? null : { error: r.error, problems: r.problems ?? [] });
    await reload();
  };
  const publish = async (fromVersion?: number) => {
    const r = await api.call('publishCatalogue', { body: { note: note.trim(), ...(fromVersion && { fromVersion }) } });
    if (r.ok) {
      setPublished(r.value.version);
      setNote('');
    }
    await reload();
  };

  return (
    <section>
      <h1>{t('hub:catalogue.title')}</h1>
      <div class="two-columns">
        <div class="panel">
          <h2>{t('hub:catalogue.draft')}</h2>
          {draft.catalogue ? (
            <p data-testid="draft-summary">
              {t('admin:procedures.count', { procedures: draft.catalogue.procedures.length, fields: draft.catalogue.fields.length })}{' '}
              {draft.updatedAt && (
                <span class="hint">{t('hub:catalogue.updated', { when: time(draft.updatedAt), by: draft.updatedBy })}</span>
              )}
            </p>
          ) : (
            <p class="hint">{t('hub:catalogue.noDraft')}</p>
          )}
          <p class="hint">{t('admin:procedures.importHint')}</p>
          <FilePicker
            name="catalogue-file"
            accept=".json,.csv,.txt,application/json,text/csv"
            label={t('admin:procedures.chooseFile')}
            onFile={(f, i) => void upload(f, i)}
          />
          {refused && (
            <div class="notice notice--bad" role="alert">
              <p>{refused.error.message}</p>
              <ul class="problems">
                {refused.problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
          <h3>{t('hub:catalogue.changes')}</h3>
          <p data-testid="draft-changes">
            {changed
              ? t('hub:catalogue.changeCounts', changes)
              : t(latest ? 'hub:catalogue.sameAsPublished' : 'hub:catalogue.nothingPublished')}
          </p>
          <label>
            {t('hub:catalogue.note')}
            <input name="note" value={note} maxLength={200} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <div class="form-actions">
            <button type="button" disabled={!draft.catalogue || (!changed && latest !== null)} onClick={() => void publish()}>
              {t('hub:catalogue.publish')}
            </button>
          </div>
          {published !== null && <p class="notice notice--ok">{t('hub:catalogue.published', { version: published })}</p>}
        </div>
        <div class="panel">
          <h2>{t('hub:catalogue.versions')}</h2>
          <table class="table">
            <thead>
              <tr>
                <th>{t('hub:catalogue.version')}</th>
                <th>{t('hub:catalogue.publishedAt')}</th>
                <th>{t('hub:catalogue.procedures')}</th>
                <th>{t('hub:catalogue.fees')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {draft.versions.map((v) => (
                <tr key={v.version}>
                  <td>
                    <strong>v{v.version}</strong> {v.note && <div class="hint">{v.note}</div>}
                  </td>
                  <td>
                    {time(v.publishedAt)} <div class="hint">{v.publishedBy}</div>
                  </td>
                  <td>{v.procedures}</td>
                  <td>{v.fees}</td>
                  <td class="actions">
                    {v.version !== latest?.version && (
                      <button type="button" class="small secondary" onClick={() => void publish(v.version)}>
                        {t('hub:catalogue.republish')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('hub:catalogue.atCentres')}</h3>
          <ul class="inline-list">
            {draft.centres.map((c) => (
              <li key={c.code} class={`pill ${c.version !== null && c.version === latest?.version ? 'pill--open' : 'pill--paused'}`}>
                {c.name}: {c.version === null ? '–' : `v${c.version}`}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {draft.catalogue && <FeeEditor draft={draft} onSaved={reload} />}
    </section>
  );
}
