import * as v from 'valibot';
import { type LimitProblem, type LimitsView, limitGroupOf } from '../../protocol/limit-fields.ts';
import { type Limits, LimitsSchema, defaultLimits, limitRanges } from '../../protocol/limits.ts';
import { audit } from '../app/audited-change.ts';
import type { AppContext } from '../app/context.ts';
import type { Lang } from '../i18n.ts';
import { httpError, okResponse } from './http-results.ts';
import { withProblems } from './problem-list.ts';
import type { Router } from './router.ts';

/**
 * The site config's `limits`, read and replaced by the admin (Admin → Giới hạn truy cập). Every
 * guard reads them from the site store at each use, so a saved change applies from the next
 * request or event on, without a restart. A refused body names each bad field and saves nothing.
 */
export function addLimitsRoutes(router: Router, ctx: AppContext): void {
  const view = (limits: Limits): LimitsView => ({ limits, defaults: defaultLimits(), ranges: limitRanges() });

  router.add('limits', () => okResponse(view(ctx.site.stored().limits)));

  router.add('saveLimits', async (r) => {
    const body = await r.body();
    // valibot takes an array for an object with keys 0, 1…: refused as the wrong shape, not as limits named "0".
    const parsed = v.safeParse(LimitsSchema, Array.isArray(body) ? null : body, { abortPipeEarly: true });
    if (!parsed.success) {
      const problems = parsed.issues.slice(0, 20).map((issue) => limitProblem(ctx, r.lang, issue));
      const first = problems[0]!;
      return withProblems(
        httpError(ctx, r, 'admin:limits.invalid', { field: fieldName(ctx, r.lang, first.field), problem: first.message }),
        problems,
      );
    }
    const after = parsed.output;
    // Replaced inside the site store's queue, on the config as the previous change left it.
    const saved = await ctx.site.update((stored) => ({ next: { ...stored, limits: after }, result: stored.limits }));
    // Valid limits in a config the store accepted: the rest of it cannot fail, but if it does, it is said as it is.
    if (saved.kind !== 'saved') {
      const detail = saved.kind === 'invalid' ? saved.problems.slice(0, 5).join('; ') : '';
      return { ...httpError(ctx, r, 'admin:config.invalid', { detail }), status: 400 };
    }
    await audit(ctx, r.principal, 'config.limits', 'limits', { before: saved.result, after });
    return okResponse(view(ctx.site.stored().limits));
  });
}

/** A schema issue as the field it is about and what is wrong with it, in the admin's words. */
function limitProblem(ctx: AppContext, lang: Lang, issue: v.BaseIssue<unknown>): LimitProblem {
  const field = v.getDotPath(issue) ?? '';
  const problem = (key: string, params?: Record<string, string | number>) => ({
    field,
    message: ctx.translator.t(lang, `admin:limits.problem.${key}`, params),
  });
  const requirement = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(
    Number((issue as { requirement?: unknown }).requirement),
  );
  switch (issue.type) {
    case 'min_value':
      return problem('min', { min: requirement });
    case 'max_value':
      return problem('max', { max: requirement });
    case 'integer':
      return problem('integer');
    case 'number':
      return problem('number');
    // A key no limit has (`expected` is `never`), or a group that is not an object.
    default:
      return problem(issue.expected === 'never' ? 'unknown' : 'group');
  }
}

/** How the admin page labels a field: its group's title and its own label; the path itself for a field that is no limit. */
function fieldName(ctx: AppContext, lang: Lang, path: string): string {
  if (path === '') return ctx.translator.t(lang, 'admin:limits.title');
  const group = limitGroupOf(path);
  if (group === null) return path;
  return `${ctx.translator.t(lang, `admin:limits.groups.${group}.title`)} › ${ctx.translator.t(lang, `admin:limits.fields.${path}`)}`;
}
