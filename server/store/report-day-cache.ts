import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ticket } from '../core/model.ts';
import { logger } from '../log.ts';
import { writeFileDurably } from './durable-file.ts';

const log = logger('report-cache');

/**
 * The entries' format. 2 (issue 14): tickets carry their dossier code and ratings their scale;
 * an entry of an older version is replayed again from its journal.
 */
const cacheVersion = 2;

interface CachedDay {
  version: typeof cacheVersion;
  day: string;
  /** Size of the journal the tickets were replayed from; any other size means a stale cache. */
  journalBytes: number;
  tickets: Ticket[];
}

/** Finished days' tickets, kept so a report over months need not replay every journal. */
export interface DayTicketCache {
  /** The day's tickets, or null when there is no cache entry matching the journal on disk. */
  read(day: string): Promise<Ticket[] | null>;
  write(day: string, tickets: readonly Ticket[]): Promise<void>;
}

/**
 * One JSON file per finished day under `<dataDir>/report-days/`. The journal stays the
 * truth: an entry is used only while the journal has the size it had when the entry was made,
 * so a restored or repaired journal is replayed again.
 */
export class FileDayTicketCache implements DayTicketCache {
  private readonly dir: string;
  private readonly journalDir: string;
  private closed = false;
  private writing = new Set<Promise<void>>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'report-days');
    this.journalDir = join(dataDir, 'journal');
  }

  private async journalBytes(day: string): Promise<number | null> {
    return stat(join(this.journalDir, `${day}.jsonl`)).then(
      (s) => s.size,
      () => null,
    );
  }

  async read(day: string): Promise<Ticket[] | null> {
    const bytes = await this.journalBytes(day);
    if (bytes === null) return null;
    try {
      const cached = JSON.parse(await readFile(join(this.dir, `${day}.json`), 'utf8')) as CachedDay;
      return cached.version === cacheVersion && cached.day === day && cached.journalBytes === bytes && Array.isArray(cached.tickets)
        ? cached.tickets
        : null;
    } catch {
      return null;
    }
  }

  /**
   * Waits for writes under way and ignores later ones: a background warm-up must not write into
   * a data directory a restore is replacing.
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.writing);
  }

  write(day: string, tickets: readonly Ticket[]): Promise<void> {
    if (this.closed) return Promise.resolve();
    const write = this.writeNow(day, tickets);
    this.writing.add(write);
    return write.finally(() => this.writing.delete(write));
  }

  private async writeNow(day: string, tickets: readonly Ticket[]): Promise<void> {
    const bytes = await this.journalBytes(day);
    if (bytes === null) return;
    try {
      await mkdir(this.dir, { recursive: true });
      const cached: CachedDay = { version: cacheVersion, day, journalBytes: bytes, tickets: [...tickets] };
      await writeFileDurably(join(this.dir, `${day}.json`), JSON.stringify(cached));
    } catch (e) {
      // A cache that cannot be written only costs speed.
      log.warn('report cache not written', { day, error: e });
    }
  }
}
