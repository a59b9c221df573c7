/**
 * The restore's waiting room in the data directory. An upload is unpacked and checked in its
 * own `restore-staging-*` folder; only a backup without problems, synced to disk, is renamed to
 * `restore-staged/`, so a staged backup is always complete. Nothing here touches the data in use.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { logger } from '../log.ts';
import { syncDirectory, writeFileDurably } from '../store/durable-file.ts';
import { checkUnpacked } from './backup-check.ts';
import { dayFolders } from './backup-contents.ts';
import { BackupManifestSchema, type BackupManifest } from './backup-manifest.ts';
import type { ProblemDraft } from './backup-problems.ts';
import { unpackBackup, type UnpackedFile, type UnpackLimits } from './backup-unpack.ts';

const log = logger('restore');

export const stagedFolder = 'restore-staged';
const stagingPrefix = 'restore-staging-';
const discardedPrefix = 'restore-discarded-';
const metaFile = 'backup.json';
const refusedFile = 'refused.json';

export const defaultLimits: UnpackLimits = { archiveBytes: 4 * 2 ** 30, unpackedBytes: 32 * 2 ** 30, fileBytes: 256 * 2 ** 20 };

/** A checked backup waiting for the admin's confirmation. */
export interface StagedBackup {
  manifest: BackupManifest;
  stagedAt: number;
  archiveBytes: number;
  files: UnpackedFile[];
  /** Where its files are: the data directory they will become. */
  dataDir: string;
  /** When a confirmed restore of it was refused at the restart because more had been written. */
  refusedAt: number | null;
}

const MetaSchema = v.object({
  manifest: BackupManifestSchema,
  stagedAt: v.number(),
  archiveBytes: v.number(),
  files: v.array(v.object({ path: v.string(), bytes: v.number(), sha256: v.string() })),
});

/** Unpacks and checks an upload; stages it (replacing any staged before) only if it has no problem. */
export async function stageBackup(
  dataDir: string,
  upload: AsyncIterable<Uint8Array>,
  now: number,
  limits: UnpackLimits = defaultLimits,
): Promise<{ ok: true; staged: StagedBackup } | { ok: false; problems: ProblemDraft[] }> {
  const staging = join(dataDir, `${stagingPrefix}${randomBytes(6).toString('hex')}`);
  await mkdir(join(staging, 'data'), { recursive: true });
  try {
    const unpacked = await unpackBackup(upload, join(staging, 'data'), limits);
    const checked = unpacked.complete ? await checkUnpacked(join(staging, 'data'), unpacked.files) : { problems: [], manifest: null };
    const problems = [...unpacked.problems, ...checked.problems];
    if (problems.length > 0 || !checked.manifest) return { ok: false, problems };
    const meta: v.InferOutput<typeof MetaSchema> = {
      manifest: checked.manifest,
      stagedAt: now,
      archiveBytes: unpacked.archiveBytes,
      files: unpacked.files,
    };
    await writeFileDurably(join(staging, metaFile), JSON.stringify(meta));
    for (const folder of dayFolders) await syncDirectory(join(staging, 'data', folder)).catch(ignoreMissing);
    await syncDirectory(join(staging, 'data'));
    await discardStaged(dataDir);
    await rename(staging, join(dataDir, stagedFolder));
    await syncDirectory(dataDir);
    return { ok: true, staged: { ...meta, dataDir: join(dataDir, stagedFolder, 'data'), refusedAt: null } };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The staged backup, or null when there is none. */
export async function readStaged(dataDir: string): Promise<StagedBackup | null> {
  const folder = join(dataDir, stagedFolder);
  const text = await readFile(join(folder, metaFile), 'utf8').catch(() => null);
  if (text === null) return null;
  const meta = v.safeParse(MetaSchema, JSON.parse(text));
  if (!meta.success) throw new Error(`${folder}/${metaFile} is not readable`);
  const refused = await readFile(join(folder, refusedFile), 'utf8').catch(() => null);
  return { ...meta.output, dataDir: join(folder, 'data'), refusedAt: refused ? (JSON.parse(refused) as { at: number }).at : null };
}

/** Notes that a confirmed restore of the staged backup was refused at the restart; it stays staged. */
export async function markStagedRefused(dataDir: string, at: number): Promise<void> {
  await writeFileDurably(join(dataDir, stagedFolder, refusedFile), JSON.stringify({ at }));
}

export async function clearStagedRefusal(dataDir: string): Promise<void> {
  await rm(join(dataDir, stagedFolder, refusedFile), { force: true });
}

/**
 * Drops the staged backup (a cancel, or a newer upload). It is renamed away first, so a crash
 * while its files are removed can never leave a half-deleted backup looking staged.
 */
export async function discardStaged(dataDir: string): Promise<void> {
  const away = join(dataDir, `${discardedPrefix}${randomBytes(6).toString('hex')}`);
  const moved = await rename(join(dataDir, stagedFolder), away).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );
  if (!moved) return;
  await syncDirectory(dataDir);
  await rm(away, { recursive: true, force: true });
}

/** At start-up: removes what an interrupted upload or cancel left (never a staged backup or data). */
export async function removeLeftovers(dataDir: string): Promise<void> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(stagingPrefix) || n.startsWith(discardedPrefix))) {
    log.info('removing an unfinished restore upload', { folder: name });
    await rm(join(dataDir, name), { recursive: true, force: true });
  }
}

function ignoreMissing(e: NodeJS.ErrnoException): void {
  if (e.code !== 'ENOENT') throw e;
}
