/**
 * Applying a confirmed restore, by renames only, so that a `kill -9` or a power cut at any
 * instant leaves the old data or the new, never a fresh install. The confirmation is a marker
 * file written atomically; at every start, before any store opens, `settleRestore` completes a
 * confirmed restore or rolls it back. Its steps are idempotent, so a restore interrupted any
 * number of times is finished by the next start:
 *
 * 1. (confirmed) if the current data still is what the admin confirmed against, create
 *    `before-restore-<time>/`; otherwise leave the backup staged and stop;
 * 2. (confirmed) move every data entry into it; then mark the restore `moving_in`;
 * 3. (moving_in) move the staged entries into the data directory, record the restore in the
 *    restored audit log, remove the emptied staging folder, then the marker.
 *
 * The replaced data is never deleted: it stays in `before-restore-<time>/`.
 */
import { access, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { logger } from '../log.ts';
import { AuditLog } from '../store/audit-log.ts';
import { moveDurably, syncDirectory, writeFileDurably } from '../store/durable-file.ts';
import { replacedDataPrefix } from '../store/replaced-data.ts';
import { checksumsName, isKeptByRestore, manifestName } from './backup-contents.ts';
import { currentFingerprint } from './backup-preview.ts';
import { discardStaged, markStagedRefused, readStaged, removeLeftovers, stagedFolder } from './backup-staging.ts';

const log = logger('restore');
const markerFile = 'restore-confirmed.json';

const MarkerSchema = v.object({
  id: v.string(),
  phase: v.picklist(['confirmed', 'moving_in']),
  /** The current data's fingerprint the admin confirmed against. */
  fingerprint: v.string(),
  /** Folder name (in the data directory) the replaced data goes to. */
  aside: v.pipe(v.string(), v.regex(new RegExp(`^${replacedDataPrefix}[\\w-]+$`))),
  confirmedAt: v.number(),
  backupCreatedAt: v.number(),
  by: v.object({ id: v.string(), username: v.string(), name: v.string() }),
});

export type ConfirmedRestore = v.InferOutput<typeof MarkerSchema>;

export type SettleOutcome =
  | { kind: 'none' }
  | { kind: 'restored'; aside: string; backupCreatedAt: number }
  /** The confirmed restore was not applied: more was written after the confirmation (it stays staged). */
  | { kind: 'refused' };

/** One step of the apply, for the log: each is done when reported. */
export type RestoreStep = {
  step: 'aside_created' | 'moved_aside' | 'moving_in' | 'moved_in' | 'audited' | 'confirmed_done' | 'staging_removed';
  entry?: string;
};

export async function readConfirmed(dataDir: string): Promise<ConfirmedRestore | null> {
  const text = await readFile(join(dataDir, markerFile), 'utf8').catch(() => null);
  if (text === null) return null;
  const parsed = v.safeParse(MarkerSchema, JSON.parse(text));
  // A marker we cannot read must stop the start: guessing either way could lose data.
  if (!parsed.success) throw new Error(`${join(dataDir, markerFile)} is damaged; move it away to start with the current data`);
  return parsed.output;
}

/** Writes the confirmation; from now on the next start applies the restore (or refuses it as stale). */
export async function writeConfirmed(dataDir: string, marker: ConfirmedRestore): Promise<void> {
  await writeFileDurably(join(dataDir, markerFile), JSON.stringify(marker));
}

/** A free `before-restore-<time>` name, e.g. `before-restore-2026-11-20T02-30-15Z`. */
export async function asideName(dataDir: string, now: number): Promise<string> {
  const base = `${replacedDataPrefix}${new Date(now).toISOString().slice(0, 19).replaceAll(':', '-')}Z`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!(await exists(join(dataDir, name)))) return name;
  }
}

