import * as v from 'valibot';
import { StatusReportSchema, type StatusReceipt } from '../../../protocol/hub/centre-status.ts';
import { JoinPayload } from '../../../protocol/hub/centres.ts';
import { EventBatchSchema, type HubCursor } from '../../../protocol/hub/shipped-event.ts';
import { statusChanged } from '../../../server/core/centre-problems.ts';
import { logger } from '../../../server/log.ts';
import type { HubContext } from '../../hub-context.ts';
import { guarded } from '../hub-attempts.ts';
import { parseBody } from '../hub-http.ts';
import type { HubRoutes } from '../hub-request.ts';
import { hubError, hubOk } from '../hub-results.ts';

const log = logger('hub-link');

/**
 * What centres' boxes call (`/api/hub/v1/…`): joining once with a join code, then with the
 * centre token: shipping events, reporting status, pulling the published catalogue.
 */
export function addLinkRoutes(routes: HubRoutes, ctx: HubContext): void {
  routes.add('join', async (r) => {
    const p = await parseBody(ctx, r, JoinPayload);
    if (!p.ok) return p.response;
    return guarded(ctx, r, null, async (attempt) => {
      const receipt = await ctx.centres.join(p.value.centreCode, p.value.joinCode, ctx.clock());
      if (!receipt) {
        attempt.failed();
        return hubError(ctx, r, 'hub:link.join_refused', undefined, 403);
      }
      attempt.succeeded();
      log.info('centre joined', { centre: receipt.centre.code });
      ctx.live.changed();
      return hubOk(receipt);
    });
  });

  routes.add('cursor', async (r) => {
    await ctx.centres.touch(r.principal.centre.id, ctx.clock());
    const cursor: HubCursor = { days: await ctx.ingest.cursors(r.principal.centre.id) };
    return hubOk(cursor);
  });

  routes.add('shipEvents', async (r) => {
    const p = await parseBody(ctx, r, EventBatchSchema);
    if (!p.ok) return p.response;
    const outcome = await ctx.ingest.ingest(r.principal.centre, p.value, ctx.clock());
    if (!outcome.ok) {
      if (outcome.code !== 'hub:link.gap') log.warn('events refused', { centre: r.principal.centre.code, ...outcome });
      const params = { day: outcome.cursor.day, seq: outcome.cursor.seq, ...('seq' in outcome && { at: outcome.seq }) };
      return hubError(ctx, r, outcome.code, params, outcome.code === 'hub:link.gap' ? 409 : 422);
    }
    if (outcome.stored > 0) {
      ctx.dispatcher.poke();
      ctx.live.changed();
    }
    return hubOk(outcome.cursor);
  });

  routes.add('reportStatus', async (r) => {
    const p = await parseBody(ctx, r, StatusReportSchema);
    if (!p.ok) return p.response;
    const before = r.principal.centre;
    await ctx.centres.saveStatus(before.id, p.value.live, p.value.profile, ctx.clock());
    if (statusChanged(before.live, p.value.live)) await ctx.live.statusChanged({ ...before, live: p.value.live });
    ctx.live.changed();
    const receipt: StatusReceipt = { publishedCatalogue: await ctx.catalogue.latestVersion(), serverTime: ctx.clock() };
    return hubOk(receipt);
  });

  routes.add('publishedCatalogue', async (r) => {
    const latest = await ctx.catalogue.latest();
    if (!latest) return hubError(ctx, r, 'hub:catalogue.none_published', undefined, 404);
    const since = v.safeParse(v.pipe(v.string(), v.transform(Number), v.integer()), r.query.get('since') ?? '');
    // A centre that already shows this version is not sent 2,000 procedures again.
    if (since.success && since.output >= latest.version) return hubOk({ version: latest.version, unchanged: true });
    return hubOk(latest);
  });
}
