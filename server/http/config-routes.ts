import type { SiteConfig } from '../../protocol/site-config.ts';
import { audit } from '../app/audited-change.ts';
import type { AppContext } from '../app/context.ts';
import { failure } from '../app/results.ts';
import { announcementGaps } from '../voice/announcement-check.ts';
import { httpError, okResponse } from './http-results.ts';
import { addLimitsRoutes } from './limits-routes.ts';
import type { IncomingRequest, Refused, Router } from './router.ts';

/** What every change answers: the config as stored, or why it was refused. */
type ChangeResponse = Refused | { status: number; result: { ok: true; value: SiteConfig } };

type Edit = (
  config: SiteConfig,
  body: unknown,
  id: string,
) => { next: unknown; subject: string; before: unknown; after: unknown } | 'not_found';

/**
 * The site configuration, edited live by the admin: the centre, services, counters and limits. Every
 * change is validated as a whole config (a counter may not name a missing service), saved,
 * audited, and then shown on every screen (the broadcaster listens to the site store).
 */
export function addConfigRoutes(router: Router, ctx: AppContext): void {
  // Each edit is made inside the site store's queue on the config as the previous change left
  // it, so two admins' edits never overwrite each other half-way.
  const change =
    (action: string, edit: Edit, check: (body: unknown, r: IncomingRequest) => Refused | null = () => null) =>
    async (r: IncomingRequest & { params: { id?: string } }): Promise<ChangeResponse> => {
      const body = r.req.method === 'DELETE' ? undefined : await r.body();
      const refused = check(body, r);
      if (refused) return refused;
      const saved = await ctx.site.update((stored) => {
        const made = edit(stored, body, r.params.id ?? '');
        return made === 'not_found' ? { refused: null } : { next: made.next, result: made };
      });
      if (saved.kind === 'refused' || (saved.kind === 'saved' && saved.result === null)) return httpError(ctx, r, 'not_found');
      if (saved.kind === 'invalid') {
        const result = failure(
          ctx.translator,
          r.lang,
          {
            code: 'admin:config.invalid',
            params: {
              detail: saved.problems
                .slice(0, 5)
                .map((p) => problemText(ctx, r, p))
                .join('; '),
            },
          },
          ctx.site.get().centre.timeZone,
        );
        return { status: 400, result };
      }
      const made = saved.result;
      if (made) await audit(ctx, r.principal, action, made.subject, { before: made.before, after: made.after });
      return okResponse(ctx.site.stored());
    };

  router.add('config', () => okResponse(ctx.site.stored()));

  router.add(
    'saveCentre',
    change(
      'config.centre',
      (c, body) => ({ next: { ...c, centre: body }, subject: c.centre.name.vi, before: c.centre, after: body }),
      (body, r) => unsayableSentences(ctx, r, body),
    ),
  );

  // The government's schedule for one year, saved whole (the calendar page).
  router.add(
    'saveCalendarYear',
    change('config.calendar', (c, body, id) => {
      const year = Number(id);
      const before = c.centre.calendar.find((y) => y.year === year) ?? null;
      const after = typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, year } : body;
      const calendar = [...c.centre.calendar.filter((y) => y.year !== year), after];
      return { next: { ...c, centre: { ...c.centre, calendar } }, subject: id, before, after };
    }),
  );

  // A service or counter is saved whole under its id; the body's id must be the one in the path.
  router.add(
    'saveService',
    change('config.service', (c, body, id) => {
      const before = c.services.find((s) => s.id === id) ?? null;
      const after = withId(body, id);
      const services = before ? c.services.map((s) => (s.id === id ? after : s)) : [...c.services, after];
      return { next: { ...c, services }, subject: id, before, after };
    }),
  );
  // A service still served by a counter is refused by the schema: remove it from the counters first.
  router.add(
    'removeService',
    change('config.service_removed', (c, _body, id) => {
      const before = c.services.find((s) => s.id === id);
      if (!before) return 'not_found';
      return { next: { ...c, services: c.services.filter((s) => s.id !== id) }, subject: id, before, after: null };
    }),
  );

  router.add(
    'saveCounter',
    change('config.counter', (c, body, id) => {
      const number = Number(id);
      const before = c.counters.find((k) => k.id === number) ?? null;
      const after = withId(body, number);
      const counters = before ? c.counters.map((k) => (k.id === number ? after : k)) : [...c.counters, after];
      return { next: { ...c, counters }, subject: id, before, after };
    }),
  );
  router.add(
    'removeCounter',
    change('config.counter_removed', (c, _body, id) => {
      const before = c.counters.find((k) => k.id === Number(id));
      if (!before) return 'not_found';
      return { next: { ...c, counters: c.counters.filter((k) => k.id !== before.id) }, subject: id, before, after: null };
    }),
  );

  // The limits are replaced whole and answer with their defaults: their own routes.
  addLimitsRoutes(router, ctx);
}

/** The body with the path's id, so the path decides what is saved (the schema checks the rest). */
function withId(body: unknown, id: string | number): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, id } : body;
}

/**
 * Refuses announcement sentences that no voice can say (issue 18: one such edit silenced every
 * board), naming each sentence and the phrases it lacks; record them first, then save.
 */
function unsayableSentences(ctx: AppContext, r: IncomingRequest, body: unknown): Refused | null {
  const announcement = typeof body === 'object' && body !== null ? (body as { announcement?: unknown }).announcement : undefined;
  const gaps = announcementGaps(announcement, ctx.generatedVoices, new Set(Object.keys(ctx.voicePack.clips())));
  if (gaps.length === 0) return null;
  const words = gaps.map((gap) => `«${gap.template}»: ${gap.missing.map((word) => `«${word}»`).join(', ')}`).join('; ');
  return { ...httpError(ctx, r, 'voice:config.missing_clips', { words }), status: 400 };
}

/**
 * A schema problem in the admin's language: some rules (the voice library's template check)
 * name an i18n key such as `voice:config.bad_template` instead of an English sentence.
 */
function problemText(ctx: AppContext, r: IncomingRequest, problem: string): string {
  const keyed = /^(.*?)([a-z]+:[a-z_]+(?:\.[a-z_]+)+)$/.exec(problem);
  return keyed ? `${keyed[1] ?? ''}${ctx.translator.t(r.lang, keyed[2] ?? '')}` : problem;
}
