import { NewWebhookPayload } from '../../protocol/webhooks.ts';
import { audit } from '../app/audited-change.ts';
import type { AppContext } from '../app/context.ts';
import { parsePayload } from '../app/results.ts';
import { httpError, okResponse } from './http-results.ts';
import type { Router } from './router.ts';

/** The centre's webhooks for integrators, and their delivery log. */
export function addWebhookRoutes(router: Router, ctx: AppContext): void {
  router.add('webhooks', () => okResponse(ctx.webhooks?.views() ?? []));

  router.add('createWebhook', async (r) => {
    const p = parsePayload(NewWebhookPayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    if (!ctx.webhooks) return httpError(ctx, r, 'store_unavailable');
    const made = await ctx.webhooks.create(p.value);
    await audit(ctx, r.principal, 'webhook.created', p.value.url, { after: { events: p.value.events } });
    return okResponse(made, 201);
  });

  router.add('disableWebhook', async (r) => {
    if (!(await ctx.webhooks?.disable(r.params.id))) return httpError(ctx, r, 'not_found');
    await audit(ctx, r.principal, 'webhook.disabled', r.params.id);
    return okResponse(null);
  });

  router.add('webhookDeliveries', (r) =>
    okResponse(ctx.webhooks?.deliveries(Math.min(500, Math.max(1, Number(r.query.get('limit')) || 100))) ?? []),
  );
}
