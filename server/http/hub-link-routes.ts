import { HubJoinPayload } from '../../protocol/hub/hub-link.ts';
import { audit } from '../app/audited-change.ts';
import type { AppContext } from '../app/context.ts';
import { parsePayload } from '../app/results.ts';
import { httpError, okResponse } from './http-results.ts';
import type { Router } from './router.ts';

/** The centre's link to its province hub, for the admin: how it stands, and joining with a code. */
export function addHubLinkRoutes(router: Router, ctx: AppContext): void {
  router.add('hubLink', () => okResponse({ link: ctx.hubLink?.view() ?? null }));

  router.add('joinHub', async (r) => {
    const p = parsePayload(HubJoinPayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    if (!ctx.hubLink) return httpError(ctx, r, 'admin:hub.not_configured');
    const joined = await ctx.hubLink.join(p.value.joinCode);
    if (!joined.ok) {
      return joined.kind === 'unreachable'
        ? { ...httpError(ctx, r, 'admin:hub.unreachable', { detail: joined.error }), status: 502 }
        : { ...httpError(ctx, r, joined.code, joined.params), status: 409 };
    }
    await audit(ctx, r.principal, 'hub.joined', joined.value.centre.code, {
      after: { hub: ctx.settings.hub?.url, name: joined.value.centre.name },
    });
    return okResponse({ link: ctx.hubLink.view() });
  });
}
