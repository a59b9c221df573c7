import type { CounterConfig } from '../../protocol/site-config.ts';
import { named, useAdmin } from '../admin-context.ts';
import { EditorActions, SaveStatus } from '../parts/save-status.tsx';
import { useConfigEditor } from '../use-config-editor.ts';

interface Draft {
  isNew: boolean;
  id: string;
  nameVi: string;
  nameEn: string;
  mode: 'order' | 'weight';
  /** Served services in calling order, each with its weight. */
  services: Array<{ serviceId: string; weight: number }>;
}

function draftOf(c: CounterConfig): Draft {
  return {
    isNew: false,
    id: String(c.id),
    nameVi: c.name.vi,
    nameEn: c.name.en,
    mode: c.mode,
    services: c.services.map((s) => ({ ...s })),
  };
}

/** Counters: number, name, and the services each serves, in calling order or with weights. */
export function CountersPage() {
  const { t, lang, api } = useAdmin();
  const { config, draft, setDraft, save, editor, put, remove: removeItem } = useConfigEditor<Draft>();
  if (!config) return <p>{t('common:connecting')}</p>;
  const serviceName = (id: string) => {
    const s = config.services.find((x) => x.id === id);
    return s ? `${s.code} · ${named(s.name, lang)}` : id;
  };
  const nextNumber = Math.max(0, ...config.counters.map((c) => c.id)) + 1;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    const body = { name: { vi: draft.nameVi, en: draft.nameEn }, mode: draft.mode, services: draft.services };
    await put(() => api.call('saveCounter', { params: { id: draft.id.trim() }, body }));
  };
  const remove = (id: number) =>
    removeItem(t('admin:counters.confirmRemove', { id }), () => api.call('removeCounter', { params: { id: String(id) } }));
  const toggle = (serviceId: string, on: boolean) =>
    draft &&
    setDraft({
      ...draft,
      services: on ? [...draft.services, { serviceId, weight: 1 }] : draft.services.filter((s) => s.serviceId !== serviceId),
    });
  const move = (i: number, by: number) => {
    if (!draft) return;
    const list = [...draft.services];
    const [item] = list.splice(i, 1);
    list.splice(Math.max(0, Math.min(list.length, i + by)), 0, item!);
    setDraft({ ...draft, services: list });
  };
  return (
    <section>
      <h1>{t('admin:counters.title')}</h1>
      <table class="table">
        <thead>
          <tr>
            <th>{t('admin:counters.number')}</th>
            <th>{t('admin:counters.name')}</th>
            <th>{t('admin:counters.services')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {config.counters.map((c) => (
            <tr key={c.id} data-counter={c.id}>
              <td>
                <strong>{c.id}</strong>
              </td>
              <td>{named(c.name, lang)}</td>
              <td>
                {c.services
                  .map((s) => (c.mode === 'weight' ? `${serviceName(s.serviceId)} ×${s.weight}` : serviceName(s.serviceId)))
                  .join(c.mode === 'weight' ? ' · ' : ' → ')}
              </td>
              <td class="actions">
                <button type="button" class="small" onClick={() => setDraft(draftOf(c))}>
                  {t('admin:edit')}
                </button>
                <button type="button" class="small danger" onClick={() => void remove(c.id)}>
                  {t('admin:remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="form-actions">
        <button
          type="button"
          name="add-counter"
          onClick={() =>
            setDraft({
              isNew: true,
              id: String(nextNumber),
              nameVi: `Quầy ${nextNumber}`,
              nameEn: `Counter ${nextNumber}`,
              mode: 'order',
              services: [],
            })
          }
        >
          {t('admin:counters.add')}
        </button>
        <SaveStatus state={save} />
      </div>
      {draft && (
        <form class="config-form editor" onSubmit={submit} ref={editor}>
          <h2>{draft.isNew ? t('admin:counters.add') : t('admin:counters.edit', { id: draft.id })}</h2>
          <div class="grid">
            <label>
              {t('admin:counters.number')}
              <input
                name="id"
                type="number"
                min={1}
                max={99}
                value={draft.id}
                disabled={!draft.isNew}
                onInput={(e) => setDraft({ ...draft, id: e.currentTarget.value })}
              />
            </label>
            <label>
              {t('admin:counters.nameVi')}
              <input name="nameVi" value={draft.nameVi} required onInput={(e) => setDraft({ ...draft, nameVi: e.currentTarget.value })} />
            </label>
            <label>
              {t('admin:counters.nameEn')}
              <input name="nameEn" value={draft.nameEn} required onInput={(e) => setDraft({ ...draft, nameEn: e.currentTarget.value })} />
            </label>
            <label>
              {t('admin:counters.mode')}
              <select
                name="mode"
                value={draft.mode}
                onChange={(e) => setDraft({ ...draft, mode: e.currentTarget.value === 'weight' ? 'weight' : 'order' })}
              >
                <option value="order">{t('admin:counters.modeOrder')}</option>
                <option value="weight">{t('admin:counters.modeWeight')}</option>
              </select>
            </label>
          </div>
          <fieldset>
            <legend>{t('admin:counters.services')}</legend>
            <ol class="served-list">
              {draft.services.map((s, i) => (
                <li key={s.serviceId}>
                  <span class="served-place">{i + 1}.</span>
                  <span class="served-name">{serviceName(s.serviceId)}</span>
                  {draft.mode === 'weight' ? (
                    <input
                      type="number"
                      min={1}
                      max={100}
                      aria-label={t('admin:counters.weight')}
                      value={s.weight}
                      onInput={(e) =>
                        setDraft({
                          ...draft,
                          services: draft.services.map((x) =>
                            x.serviceId === s.serviceId ? { ...x, weight: Number(e.currentTarget.value) } : x,
                          ),
                        })
                      }
                    />
                  ) : (
                    <span class="order-buttons">
                      <button type="button" class="small" aria-label={t('admin:counters.up')} onClick={() => move(i, -1)}>
                        ↑
                      </button>
                      <button type="button" class="small" aria-label={t('admin:counters.down')} onClick={() => move(i, 1)}>
                        ↓
                      </button>
                    </span>
                  )}
                </li>
              ))}
            </ol>
            <div class="check-grid">
              {config.services.map((s) => (
                <label key={s.id} class="check">
                  <input
                    type="checkbox"
                    name={`serves-${s.id}`}
                    checked={draft.services.some((x) => x.serviceId === s.id)}
                    onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                  />
                  {serviceName(s.id)}
                </label>
              ))}
            </div>
          </fieldset>
          <EditorActions onCancel={() => setDraft(null)} />
        </form>
      )}
    </section>
  );
}
