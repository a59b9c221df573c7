import { ProcedureSchema, type Catalogue, type Procedure } from '../../protocol/catalogue.ts';
import { audit } from '../app/audited-change.ts';
import type { CatalogueEdit } from '../app/catalogue-source.ts';
import type { AppContext } from '../app/context.ts';
import { parsePayload } from '../app/results.ts';
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
  // The body is the whole procedure; the path's code decides which one (the code itself is not editable).
  router.add('saveProcedure', async (r) => {
    const body = await r.body();
    const code = r.params.code;
    // Decided on the catalogue as the previous import or edit left it, inside its owner's queue (issue 12).
    const saved = await ctx.catalogue.update((current) => editProcedure(ctx, r, current, code, body));
    if (saved.kind === 'refused') return saved.response;
    await audit(ctx, r.principal, 'catalogue.procedure', code, { before: saved.before, after: saved.after });
    return okResponse(saved.after);
  });
}

type EditAnswer = { kind: 'refused'; response: RouteResponse<'saveProcedure'> } | { kind: 'saved'; before: Procedure; after: Procedure };

async function editProcedure(
  ctx: AppContext,
  r: RouteRequest<'saveProcedure'>,
  current: Catalogue,
  code: string,
  body: unknown,
): Promise<CatalogueEdit<EditAnswer>> {
  const refused = (response: RouteResponse<'saveProcedure'>): CatalogueEdit<EditAnswer> => ({ refused: { kind: 'refused', response } });
  const index = current.procedures.findIndex((p) => p.code === code);
  if (index < 0) return refused(httpError(ctx, r, 'not_found'));
  const parsed = parsePayload(ProcedureSchema, isRecord(body) ? { ...body, code } : body);
  if (!parsed.ok) return refused(httpError(ctx, r, parsed.refusal.code, parsed.refusal.params));
  const after = parsed.value;
  if (!ctx.site.get().services.some((s) => s.id === after.serviceId)) {
    return refused({ ...httpError(ctx, r, 'procedure_service_unknown', { serviceId: after.serviceId }), status: 400 });
  }
  const next: Catalogue = { ...current, procedures: current.procedures.map((p, i) => (i === index ? after : p)) };
  // The same check as an import and as the server's start, so an edit can never leave a file the server refuses to open.
  const checked = validateCatalogueData(next);
  if (!checked.ok) {
    const t = await catalogueTranslator(r.lang);
    return refused(
      withProblems(
        httpError(ctx, r, 'admin:procedures.refused', { count: checked.problems.length }),
        checked.problems.slice(0, 50).map((p) => ({ row: index + 1, message: problemMessage(t, p) })),
      ),
    );
  }
  return { next: checked.value, result: { kind: 'saved', before: current.procedures[index]!, after } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
