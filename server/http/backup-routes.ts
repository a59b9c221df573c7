import { audit } from '../app/audited-change.ts';
import { checkBackup, makeBackup, maxBackupBytes, stageRestore } from '../app/backup.ts';
import type { AppContext } from '../app/context.ts';
import { localDay } from '../core/local-time.ts';
import { httpError, okResponse } from './http-results.ts';
import { withProblems } from './problem-list.ts';
import { readRawBody } from './raw-body.ts';
import type { Router } from './router.ts';

/** Backup as one download, and a restore that checks everything before it replaces anything. */
export function addBackupRoutes(router: Router, ctx: AppContext): void {
  router.add('backup', async (r) => {
    const bytes = await makeBackup(ctx.settings.dataDir, ctx.clock());
    const day = localDay(ctx.clock(), ctx.site.get().centre.timeZone);
    await audit(ctx, r.principal, 'backup.downloaded', day);
    r.res.writeHead(200, {
      'content-type': 'application/gzip',
      'content-length': bytes.length,
      'content-disposition': `attachment; filename="motcua-backup-${day}.json.gz"`,
      'cache-control': 'no-store',
    });
    r.res.end(bytes);
    return null;
  });

  router.add('restore', async (r) => {
    const checked = checkBackup(await readRawBody(r.req, maxBackupBytes));
    if (!checked.ok) {
      return withProblems(httpError(ctx, r, 'admin:backup.refused', { count: checked.problems.length }), checked.problems.slice(0, 100));
    }
    await stageRestore(ctx.settings.dataDir, checked.bundle);
    await audit(ctx, r.principal, 'backup.restore_staged', new Date(checked.bundle.createdAt).toISOString(), {
      after: { files: checked.bundle.files.length },
    });
    return okResponse({ files: checked.bundle.files.length, createdAt: checked.bundle.createdAt, restartRequired: true });
  });
}
