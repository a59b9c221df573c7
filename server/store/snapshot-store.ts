import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { QueueStateSnapshot } from '../core/queue-state.ts';
import { logger } from '../log.ts';
import { DurableJsonFile, type Validation } from './durable-file.ts';

const log = logger('snapshots');

/**
 * A day snapshot bound to the journal position it was made from: the seq of the last event
 * it holds and that event's checksum. It is used only when the journal has that very event
 * at that seq (issue 12: a stale snapshot silently replaced newer tickets).
 */
export interface StoredSnapshot extends QueueStateSnapshot {
  version: 2;
  /** Checksum of the event at `seq`; null for a snapshot of a day with no events. */
  journalCrc: string | null;
}

/** What a snapshot file held: a current one, one from an older build (its numbers still count), or nothing usable. */
export type SnapshotRead =
  | { kind: 'current'; snapshot: StoredSnapshot }
  | { kind: 'old'; lastNumbers: Record<string, number>; seq: number }
  | null;

/**
 * Periodic snapshots of a day's queue, one JSON file a day, written durably. Only a shortcut
 * for start-up: the journal stays the truth, so a snapshot that does not fit it is dropped.
 */
export class SnapshotStore {
  // One owner per file: writes to a day's snapshot are serialised by its DurableJsonFile.
  private readonly files = new Map<string, DurableJsonFile<unknown>>();

  constructor(private readonly dir: string) {}

  private file(day: string): DurableJsonFile<unknown> {
    let f = this.files.get(day);
    if (!f)
      this.files.set(day, (f = new DurableJsonFile<unknown>(join(this.dir, `${day}.json`), accept, { keepPrevious: false, indent: 0 })));
    return f;
  }

  async read(day: string): Promise<SnapshotRead> {
    const read = await this.file(day).read();
    if (read.kind === 'missing') return null;
    if (read.kind !== 'ok') {
      log.warn('snapshot unreadable; replaying the whole journal', { day, problem: read.problem });
      return null;
    }
    const s = read.value as Partial<StoredSnapshot> | null;
    if (!s || typeof s !== 'object' || s.day !== day || !Number.isInteger(s.seq) || !Array.isArray(s.tickets)) return null;
    if (s.version === 2 && s.floor && Array.isArray(s.recentCalls)) return { kind: 'current', snapshot: s as StoredSnapshot };
    const lastNumbers = typeof s.lastNumberByService === 'object' && s.lastNumberByService !== null ? s.lastNumberByService : {};
    return { kind: 'old', lastNumbers, seq: s.seq! };
  }

  async write(snapshot: StoredSnapshot): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await this.file(snapshot.day).write(snapshot);
  }
}

function accept(raw: unknown): Validation<unknown> {
  return { ok: true, value: raw };
}
