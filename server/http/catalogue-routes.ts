import { ProcedureSchema, type Catalogue } from '../../protocol/catalogue.ts';
import { audit } from '../app/audited-change.ts';
import type { AppContext } from '../app/context.ts';
import { parsePayload } from '../app/results.ts';
import { writeCatalogueFile } from '../catalogue/catalogue-file.ts';
import { validateCatalogueData } from '../catalogue/import.ts';
import { catalogueTranslator, problemMessage } from '../catalogue/problem-messages.ts';
import { httpError, okResponse } from './http-results.ts';
import { withProblems } from './problem-list.ts';
import type { Router, RouteRequest, RouteResponse } from './router.ts';

/**
 * Edits of single procedures in the imported catalogue (its queue service, name, fee and time
 * limit as the centre words them), so a centre fixes a mapping without re-importing the whole file.
 * Kiosks fetch the catalogue when they start and so pick the change up on their next load.
 */
export function addCatalogueRoutes(router: Router, ctx: AppContext): void {
  // One edit at a time: each one rewrites the whole file from the catalogue in memory.
  let queue: Promise<unknown> = Promise.resolve();

  // The body is the whole procedure; the path's code decides which one (the code itself is not editable).
  router.add('saveProcedure', async (r) => {
    const body = await r.body();
    const code = r.params.code;
    const run = queue.then(() => saveProcedure(ctx, r, code, body));
    queue = run.catch(() => undefined);
    return run;
  });
}

async function saveProcedure(
  ctx: AppContext,
  r: RouteRequest<'saveProcedure'>,
  code: string,
  body: unknown,
): Promise<RouteResponse<'saveProcedure'>> {
  const current = ctx.catalogue.get();
  const index = current.procedures.findIndex((p) => p.code === code);
  if (index < 0) return httpError(ctx, r, 'not_found');
  const parsed = parsePayload(ProcedureSchema, isRecord(body) ? { ...body, code } : body);
  if (!parsed.ok) return httpError(ctx, r, parsed.refusal.code, parsed.refusal.params);
  const after = parsed.value;
  if (!ctx.site.get().services.some((s) => s.id === after.serviceId)) {
    return { ...httpError(ctx, r, 'procedure_service_unknown', { serviceId: after.serviceId }), status: 400 };
  }
  const next: Catalogue = { ...current, procedures: current.procedures.map((p, i) => (i === index ? after : p)) };
  // The same check as an import and as the server's start, so an edit can never leave a file the server refuses to open.
  const checked = validateCatalogueData(next);
  if (!checked.ok) {
    const t = await catalogueTranslator(r.lang);
    return withProblems(
      httpError(ctx, r, 'admin:procedures.refused', { count: checked.problems.length }),
      checked.problems.slice(0, 50).map((p) => ({ row: index + 1, message: problemMessage(t, p) })),
    );
  }
  await writeCatalogueFile(ctx.settings.dataDir, checked.value);
  await ctx.catalogue.reload();
  await audit(ctx, r.principal, 'catalogue.procedure', code, { before: current.procedures[index], after });
  return okResponse(after);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
