import { copyFile, link, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { storeError } from './store-error.ts';

/** What a file's contents are worth: the typed value, or every problem found. */
export type Validation<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** What reading a small file found. */
export type StoredRead<T> =
  | { kind: 'missing' }
  | { kind: 'ok'; value: T }
  /** The file was damaged or gone; its previous good copy (`<file>.prev`) was read instead. */
  | { kind: 'previous'; value: T; problem: string }
  /** The file is damaged and there is no good copy. */
  | { kind: 'damaged'; problem: string };

/**
 * Replaces a file so that a power cut leaves the old contents or the new ones, never a mix or
 * nothing: a temporary file is written and synced, renamed over the file, and the directory is
 * synced so the rename itself is on disk.
 */
export async function writeFileDurably(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.tmp`;
  try {
    const file = await open(temp, 'w');
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
    await syncDirectory(dirname(path));
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw storeError(path, e);
  }
}

/** Renames and syncs both directories, so the move is on disk whichever of them a crash looks at first. */
export async function moveDurably(from: string, to: string): Promise<void> {
  await rename(from, to);
  await syncDirectory(dirname(to));
  if (dirname(from) !== dirname(to)) await syncDirectory(dirname(from));
}

/** Syncs a directory, so the names created, renamed or removed in it survive a power cut. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * One small JSON file the server replaces as a whole (auth, site config, catalogue, day
 * snapshots), owned by one object that serialises every write to it (issue 12: an import and
 * an edit at once corrupted the catalogue). Each write is durable ({@link writeFileDurably})
 * and, where `keepPrevious` is set, keeps the copy it replaces as `<file>.prev`: a file found
 * damaged at start is then read from its last good copy instead of stopping the server.
 */
export class DurableJsonFile<T> {
  private writing: Promise<void> = Promise.resolve();
  /** Whether the file now on disk is a good copy, worth keeping as the previous one. */
  private current: 'good' | 'damaged' | 'unknown' = 'unknown';

  constructor(
    readonly path: string,
    private readonly validate: (raw: unknown) => Validation<T>,
    private readonly options: {
      /** Keep the replaced copy as `<file>.prev` and read it when the file is damaged. Defaults to true. */
      keepPrevious?: boolean;
      /** Indentation of the JSON text, for files a technician may read. Defaults to 2. */
      indent?: number;
    } = {},
  ) {}

  get previousPath(): string {
    return `${this.path}.prev`;
  }

  /** Reads and validates the file, falling back on its previous good copy. Writes nothing. */
  async read(): Promise<StoredRead<T>> {
    const main = await this.readOne(this.path);
    this.current = main.kind === 'ok' ? 'good' : main.kind === 'missing' ? 'good' : 'damaged';
    if (main.kind === 'ok' || this.options.keepPrevious === false) return main;
    const previous = await this.readOne(this.previousPath);
    const problem = main.kind === 'missing' ? 'missing' : main.problem;
    if (previous.kind === 'ok') return { kind: 'previous', value: previous.value, problem };
    return main;
  }

  /** Replaces the file with `value` (serialised after any write under way); resolves once it is on disk. */
  write(value: T): Promise<void> {
    const text = `${JSON.stringify(value, null, this.options.indent ?? 2)}\n`;
    const run = this.writing.then(() => this.replace(text));
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async replace(text: string): Promise<void> {
    if (this.options.keepPrevious !== false) await this.setAsideCurrent();
    await writeFileDurably(this.path, text);
    this.current = 'good';
  }

  /** The copy about to be replaced: kept as the previous good one, or (when damaged) under its own name for a technician. */
  private async setAsideCurrent(): Promise<void> {
    if (this.current === 'unknown') this.current = (await this.readOne(this.path)).kind === 'damaged' ? 'damaged' : 'good';
    try {
      if (this.current === 'damaged') {
        await rename(this.path, `${this.path}.damaged-${Date.now()}`).catch(ignoreMissing);
        return;
      }
      // A hard link keeps the old contents under the second name without copying, atomically.
      const temp = `${this.previousPath}.tmp`;
      await unlink(temp).catch(ignoreMissing);
      const linked = await link(this.path, temp).then(
        () => true,
        (e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') return null;
          return false;
        },
      );
      if (linked === null) return;
      if (!linked) await copyFile(this.path, temp);
      await rename(temp, this.previousPath);
    } catch (e) {
      throw storeError(this.path, e);
    }
  }

  private async readOne(path: string): Promise<StoredRead<T>> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'damaged', problem: `not readable: ${(e as Error).message}` };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return { kind: 'damaged', problem: `not valid JSON (${text.length} bytes): ${(e as Error).message}` };
    }
    const checked = this.validate(raw);
    return checked.ok ? { kind: 'ok', value: checked.value } : { kind: 'damaged', problem: checked.problems.slice(0, 10).join('; ') };
  }

  /** The file name alone, for messages. */
  get name(): string {
    return basename(this.path);
  }
}

function ignoreMissing(e: NodeJS.ErrnoException): void {
  if (e.code !== 'ENOENT') throw e;
}
