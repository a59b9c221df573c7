/**
 * The format of a data directory as a whole: `<dataDir>/data-format.json` says which format its
 * files are in (the journal's lines, the snapshots, the small files). A build reads its own
 * format and older ones: older data is migrated, step by step, before anything else opens it;
 * newer data (written after an upgrade, then a return to the older release) is refused before
 * any file is touched. Without this, an older build would take a newer journal's lines for a
 * torn write and cut them off. A backup carries the mark; a restore moves the current mark aside
 * with the data it replaces and brings the backup's in, so restored data of an older format is
 * migrated at the restart (a backup made before backups carried it is read as format 1), and a
 * backup of a newer format is refused when it is checked.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { logger } from '../log.ts';
import { writeFileDurably } from './durable-file.ts';

const log = logger('data-format');

/** The format this build writes. Format 1: the data of motcua 0.1 (files with `version: 1`, JSON-lines journals). */
export const DATA_FORMAT = 1;

/** The mark's file in the data directory (also in every backup). */
export const DATA_FORMAT_FILE = 'data-format.json';

/** One step from `from` to `from + 1`; it must be safe to run again if it was cut off. */
export interface Migration {
  from: number;
  /** What it changes, for the log. */
  does: string;
  run(dataDir: string): Promise<void>;
}

/** The steps from every older format to {@link DATA_FORMAT}, in order; none yet, as format 1 is the first. */
export const MIGRATIONS: readonly Migration[] = [];

/** A data directory this build must not open. Nothing in it was changed. */
export class DataFormatError extends Error {}

/**
 * Makes `dataDir` ready for this build: a new or unmarked directory gets the current mark (an
 * unmarked one with data is format 1, from before the mark), an older format is migrated, a
 * newer one is refused with a {@link DataFormatError}. Returns the format it found.
 */
export async function prepareDataDir(
  dataDir: string,
  options: { current?: number; migrations?: readonly Migration[] } = {},
): Promise<number> {
  const current = options.current ?? DATA_FORMAT;
  const migrations = options.migrations ?? MIGRATIONS;
  const found = await readFormat(dataDir);
  if (found > current) {
    throw new DataFormatError(
      `the data in ${dataDir} was written by a newer motcua (data format ${found}; this build reads format ${current} and older). ` +
        'Nothing was changed. Start the newer release again, or restore a backup made with this release into an empty data directory.',
    );
  }
  for (let format = found; format < current; format++) {
    const step = migrations.find((m) => m.from === format);
    if (!step) throw new DataFormatError(`no migration from data format ${format} to ${format + 1}; nothing was changed`);
    log.info('migrating the data directory', { dataDir, from: format, to: format + 1, does: step.does });
    await step.run(dataDir);
    await writeFormat(dataDir, format + 1);
  }
  if (found === current) await writeFormat(dataDir, current);
  return found;
}

/** The directory's format: its mark, else 1 when it holds data from before the mark, else the current one (new). */
async function readFormat(dataDir: string): Promise<number> {
  const text = await readFile(join(dataDir, DATA_FORMAT_FILE), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (text === null) {
    const entries = await readdir(dataDir).catch(() => [] as string[]);
    return entries.some((e) => e === 'site.json' || e === 'journal' || e === 'auth.json') ? 1 : DATA_FORMAT;
  }
  let format: unknown;
  try {
    format = (JSON.parse(text) as { format?: unknown }).format;
  } catch {
    format = undefined;
  }
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) {
    throw new DataFormatError(
      `${join(dataDir, DATA_FORMAT_FILE)} is damaged (it should say {"format": ${DATA_FORMAT}}); nothing was changed`,
    );
  }
  return format;
}

/** Writes the mark durably (the old one or the new one after a power cut); nothing when it already says so, as start-up writes nothing it need not. */
async function writeFormat(dataDir: string, format: number): Promise<void> {
  const path = join(dataDir, DATA_FORMAT_FILE);
  const known = await readFile(path, 'utf8').catch(() => null);
  const text = `${JSON.stringify({ format }, null, 2)}\n`;
  if (known === text) return;
  await mkdir(dataDir, { recursive: true });
  await writeFileDurably(path, text);
}
