import * as v from 'valibot';
import { RestoreConfirmation } from '../../protocol/backup.ts';
import { isAdmin } from '../auth/principal.ts';
import { audit } from '../app/audited-change.ts';
import { translateProblems } from '../app/backup-problems.ts';
import { RestoreDesk, type RestoreRefusal } from '../app/backup-restore.ts';
import { backupName, writeBackup } from '../app/backup-writer.ts';
import type { AppContext } from '../app/context.ts';
import { logger } from '../log.ts';
import { httpError, okResponse } from './http-results.ts';
import { withProblems } from './problem-list.ts';
import type { Router, RouteRequest, RouteResponse } from './router.ts';

const log = logger('backup');

/** The backup download, and the restore: upload and preview, confirm, cancel. Admins only. */
export function addBackupRoutes(router: Router, ctx: AppContext): void {
  const desk = new RestoreDesk(ctx);
  const refused = (r: RouteRequest) =>
    isAdmin(r.principal) ? null : httpError(ctx, r, r.principal.role === 'public' ? 'unauthenticated' : 'forbidden');
  const refusal = (r: RouteRequest, code: RestoreRefusal): RouteResponse => ({
    ...httpError(ctx, r, `admin:backup.${code}`)!,
    status: code === 'nothing_staged' ? 404 : 409,
  });

  router.add('GET', '/api/backup', async (r) => {
    const denied = refused(r);
    if (denied) return denied;
    const createdAt = ctx.clock();
    const centre = ctx.site.get().centre;
    const name = backupName(createdAt, centre.timeZone);
    await audit(ctx, r.principal, 'backup.downloaded', name);
    r.res.writeHead(200, {
      'content-type': 'application/gzip',
      'content-disposition': `attachment; filename="${name}.tar.gz"`,
      'cache-control': 'no-store',
    });
    // Once streaming has begun the only way to say "failed" is to cut the download, which the restore then refuses as incomplete.
    await writeBackup(
      ctx.settings.dataDir,
      { createdAt, centre: centre.name.vi, version: ctx.version, timeZone: centre.timeZone },
      r.res,
    ).catch((e: unknown) => {
      log.warn('backup download stopped', { error: e });
      r.res.destroy();
    });
    return null;
  });

  router.add('GET', '/api/backup/restore', async (r) => refused(r) ?? okResponse(await desk.status()));

  router.add('POST', '/api/backup/restore', async (r) => {
    const denied = refused(r);
    if (denied) return denied;
    const staged = await desk.stage(r.req, r.principal);
    if (staged.ok) return okResponse(staged.preview);
    if ('refusal' in staged) return refusal(r, staged.refusal);
    return withProblems(
      httpError(ctx, r, 'admin:backup.refused', { count: staged.problems.length }),
      translateProblems(ctx.translator, r.lang, staged.problems),
    );
  });

  router.add('POST', '/api/backup/restore/confirm', async (r) => {
    const denied = refused(r);
    if (denied) return denied;
    const body = v.safeParse(RestoreConfirmation, await r.body());
    if (!body.success) return httpError(ctx, r, 'invalid_payload', { detail: "fingerprint: expected the preview's fingerprint" });
    const confirmed = await desk.confirm(body.output.fingerprint, r.principal);
    if (confirmed.ok) {
      // The answer goes out first; then this server stops and the next one applies the restore.
      r.res.once('close', () => ctx.restart?.());
      return okResponse({ state: 'applying' }, 202);
    }
    if ('refusal' in confirmed) return refusal(r, confirmed.refusal);
    return { status: 409, result: Object.assign({}, httpError(ctx, r, 'admin:backup.stale')!.result, { preview: confirmed.stale }) };
  });

  router.add('DELETE', '/api/backup/restore', async (r) => {
    const denied = refused(r);
    if (denied) return denied;
    const cancelled = await desk.cancel(r.principal);
    return cancelled.ok ? okResponse({ state: 'none' }) : refusal(r, cancelled.refusal);
  });
}
