import * as v from 'valibot';
import { RestoreConfirmation } from '../../protocol/backup.ts';
import { audit } from '../app/audited-change.ts';
import { translateProblems } from '../app/backup-problems.ts';
import { RestoreDesk, type RestoreRefusal } from '../app/backup-restore.ts';
import { backupName, writeBackup } from '../app/backup-writer.ts';
import type { AppContext } from '../app/context.ts';
import { logger } from '../log.ts';
import { httpError, okResponse } from './http-results.ts';
import { withProblems } from './problem-list.ts';
import type { IncomingRequest, Refused, Router } from './router.ts';

const log = logger('backup');

/** The backup download, and the restore: upload and preview, confirm, cancel (admins only, by the route map). */
export function addBackupRoutes(router: Router, ctx: AppContext): void {
  const desk = new RestoreDesk(ctx);
  const refusal = (r: IncomingRequest, code: RestoreRefusal): Refused => ({
    ...httpError(ctx, r, `admin:backup.${code}`),
    status: code === 'nothing_staged' ? 404 : 409,
  });

  router.add('backup', async (r) => {
    const createdAt = ctx.clock.now();
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

  router.add('restoreStatus', async () => okResponse(await desk.status()));

  router.add('restore', async (r) => {
    const staged = await desk.stage(r.req, r.principal);
    if (staged.ok) return okResponse(staged.preview);
    if ('refusal' in staged) return refusal(r, staged.refusal);
    return withProblems(
      httpError(ctx, r, 'admin:backup.refused', { count: staged.problems.length }),
      translateProblems(ctx.translator, r.lang, staged.problems),
    );
  });

  router.add('confirmRestore', async (r) => {
    const body = v.safeParse(RestoreConfirmation, await r.body());
    if (!body.success) return httpError(ctx, r, 'invalid_payload', { detail: "fingerprint: expected the preview's fingerprint" });
    const confirmed = await desk.confirm(body.output.fingerprint, r.principal);
    if (!confirmed.ok) return refusal(r, confirmed.refusal);
    // The answer goes out first (or its connection is gone); then this server stops and the next one applies the restore.
    r.res.once('close', () => ctx.restart?.());
    return okResponse({ state: 'applying' as const }, 202);
  });

  router.add('cancelRestore', async (r) => {
    const cancelled = await desk.cancel(r.principal);
    return cancelled.ok ? okResponse({ state: 'none' as const }) : refusal(r, cancelled.refusal);
  });
}
