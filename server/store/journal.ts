import { copyFile, mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { QueueEvent } from '../core/model.ts';
import { logger } from '../log.ts';
import { recoverJournal, type JournalDamage } from './journal-recovery.ts';

const log = logger('journal');

interface PendingWrite {
  data: string;
  resolve: () => void;
  reject: (e: Error) => void;
}

/**
 * One day's append-only event journal (JSON lines). A write appends and syncs only the new
 * lines, so it costs the same at the 10,000th ticket as at the first. Writes that arrive while
 * a sync is under way are grouped into the next one (group commit).
 */
export class DayJournal {
  private pending: PendingWrite[] = [];
  private flushing: Promise<void> | null = null;
  private failure: Error | null = null;

  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
  ) {}

  /** Opens (or creates) the journal, recovering what a crash left; damaged bytes are saved aside. */
  static async open(path: string, now: number): Promise<{ journal: DayJournal; events: QueueEvent[]; damage: JournalDamage | null }> {
    await mkdir(dirname(path), { recursive: true });
    const content = await readFile(path).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return Buffer.alloc(0);
      throw e;
    });
    const { events, damage } = recoverJournal(content);
    if (damage) {
      const savedTo = `${path}.damaged-${now}`;
      await copyFile(path, savedTo);
      await truncate(path, damage.goodBytes);
      log.warn('journal tail damaged; kept every complete event, saved the file aside', {
        path,
        savedTo,
        events: events.length,
        ...damage,
      });
    }
    const file = await open(path, 'a');
    return { journal: new DayJournal(path, file), events, damage };
  }

  /** Resolves once the events are on disk (written and synced). */
  append(events: readonly QueueEvent[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const data = events.map((e) => `${JSON.stringify(e)}\n`).join('');
    return new Promise((resolve, reject) => {
      this.pending.push({ data, resolve, reject });
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
        // After a failed write the file's end is unknown: refuse everything from now on.
        this.failure = e instanceof Error ? e : new Error(String(e));
        log.error('journal write failed', { path: this.path, error: this.failure });
        for (const w of [...batch, ...this.pending.splice(0)]) w.reject(this.failure);
      }
    }
    this.flushing = null;
  }

  /** Waits for writes under way, then closes the file. */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.file.close();
  }
}
