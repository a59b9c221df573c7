import { PasswordPayload, RenameDevicePayload, UserStatePayload } from '../../protocol/commands.ts';
import { audit } from '../app/audited-change.ts';
import type { AppContext } from '../app/context.ts';
import { parsePayload } from '../app/results.ts';
import { importCatalogueFile } from '../catalogue/import-file.ts';
import { catalogueImportSummary } from '../catalogue/import-summary.ts';
import { catalogueTranslator, problemMessage } from '../catalogue/problem-messages.ts';
import { httpError, okResponse } from './http-results.ts';
import { withProblems } from './problem-list.ts';
import { readRawBody } from './raw-body.ts';
import type { Router } from './router.ts';

/** The admin's own routes: audit log, live connections, catalogue import, device rename, password reset, disabling users. */
export function addAdminRoutes(router: Router, ctx: AppContext): void {
  router.add('audit', async (r) => okResponse(await ctx.audit.recent(Math.min(1000, Math.max(1, Number(r.query.get('limit')) || 200)))));

  router.add('connections', () => okResponse(ctx.connections()));

  // The file's bytes are the body (JSON or CSV, in any encoding Excel saves); all or nothing,
  // every bad row reported. `?preview=1` checks the file and shows what it holds without importing.
  router.add('importCatalogue', async (r) => {
    // Read whole, so limited (the site config's `limits.bodies.catalogueMb`: a province's catalogue with room to spare).
    const bytes = await readRawBody(r.req, ctx.site.get().limits.bodies.catalogueMb * 2 ** 20);
    const name = r.query.get('name') ?? '';
    const asked = r.query.get('format');
    const outcome = importCatalogueFile(bytes, name, asked === 'csv' || asked === 'json' ? asked : undefined);
    if (!outcome.ok) {
      const t = await catalogueTranslator(r.lang);
      const problems = outcome.problems
        .slice(0, 500)
        .map((p) => ({ row: typeof p.params.row === 'number' ? p.params.row : null, message: problemMessage(t, p) }));
      return withProblems(httpError(ctx, r, 'admin:procedures.refused', { count: outcome.problems.length }), problems);
    }
    const { catalogue, format, encoding } = outcome.value;
    const summary = catalogueImportSummary(catalogue, ctx.site.get(), format, encoding);
    if (r.query.get('preview') === '1') return okResponse(summary);
    const before = ctx.catalogue.get();
    await ctx.catalogue.replace(catalogue);
    await audit(ctx, r.principal, 'catalogue.imported', name || format, {
      before: { procedures: before.procedures.length, sample: before.sample },
      after: { procedures: catalogue.procedures.length, fields: catalogue.fields.length, encoding },
    });
    return okResponse(summary);
  });

  router.add('renameDevice', async (r) => {
    const p = parsePayload(RenameDevicePayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    const before = ctx.auth.devices().find((d) => d.id === r.params.id);
    if (!before || !(await ctx.auth.renameDevice(before.id, p.value.name))) return httpError(ctx, r, 'not_found');
    await audit(ctx, r.principal, 'device.renamed', p.value.name, { before: before.name, after: p.value.name });
    return okResponse(null);
  });

  router.add('resetPassword', async (r) => {
    const p = parsePayload(PasswordPayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    const user = ctx.auth.users().find((u) => u.id === r.params.id);
    if (!user || !(await ctx.auth.resetPassword(user.id, p.value.password))) return httpError(ctx, r, 'not_found');
    await audit(ctx, r.principal, 'user.password_reset', user.username);
    return okResponse(null);
  });

  // A clerk who left: disabling ends their sessions and live connections at once; enabling
  // restores sign-in with the same password.
  router.add('setUserState', async (r) => {
    const p = parsePayload(UserStatePayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    const user = ctx.auth.users().find((u) => u.id === r.params.id);
    if (!user) return httpError(ctx, r, 'not_found');
    if (p.value.disabled && r.principal.role === 'user' && r.principal.user.id === user.id) return httpError(ctx, r, 'cannot_disable_self');
    const changed = await ctx.auth.setDisabled(user.id, p.value.disabled);
    if (!changed.ok) return httpError(ctx, r, changed.refusal);
    if (changed.user.disabled !== user.disabled) {
      await audit(ctx, r.principal, changed.user.disabled ? 'user.disabled' : 'user.enabled', user.username, {
        before: { disabled: user.disabled },
        after: { disabled: changed.user.disabled },
      });
    }
    return okResponse(changed.user);
  });
}
