/**
 * What a backup holds, named once for the writer, the reader and the restore: the files of the
 * data directory that are the truth. Caches (report-days) and damaged copies set aside by the
 * journal recovery are left out; the former are rebuilt, the latter stay where they were.
 */
import { DATA_FORMAT_FILE } from '../store/data-format.ts';
import { replacedDataPrefix } from '../store/replaced-data.ts';

/** The archive's own description of itself, first in it. */
export const manifestName = 'motcua-backup.json';
/** Every file's SHA-256, last in the archive, in the format `sha256sum -c` checks. */
export const checksumsName = 'SHA256SUMS';

/**
 * The small files at the top of the data directory, in archive order. The data's format mark
 * comes first: a restored directory is then migrated from the format its files are in.
 */
export const settingsFiles = [DATA_FORMAT_FILE, 'site.json', 'catalogue.json', 'printers.json', 'auth.json', 'audit.jsonl'] as const;

/** Snapshots first: a snapshot in the archive then describes a journal position the archive holds. */
const dayFile = {
  snapshots: /^snapshots\/(\d{4}-\d{2}-\d{2})\.json$/,
  journal: /^journal\/(\d{4}-\d{2}-\d{2})\.jsonl$/,
} as const;

export type DayFolder = keyof typeof dayFile;
export const dayFolders = Object.keys(dayFile) as DayFolder[];

/** The file name a day has in a folder of the data directory. */
export function dayFileName(folder: DayFolder, day: string): string {
  return folder === 'journal' ? `${day}.jsonl` : `${day}.json`;
}

/** The day a data-directory path is a journal or snapshot of, or null. */
export function dayOf(folder: DayFolder, path: string): string | null {
  return dayFile[folder].exec(path)?.[1] ?? null;
}

/** Whether a path (relative to the backup's folder) may be in a backup. */
export function isBackupPath(path: string): boolean {
  return (
    path === manifestName ||
    path === checksumsName ||
    (settingsFiles as readonly string[]).includes(path) ||
    dayFolders.some((folder) => path === folder || dayFile[folder].test(path))
  );
}

/** Files a backup must have: without them the restored server would start as a fresh install. */
export const requiredFiles = [manifestName, checksumsName, 'site.json', 'auth.json'] as const;

/**
 * Entries of the data directory that a restore leaves where they are: its own staging area and
 * marker, the data earlier restores moved aside, what the file system or the process owns, and
 * the centre's recorded voice (a voice pack is not in a backup; it has its own export, and a
 * restore of the queue must not take the announcer's recordings away).
 */
export function isKeptByRestore(name: string): boolean {
  return (
    name.startsWith('restore-') ||
    name.startsWith(replacedDataPrefix) ||
    name === 'lost+found' ||
    name.endsWith('.lock') ||
    name === VOICE_PACK_FOLDER
  );
}

/** The recorded voice pack's folder in the data directory (server/voice/voice-pack-store.ts). */
export const VOICE_PACK_FOLDER = 'voice-pack';
