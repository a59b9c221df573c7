import { IssueTicketPayload, TicketRef } from '../../protocol/commands.ts';
import type { SiteInfoView } from '../../protocol/http-views.ts';
import { LocalDay } from '../../protocol/site-config.ts';
import * as v from 'valibot';
import { verifyTicketRef } from '../auth/tokens.ts';
import { clerkName } from '../app/counter-actions.ts';
import type { AppContext } from '../app/context.ts';
import { parsePayload } from '../app/results.ts';
import { dayTickets } from '../app/day-tickets.ts';
import { csvStyle } from '../app/csv-style.ts';
import { ticketsCsv } from '../app/ticket-csv.ts';
import { serverHealth } from '../app/server-health.ts';
import { issueTicket } from '../app/ticketing.ts';
import { followView } from '../app/live-views.ts';
import { computeStatistics } from '../core/statistics.ts';
import { configVersion } from '../views/config-version.ts';
import { voicePackStatus } from '../voice/voice-pack-status.ts';
import { sharedView } from '../views/shared-view.ts';
import { fromResult, httpError, okResponse } from './http-results.ts';
import type { Router } from './router.ts';
import { sharedOk } from './shared-results.ts';

/** Tickets, the public catalogue and site, statistics and exports. */
export function addQueueRoutes(router: Router, ctx: AppContext): void {
  // For monitoring: 200 even while numbers cannot be issued (the server itself is up); `store` says so.
  router.add('health', () =>
    okResponse({
      day: ctx.engine.state.day,
      build: ctx.build,
      store: ctx.engine.issuing.ok ? 'ok' : 'unavailable',
      printer: ctx.printing.state(ctx.printing.printerFor(null)),
      ...serverHealth(ctx),
    }),
  );

  // Every board and kiosk asks at start and whenever the config changes: built once per config and voice pack.
  const site = sharedView(
    () => [ctx.site.get(), ctx.voicePack.version],
    () => siteInfo(ctx),
  );
  router.add('site', () => sharedOk(site()));

  // Every kiosk loads it at start: megabytes of JSON for a province, so serialized once per catalogue.
  router.add('catalogue', () => sharedOk(ctx.catalogue.get()));

  router.add('issueTicket', async (r) => {
    const p = parsePayload(IssueTicketPayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    // Over HTTP the answer waits for the printer: the caller (a help desk, a script) has no socket to be told later.
    const { result, printed } = await issueTicket(ctx, r.principal, p.value, r.lang);
    if (!result.ok || !printed) return fromResult(result);
    return fromResult({ ok: true, value: { ...result.value, print: await printed } });
  });

  // The follow page: a signed reference, so nobody can walk through other people's tickets.
  router.add('ticket', (r) => {
    const ref = v.safeParse(TicketRef, r.params.ref);
    const id = ref.success ? verifyTicketRef(ctx.auth.secret, ref.output) : null;
    if (!id) return httpError(ctx, r, 'bad_signature');
    const t = ctx.engine.state.tickets.get(id);
    if (!t) return httpError(ctx, r, 'unknown_ticket');
    return okResponse(followView(ctx, t));
  });

  router.add('statsToday', () => {
    const { centre } = ctx.site.get();
    const stats = computeStatistics(ctx.engine.state.tickets.values(), {
      timeZone: centre.timeZone,
      targetWaitMinutes: centre.targetWaitMinutes,
    });
    return okResponse({ day: ctx.engine.state.day, ...stats });
  });

  router.add('exportTickets', async (r) => {
    const dayParam = r.query.get('day') ?? ctx.engine.state.day;
    const day = v.safeParse(LocalDay, dayParam);
    if (!day.success) return httpError(ctx, r, 'invalid_payload', { detail: 'day: expected YYYY-MM-DD' });
    const style = csvStyle(ctx.translator, r.lang, r.query);
    const csv = ticketsCsv(ctx.site.get(), await dayTickets(ctx, day.output), (id) => clerkName(ctx, id), style);
    r.res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="motcua-tickets-${day.output}.csv"`,
    });
    r.res.end(csv);
    return null;
  });
}

/** The public face of the site config and the recorded voice pack. */
function siteInfo(ctx: AppContext): SiteInfoView {
  const config = ctx.site.get();
  const { centre, services, counters } = config;
  return {
    centre: {
      name: centre.name,
      level: centre.level,
      address: centre.address,
      hotline: centre.hotline,
      timeZone: centre.timeZone,
      ratingScale: centre.ratingScale,
      notices: centre.notices,
    },
    announcement: centre.announcement,
    configVersion: configVersion(config, ctx.voicePack.version),
    // Boards use the recorded pack for the languages it is complete in (they then fetch its manifest).
    voicePack:
      ctx.voicePack.version === ''
        ? null
        : { version: ctx.voicePack.version, complete: voicePackStatus(config, ctx.voicePack.clips(), ctx.voicePack.version).complete },
    services: services.filter((s) => s.enabled).map((s) => ({ id: s.id, code: s.code, name: s.name })),
    counters: counters.map((c) => ({ id: c.id, name: c.name, serviceIds: c.services.map((s) => s.serviceId) })),
  };
}
