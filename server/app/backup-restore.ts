/**
 * The restore as the admin drives it: upload (checked and staged, nothing replaced), look at
 * the preview, then confirm it or cancel it. A confirmation is accepted only against the
 * current data the admin's preview was made from; then the server restarts itself to apply it.
 */
import { randomBytes } from 'node:crypto';
import type { LastRestore, RestorePreview, RestoreStatus } from '../../protocol/backup.ts';
import type { Principal } from '../auth/principal.ts';
import { audit, auditActor } from './audited-change.ts';
import { asideName, readConfirmed, writeConfirmed } from './backup-apply.ts';
import { currentFingerprint, FileHashes, previewRestore } from './backup-preview.ts';
import type { ProblemDraft } from './backup-problems.ts';
import { clearStagedRefusal, discardStaged, readStaged, stageBackup, type StagedBackup } from './backup-staging.ts';
import type { AppContext } from './context.ts';

/**
 * Why a restore action was not taken; each is a key of `admin:backup.*`. `stale`: more was
 * written after the preview the admin confirmed (the status gives the new one).
 */
export type RestoreRefusal = 'busy' | 'applying' | 'nothing_staged' | 'cannot_restart' | 'stale';

export type Staging =
  | { ok: true; preview: RestorePreview }
  | { ok: false; problems: ProblemDraft[] }
  | { ok: false; refusal: RestoreRefusal };
export type Confirmation = { ok: true } | { ok: false; refusal: RestoreRefusal };

export class RestoreDesk {
  private busy = false;
  private readonly hashes = new FileHashes();

  constructor(private readonly ctx: AppContext) {}

  private get dataDir(): string {
    return this.ctx.settings.dataDir;
  }

  async status(): Promise<RestoreStatus> {
    if (await readConfirmed(this.dataDir)) return { state: 'applying' };
    const lastRestore = await this.lastRestore();
    const staged = await readStaged(this.dataDir);
    if (!staged) return { state: 'none', lastRestore };
    return { state: 'staged', preview: await this.preview(staged), refusedAt: staged.refusedAt, lastRestore };
  }

  /** Checks an uploaded archive and stages it, replacing a backup staged before. */
  stage(upload: AsyncIterable<Uint8Array>, by: Principal): Promise<Staging> {
    return this.exclusive(async () => {
      if (await readConfirmed(this.dataDir)) return { ok: false, refusal: 'applying' };
      const staged = await stageBackup(this.dataDir, upload, this.ctx.clock.now());
      if (!staged.ok) return staged;
      await audit(this.ctx, by, 'backup.restore_staged', new Date(staged.staged.manifest.createdAt).toISOString(), {
        after: { files: staged.staged.files.length, backupCreatedAt: staged.staged.manifest.createdAt },
      });
      return { ok: true, preview: await this.preview(staged.staged) };
    });
  }

  cancel(by: Principal): Promise<{ ok: true } | { ok: false; refusal: RestoreRefusal }> {
    return this.exclusive(async () => {
      if (await readConfirmed(this.dataDir)) return { ok: false, refusal: 'applying' };
      const staged = await readStaged(this.dataDir);
      if (!staged) return { ok: false, refusal: 'nothing_staged' };
      await discardStaged(this.dataDir);
      await audit(this.ctx, by, 'backup.restore_cancelled', new Date(staged.manifest.createdAt).toISOString());
      return { ok: true };
    });
  }

  /**
   * Confirms the staged restore against the preview the admin saw. On success the caller
   * restarts the server; the start-up checks the fingerprint once more with every writer stopped.
   */
  confirm(fingerprint: string, by: Principal): Promise<Confirmation> {
    return this.exclusive(async () => {
      if (await readConfirmed(this.dataDir)) return { ok: false, refusal: 'applying' };
      if (!this.ctx.restart) return { ok: false, refusal: 'cannot_restart' };
      const staged = await readStaged(this.dataDir);
      if (!staged) return { ok: false, refusal: 'nothing_staged' };
      const now = this.ctx.clock.now();
      if ((await currentFingerprint(this.dataDir)) !== fingerprint) return { ok: false, refusal: 'stale' };
      await clearStagedRefusal(this.dataDir);
      const aside = await asideName(this.dataDir, now);
      await audit(this.ctx, by, 'backup.restore_confirmed', new Date(staged.manifest.createdAt).toISOString(), {
        after: { keptAside: aside },
      });
      await writeConfirmed(this.dataDir, {
        id: randomBytes(8).toString('hex'),
        phase: 'confirmed',
        fingerprint,
        aside,
        confirmedAt: now,
        backupCreatedAt: staged.manifest.createdAt,
        by: auditActor(by),
      });
      return { ok: true };
    });
  }

  private preview(staged: StagedBackup): Promise<RestorePreview> {
    return previewRestore(this.dataDir, { store: this.ctx.store, today: this.ctx.engine.state.day }, staged, this.hashes);
  }

  private async lastRestore(): Promise<LastRestore | null> {
    const entry = (await this.ctx.audit.recent(500)).find((e) => e.action === 'backup.restored');
    const after = entry?.after as { backupCreatedAt?: number; keptAside?: string } | undefined;
    return entry && after?.backupCreatedAt !== undefined && after.keptAside
      ? { at: entry.at, backupCreatedAt: after.backupCreatedAt, keptAside: after.keptAside }
      : null;
  }

  /** One restore action at a time; a second one meanwhile is refused rather than queued behind an upload. */
  private async exclusive<T>(action: () => Promise<T>): Promise<T | { ok: false; refusal: 'busy' }> {
    if (this.busy) return { ok: false, refusal: 'busy' };
    this.busy = true;
    try {
      return await action();
    } finally {
      this.busy = false;
    }
  }
}
