/**
 * The format of a data directory as a whole: `<dataDir>/data-format.json` says which format its
 * files are in (the journal's lines, the snapshots, the small files). A build reads its own
 * format and older ones: older data is migrated, step by step, before anything else opens it;
 * newer data (written after an upgrade, then a return to the older release) is refused before
 * any file is touched. Without this, an older build would take a newer journal's lines for a
 * torn write and cut them off. A restore moves the mark aside with the data it replaces; the
 * restored data, which backups do not mark yet, is then read as format 1.
 */
import { mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { logger } from '../log.ts';

const log = logger('data-format');

/** The format this build writes. Format 1: the data of motcua 0.1 (files with `version: 1`, JSON-lines journals). */
export const DATA_FORMAT = 1;

const FILE = 'data-format.json';

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
  const text = await readFile(join(dataDir, FILE), 'utf8').catch((e: NodeJS.ErrnoException) => {
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
    throw new DataFormatError(`${join(dataDir, FILE)} is damaged (it should say {"format": ${DATA_FORMAT}}); nothing was changed`);
  }
  return format;
}

/** Writes the mark through a synced temporary file and a rename, so it is either the old or the new one. */
async function writeFormat(dataDir: string, format: number): Promise<void> {
  const path = join(dataDir, FILE);
  const known = await readFile(path, 'utf8').catch(() => null);
  const text = `${JSON.stringify({ format }, null, 2)}\n`;
  if (known === text) return;
  await mkdir(dataDir, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
}
