import type { CatalogueDraftView } from '../../../protocol/hub/province-catalogue.ts';
import { DraftFeePayload, PublishPayload } from '../../../protocol/hub/province-catalogue.ts';
import { detectFormat, importCatalogue } from '../../../server/catalogue/import.ts';
import { catalogueTranslator, problemMessage } from '../../../server/catalogue/problem-messages.ts';
import { withProblems } from '../../../server/http/problem-list.ts';
import { readRawBody } from '../../../server/http/raw-body.ts';
import type { HubContext } from '../../hub-context.ts';
import { parseBody } from '../hub-http.ts';
import type { HubRoutes } from '../hub-request.ts';
import { hubError, hubOk } from '../hub-results.ts';

/** A province's whole catalogue (2,600 procedures) with room to spare. */
const catalogueLimit = 32 * 1024 * 1024;

/** The province catalogue: import into the draft, set fees, publish versions centres pull. */
export function addHubCatalogueRoutes(routes: HubRoutes, ctx: HubContext): void {
  routes.add('catalogueDraft', async () => hubOk(await draftView(ctx)));

  // The file's text is the body (JSON or CSV), checked exactly as a centre's import checks it.
  routes.add('importCatalogue', async (r) => {
    const text = (await readRawBody(r.req, catalogueLimit)).toString('utf8');
    const format =
      r.query.get('format') === 'csv' || r.query.get('format') === 'json'
        ? (r.query.get('format') as 'csv' | 'json')
        : detectFormat(r.query.get('name') ?? '', text);
    const outcome = importCatalogue(text, format);
    if (!outcome.ok) {
      const t = await catalogueTranslator(r.lang);
      const problems = outcome.problems
        .slice(0, 500)
        .map((p) => ({ row: typeof p.params.row === 'number' ? p.params.row : null, message: problemMessage(t, p) }));
      return withProblems(hubError(ctx, r, 'admin:procedures.refused', { count: outcome.problems.length }), problems);
    }
    await ctx.catalogue.importDraft({ ...outcome.value, sample: false }, r.principal.user.username, ctx.clock());
    return hubOk(await draftView(ctx));
  });

  routes.add('setDraftFee', async (r) => {
    const p = await parseBody(ctx, r, DraftFeePayload);
    if (!p.ok) return p.response;
    const set = await ctx.catalogue.setDraftFee(p.value.code, p.value.channel, p.value.fee, r.principal.user.username, ctx.clock());
    return set ? hubOk(await draftView(ctx)) : hubError(ctx, r, 'hub:catalogue.unknown_filing', { code: p.value.code }, 400);
  });

  routes.add('publishCatalogue', async (r) => {
    const p = await parseBody(ctx, r, PublishPayload);
    if (!p.ok) return p.response;
    const published = await ctx.catalogue.publish(p.value, r.principal.user.username, ctx.clock());
    if (!published.ok) return hubError(ctx, r, published.code, undefined, 400);
    ctx.live.changed();
    return hubOk({ version: published.version, draft: await draftView(ctx) }, 201);
  });
}

async function draftView(ctx: HubContext): Promise<CatalogueDraftView> {
  const [draft, versions, changes, centres] = await Promise.all([
    ctx.catalogue.draft(),
    ctx.catalogue.versions(),
    ctx.catalogue.changesSincePublished(),
    ctx.centres.list(),
  ]);
  return {
    updatedAt: draft.updatedAt,
    updatedBy: draft.updatedBy,
    catalogue: draft.catalogue,
    fees: draft.fees,
    changes,
    versions,
    centres: centres.map((c) => ({ code: c.code, name: c.name, version: c.live?.catalogueVersion ?? null })),
  };
}
