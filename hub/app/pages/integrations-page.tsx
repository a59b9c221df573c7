import { useMemo, useState } from 'preact/hooks';
import type { MachineScope } from '../../../protocol/hub/hub-access.ts';
import { machineScopes } from '../../../protocol/hub/hub-access.ts';
import { useHubApp, useHubLoaded, useHubTime } from '../hub-app-context.ts';
import { WebhooksPanel, type WebhookSource } from '../../../client/webhooks-panel.tsx';

/** A scope's label key: i18next reads `:` as the namespace separator, so the key spells it `_`. */
const scopeKey = (scope: MachineScope) => `hub:tokens.scopes.${scope.replace(':', '_')}`;

/** What integrators get: webhooks (SMS, Zalo, the provincial one-stop system) and machine tokens for reading. */
export function IntegrationsPage() {
  const { t, api } = useHubApp();
  const time = useHubTime();
  const source = useMemo<WebhookSource>(
    () => ({
      list: () => api.call('webhooks'),
      deliveries: () => api.call('webhookDeliveries', { query: { limit: 50 } }),
      create: (body) => api.call('createWebhook', { body }),
      disable: (id) => api.call('disableWebhook', { params: { id } }),
      retry: (id) => api.call('retryDelivery', { params: { id } }),
    }),
    [api],
  );
  return (
    <section>
      <h1>{t('hub:integrations.title')}</h1>
      <p class="hint">{t('hub:integrations.help')}</p>
      <WebhooksPanel t={t} source={source} time={time} atHub />
      <MachineTokensPanel />
    </section>
  );
}

function MachineTokensPanel() {
  const { t, api } = useHubApp();
  const time = useHubTime();
  const { data: tokens, reload } = useHubLoaded('machineTokens');
  const [form, setForm] = useState({ name: '', scopes: ['status:read'] as MachineScope[], centreCode: '' });
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = async (e: Event) => {
    e.preventDefault();
    const r = await api.call('createMachineToken', { body: { ...form, centreCode: form.centreCode.trim() || null } });
    setMade(r.ok ? r.value.token : null);
    setError(r.ok ? null : r.error.message);
    await reload();
  };
  const revoke = async (id: string) => {
    await api.call('revokeMachineToken', { params: { id } });
    await reload();
  };
  const toggle = (scope: MachineScope) =>
    setForm({ ...form, scopes: form.scopes.includes(scope) ? form.scopes.filter((s) => s !== scope) : [...form.scopes, scope] });
  return (
    <div class="panel">
      <h2>{t('hub:tokens.title')}</h2>
      <form class="inline-form" onSubmit={create}>
        <label>
          {t('hub:tokens.name')}
          <input name="token-name" required value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
        </label>
        {machineScopes.map((s) => (
          <label key={s} class="check">
            <input type="checkbox" checked={form.scopes.includes(s)} onChange={() => toggle(s)} /> {t(scopeKey(s))}
          </label>
        ))}
        <label>
          {t('hub:tokens.centre')}
          <input
            name="token-centre"
            value={form.centreCode}
            placeholder={t('hub:tokens.allCentres')}
            onInput={(e) => setForm({ ...form, centreCode: e.currentTarget.value })}
          />
        </label>
        <button type="submit">{t('hub:tokens.create')}</button>
      </form>
      {error && <p class="notice notice--bad">{error}</p>}
      {made && (
        <p class="notice notice--ok" data-testid="new-token">
          {t('hub:tokens.shownOnce')} <code class="code">{made}</code>
        </p>
      )}
      <table class="table">
        <thead>
          <tr>
            <th>{t('hub:tokens.name')}</th>
            <th>{t('hub:tokens.scopesTitle')}</th>
            <th>{t('hub:tokens.centre')}</th>
            <th>{t('hub:tokens.lastUsed')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens?.map((m) => (
            <tr key={m.id} class={m.revokedAt ? 'row--disabled' : ''}>
              <td>{m.name}</td>
              <td>{m.scopes.map((s) => t(scopeKey(s))).join(', ')}</td>
              <td>{m.centreCode ?? t('hub:tokens.allCentres')}</td>
              <td>{m.revokedAt ? t('hub:tokens.revoked') : m.lastUsedAt ? time(m.lastUsedAt) : '–'}</td>
              <td class="actions">
                {!m.revokedAt && (
                  <button type="button" class="small danger" onClick={() => void revoke(m.id)}>
                    {t('hub:tokens.revoke')}
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
