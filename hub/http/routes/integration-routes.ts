import { NewMachineTokenPayload } from '../../../protocol/hub/hub-access.ts';
import { NewWebhookPayload } from '../../../protocol/webhooks.ts';
import type { HubContext } from '../../hub-context.ts';
import { parseBody } from '../hub-http.ts';
import type { HubRoutes } from '../hub-request.ts';
import { hubError, hubOk } from '../hub-results.ts';

/** What integrators get from the province admin: webhooks with their delivery log, and machine tokens. */
export function addIntegrationRoutes(routes: HubRoutes, ctx: HubContext): void {
  routes.add('webhooks', async () => hubOk(await ctx.webhooks.list()));

  routes.add('createWebhook', async (r) => {
    const p = await parseBody(ctx, r, NewWebhookPayload);
    if (!p.ok) return p.response;
    const made = await ctx.webhooks.create({ ...p.value, centreCode: p.value.centreCode?.toUpperCase() || null }, ctx.clock());
    return made ? hubOk(made, 201) : hubError(ctx, r, 'hub:centres.unknown', { code: p.value.centreCode ?? '' }, 400);
  });

  routes.add('disableWebhook', async (r) =>
    isUuid(r.params.id) && (await ctx.webhooks.disable(r.params.id, ctx.clock())) ? hubOk(null) : hubError(ctx, r, 'not_found'),
  );

  routes.add('webhookDeliveries', async (r) => {
    const webhook = r.query.get('webhook');
    if (webhook !== null && !isUuid(webhook)) return hubError(ctx, r, 'not_found');
    const limit = Math.min(500, Math.max(1, Number(r.query.get('limit')) || 100));
    return hubOk(await ctx.webhooks.deliveries(limit, webhook ?? undefined));
  });

  routes.add('retryDelivery', async (r) => {
    if (!/^\d{1,18}$/.test(r.params.id) || !(await ctx.webhooks.retry(r.params.id, ctx.clock()))) return hubError(ctx, r, 'not_found');
    ctx.dispatcher.poke();
    return hubOk(null);
  });

  routes.add('machineTokens', async () => hubOk(await ctx.machines.list()));

  routes.add('createMachineToken', async (r) => {
    const p = await parseBody(ctx, r, NewMachineTokenPayload);
    if (!p.ok) return p.response;
    const made = await ctx.machines.create({ ...p.value, centreCode: p.value.centreCode || null }, r.principal.user.username, ctx.clock());
    return made ? hubOk(made, 201) : hubError(ctx, r, 'hub:centres.unknown', { code: p.value.centreCode ?? '' }, 400);
  });

  routes.add('revokeMachineToken', async (r) =>
    isUuid(r.params.id) && (await ctx.machines.revoke(r.params.id, ctx.clock())) ? hubOk(null) : hubError(ctx, r, 'not_found'),
  );
}

function isUuid(id: string | undefined): id is string {
  return typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);
}