/** Completes or rolls back a confirmed restore; run before anything opens the data directory. */
export async function settleRestore(dataDir: string, options: { now: number; onStep?: (s: RestoreStep) => void }): Promise<SettleOutcome> {
  const step = options.onStep ?? ((s: RestoreStep) => log.info('restore step', s));
  await removeLeftovers(dataDir);
  let marker = await readConfirmed(dataDir);
  if (!marker) return { kind: 'none' };
  const aside = join(dataDir, marker.aside);
  const staged = join(dataDir, stagedFolder, 'data');
  if (marker.phase === 'confirmed') {
    if (!(await exists(aside))) {
      const stillStaged = await readStaged(dataDir);
      const unchanged = stillStaged !== null && (await currentFingerprint(dataDir)) === marker.fingerprint;
      if (!unchanged) {
        if (stillStaged) await markStagedRefused(dataDir, options.now);
        await dropMarker(dataDir);
        log.warn('confirmed restore not applied: the data changed after the confirmation; the backup stays staged', { id: marker.id });
        return { kind: 'refused' };
      }
      await mkdir(aside);
      await syncDirectory(dataDir);
      step({ step: 'aside_created', entry: marker.aside });
    }
    for (const name of (await readdir(dataDir)).filter((n) => !isKeptByRestore(n))) {
      await moveDurably(join(dataDir, name), await freeName(aside, name));
      step({ step: 'moved_aside', entry: name });
    }
    marker = { ...marker, phase: 'moving_in' };
    await writeConfirmed(dataDir, marker);
    step({ step: 'moving_in' });
  }
  const incoming = await readdir(staged).catch(() => null);
  // Gone only once everything was moved in; without it and without the restored files, it was removed by hand.
  if (incoming === null && !(await exists(join(dataDir, 'auth.json')))) {
    throw new Error(
      `the restore into ${dataDir} cannot be completed: ${stagedFolder}/ is missing; the replaced data is in ${marker.aside}/`,
    );
  }
  // The backup's description and checksums stay with the staging folder; they are not data.
  for (const name of (incoming ?? []).filter((n) => n !== manifestName && n !== checksumsName)) {
    // Only the staged entries are moved in; anything that appeared meanwhile is moved aside, not overwritten.
    if (await exists(join(dataDir, name))) await moveDurably(join(dataDir, name), await freeName(aside, `${name}.late`));
    await moveDurably(join(staged, name), join(dataDir, name));
    step({ step: 'moved_in', entry: name });
  }
  await recordRestore(dataDir, marker, options.now);
  step({ step: 'audited' });
  // The emptied staging folder goes before the marker: left behind, it would look like a staged (empty) backup.
  await discardStaged(dataDir);
  step({ step: 'staging_removed' });
  await dropMarker(dataDir);
  step({ step: 'confirmed_done' });
  log.info('backup restored; the replaced data is kept aside', { aside: marker.aside, backupCreatedAt: marker.backupCreatedAt });
  return { kind: 'restored', aside: marker.aside, backupCreatedAt: marker.backupCreatedAt };
}

/** The restore's entry in the restored audit log, once however often this step is repeated. */
async function recordRestore(dataDir: string, marker: ConfirmedRestore, now: number): Promise<void> {
  const audit = AuditLog.inDataDir(dataDir);
  if ((await audit.recent(50)).some((e) => e.action === 'backup.restored' && (e.after as { id?: string } | undefined)?.id === marker.id))
    return;
  await audit.record({
    at: now,
    actor: marker.by,
    action: 'backup.restored',
    subject: new Date(marker.backupCreatedAt).toISOString(),
    after: { id: marker.id, backupCreatedAt: marker.backupCreatedAt, keptAside: marker.aside, confirmedAt: marker.confirmedAt },
  });
}

async function dropMarker(dataDir: string): Promise<void> {
  await rm(join(dataDir, markerFile), { force: true });
  await syncDirectory(dataDir);
}

/** `name` in `folder`, or `name.2`, `name.3`… when taken: nothing moved aside ever replaces something kept there. */
async function freeName(folder: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? name : `${name}.${n}`);
    if (!(await exists(path))) return path;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
