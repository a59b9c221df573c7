import { open, type FileHandle } from 'node:fs/promises';
import { logger } from '../log.ts';
import { type StoreError, storeError } from './store-error.ts';

const log = logger('journal');

interface PendingWrite {
  data: string;
  resolve: () => void;
  reject: (e: StoreError) => void;
}

/**
 * One day's append-only event journal (one checksummed JSON line per event, see
 * `journal-line.ts`), opened for appending once its recovery is done. A write appends and
 * syncs only the new lines, so it costs the same at the 10,000th ticket as at the first.
 * Writes that arrive while a sync is under way are grouped into the next one (group commit).
 */
export class DayJournal {
  private pending: PendingWrite[] = [];
  private flushing: Promise<void> | null = null;
  private failure: StoreError | null = null;

  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
  ) {}

  /** Opens the journal for appending (creating it when new); writes nothing. */
  static async open(path: string): Promise<DayJournal> {
    try {
      return new DayJournal(path, await open(path, 'a'));
    } catch (e) {
      throw storeError(path, e);
    }
  }

  /**
   * Resolves once the lines are on disk (written and synced). After a failed write the end of
   * the file is unknown, so this journal refuses every write from then on: the store reopens
   * the day, which checks the file's end again.
   */
  append(lines: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ data: lines, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        await this.file.appendFile(batch.map((w) => w.data).join(''));
        await this.file.datasync();
        for (const w of batch) w.resolve();
      } catch (e) {
        this.failure = storeError(this.path, e);
        log.error('journal write failed', { path: this.path, problem: this.failure.problem, error: e });
        for (const w of [...batch, ...this.pending.splice(0)]) w.reject(this.failure);
      }
    }
    this.flushing = null;
  }

  /** Waits for writes under way, then closes the file (a failed journal's close errors are of no interest). */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.file.close().catch((e: unknown) => {
      if (!this.failure) throw storeError(this.path, e);
    });
  }
}
