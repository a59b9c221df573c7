/**
 * Writes that survive a power cut at any instant, for the restore's staging area and marker:
 * the file is synced before it is renamed into place, and the folder after, so a crash leaves
 * either the old state or the new one and never a half-written or vanished file.
 */
import { open, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Syncs a folder, so the names created, renamed or removed in it are on disk. */
export async function syncFolder(path: string): Promise<void> {
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** Replaces a file atomically: a synced temp file renamed over it, then the folder synced. */
export async function replaceFileDurably(path: string, data: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temp, data, { flush: true });
  await rename(temp, path);
  await syncFolder(dirname(path));
}

/** Renames and syncs both folders, so the move is on disk whichever of them a crash looks at first. */
export async function moveDurably(from: string, to: string): Promise<void> {
  await rename(from, to);
  await syncFolder(dirname(to));
  if (dirname(from) !== dirname(to)) await syncFolder(dirname(from));
}
