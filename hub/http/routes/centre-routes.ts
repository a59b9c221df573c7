import { NewCentrePayload } from '../../../protocol/hub/centres.ts';
import type { HubContext } from '../../hub-context.ts';
import { parseBody } from '../hub-http.ts';
import type { HubRoutes } from '../hub-request.ts';
import { readerCentre } from '../hub-request.ts';
import { hubError, hubOk } from '../hub-results.ts';

/** The province's centres: the status board as JSON, entering centres, join codes, revocation. */
export function addCentreRoutes(routes: HubRoutes, ctx: HubContext): void {
  // The same snapshot the board's socket gets, for integrators polling with a `status:read` token.
  routes.add('status', async (r) => {
    const snapshot = await ctx.live.snapshot();
    const only = readerCentre(r.principal);
    if (only === null) return hubOk(snapshot);
    const code = (await ctx.centres.list()).find((c) => c.id === only)?.code;
    return hubOk({ ...snapshot, centres: snapshot.centres.filter((c) => c.code === code) });
  });

  routes.add('createCentre', async (r) => {
    const p = await parseBody(ctx, r, NewCentrePayload);
    if (!p.ok) return p.response;
    const centre = await ctx.centres.create(p.value, ctx.clock());
    if (!centre) return hubError(ctx, r, 'hub:centres.code_taken', { code: p.value.code });
    ctx.live.changed();
    return hubOk({ code: centre.code, name: centre.name, level: centre.level }, 201);
  });

  routes.add('makeJoinCode', async (r) => {
    const made = await ctx.centres.makeJoinCode(r.params.code.toUpperCase(), ctx.clock());
    if (!made) return hubError(ctx, r, 'not_found');
    ctx.live.changed();
    return hubOk(made, 201);
  });

  routes.add('revokeCentre', async (r) => {
    if (!(await ctx.centres.revoke(r.params.code.toUpperCase(), ctx.clock()))) return hubError(ctx, r, 'not_found');
    ctx.live.changed();
    return hubOk(null);
  });
}
