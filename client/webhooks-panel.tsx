import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ResultError } from '../protocol/result.ts';
import { type DeliveryView, type WebhookEventType, type WebhookView, webhookEventTypes } from '../protocol/webhooks.ts';

type Answer<T> = { ok: true; value: T } | { ok: false; error: ResultError };

/** How the panel reaches its server's webhooks: the centre's routes or the hub's. */
export interface WebhookSource {
  list(): Promise<Answer<WebhookView[]>>;
  deliveries(): Promise<Answer<DeliveryView[]>>;
  create(body: {
    url: string;
    events: WebhookEventType[];
    description: string;
    centreCode?: string | null;
  }): Promise<Answer<{ secret: string }>>;
  disable(id: string): Promise<Answer<null>>;
  /** The hub sends a failed delivery again; a centre has no such thing. */
  retry?(id: string): Promise<Answer<null>>;
}

/** Loads a list, again on `reload` and every `everyMs`. */
function useList<T>(load: () => Promise<Answer<T[]>>, everyMs?: number): { data: T[] | null; reload: () => Promise<void> } {
  const [data, setData] = useState<T[] | null>(null);
  const reload = useCallback(async () => {
    const r = await load();
    if (r.ok) setData(r.value);
  }, [load]);
  useEffect(() => {
    void reload();
    if (!everyMs) return;
    const timer = setInterval(() => void reload(), everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return { data, reload };
}

/**
 * Webhooks, each with its secret shown once, and the delivery log: at a centre (its own events)
 * and at the hub (every centre's, or one centre's, with a retry for failed deliveries).
 */
export function WebhooksPanel(props: { t: TFunction; source: WebhookSource; time: (ms: number) => string; atHub: boolean }) {
  const { t, source, time, atHub } = props;
  const { data: hooks, reload } = useList<WebhookView>(source.list);
  const { data: log, reload: reloadLog } = useList<DeliveryView>(source.deliveries, 10_000);
  const [form, setForm] = useState({ url: '', events: [...webhookEventTypes] as string[], centreCode: '', description: '' });
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = async (e: Event) => {
    e.preventDefault();
    const { centreCode, ...rest } = form;
    const body = { ...rest, events: rest.events as WebhookEventType[] };
    const r = await source.create(atHub ? { ...body, centreCode: centreCode.trim() || null } : body);
    setSecret(r.ok ? r.value.secret : null);
    setError(r.ok ? null : r.error.message);
    await reload();
  };
  const disable = async (id: string) => {
    await source.disable(id);
    await reload();
  };
  const retry = async (id: string) => {
    await source.retry?.(id);
    await reloadLog();
  };
  const toggle = (ev: string) =>
    setForm({ ...form, events: form.events.includes(ev) ? form.events.filter((x) => x !== ev) : [...form.events, ev] });
  const urlOf = (id: string) => hooks?.find((h) => h.id === id)?.url ?? id;
  return (
    <div class="panel">
      <h2>{t('hub:webhooks.title')}</h2>
      <form class="config-form" onSubmit={create}>
        <label>
          {t('hub:webhooks.url')}
          <input
            name="webhook-url"
            type="url"
            required
            value={form.url}
            onInput={(e) => setForm({ ...form, url: e.currentTarget.value })}
          />
        </label>
        <div class="check-grid">
          {webhookEventTypes.map((ev) => (
            <label key={ev} class="check">
              <input type="checkbox" checked={form.events.includes(ev)} onChange={() => toggle(ev)} /> <code>{ev}</code>
            </label>
          ))}
        </div>
        {atHub && (
          <label>
            {t('hub:webhooks.centre')}
            <input
              name="webhook-centre"
              value={form.centreCode}
              placeholder={t('hub:tokens.allCentres')}
              onInput={(e) => setForm({ ...form, centreCode: e.currentTarget.value })}
            />
          </label>
        )}
        <label>
          {t('hub:webhooks.description')}
          <input
            name="webhook-description"
            value={form.description}
            onInput={(e) => setForm({ ...form, description: e.currentTarget.value })}
          />
        </label>
        <div class="form-actions">
          <button type="submit">{t('hub:webhooks.add')}</button>
        </div>
      </form>
      {error && <p class="notice notice--bad">{error}</p>}
      {secret && (
        <p class="notice notice--ok" data-testid="webhook-secret">
          {t('hub:webhooks.secretOnce')} <code class="code">{secret}</code>
        </p>
      )}
      <table class="table">
        <tbody>
          {hooks?.map((h) => (
            <tr key={h.id} class={h.disabledAt ? 'row--disabled' : ''}>
              <td>
                <code>{h.url}</code> {h.description && <div class="hint">{h.description}</div>}
              </td>
              <td>{h.events.join(', ')}</td>
              {atHub && <td>{h.centreCode ?? t('hub:tokens.allCentres')}</td>}
              <td class="actions">
                {!h.disabledAt && (
                  <button type="button" class="small danger" onClick={() => void disable(h.id)}>
                    {t('hub:webhooks.disable')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('hub:webhooks.log')}</h3>
      <table class="table" data-testid="delivery-log">
        <thead>
          <tr>
            <th>{t('hub:webhooks.when')}</th>
            <th>{t('hub:webhooks.event')}</th>
            <th>{t('hub:webhooks.url')}</th>
            <th>{t('hub:webhooks.state')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {log?.map((d) => (
            <tr key={d.id} data-state={d.state}>
              <td>{time(d.lastAttemptAt ?? d.createdAt)}</td>
              <td>
                <code>{d.type}</code> <div class="hint code">{d.eventId}</div>
              </td>
              <td class="code">{urlOf(d.webhookId)}</td>
              <td>
                <span class={`pill ${d.state === 'delivered' ? 'pill--open' : d.state === 'failed' ? 'pill--bad' : 'pill--paused'}`}>
                  {t(`hub:webhooks.states.${d.state}`)}
                </span>{' '}
                <span class="hint">{t('hub:webhooks.attempts', { count: d.attempts, status: d.lastStatus ?? d.lastError ?? '–' })}</span>
              </td>
              <td class="actions">
                {source.retry && d.state === 'failed' && (
                  <button type="button" class="small secondary" onClick={() => void retry(d.id)}>
                    {t('hub:webhooks.retry')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
