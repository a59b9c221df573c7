import { useMemo } from 'preact/hooks';
import { WebhooksPanel, type WebhookSource } from '../../client/webhooks-panel.tsx';
import { useAdmin } from '../admin-context.ts';
import { useCentreTime } from '../use-centre-time.ts';

/** Webhooks for integrators (SMS, Zalo, the provincial one-stop system): this centre's ticket events and status. */
export function IntegrationsPage() {
  const { t, api } = useAdmin();
  const time = useCentreTime();
  const source = useMemo<WebhookSource>(
    () => ({
      list: () => api.call('webhooks'),
      deliveries: () => api.call('webhookDeliveries', { query: { limit: 50 } }),
      create: (body) => api.call('createWebhook', { body }),
      disable: (id) => api.call('disableWebhook', { params: { id } }),
    }),
    [api],
  );
  return (
    <section>
      <h1>{t('admin:nav.integrations')}</h1>
      <p class="hint">{t('admin:integrations.help')}</p>
      <WebhooksPanel t={t} source={source} time={time} atHub={false} />
    </section>
  );
}
