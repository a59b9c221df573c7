import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { JSONFile } from 'lowdb/node';
import type { QueueStateSnapshot } from '../core/queue-state.ts';
import { logger } from '../log.ts';

const log = logger('snapshots');

/**
 * Periodic snapshots of a day's queue, one lowdb JSON file a day (written atomically).
 * Only a shortcut for start-up: the journal stays the truth, so a bad snapshot is ignored.
 */
export class SnapshotStore {
  // One adapter per day: its writer queues writes, two adapters on one file would race on the temp file.
  private readonly files = new Map<string, JSONFile<QueueStateSnapshot>>();

  constructor(private readonly dir: string) {}

  private file(day: string): JSONFile<QueueStateSnapshot> {
    let f = this.files.get(day);
    if (!f) this.files.set(day, (f = new JSONFile<QueueStateSnapshot>(join(this.dir, `${day}.json`))));
    return f;
  }

  async read(day: string): Promise<QueueStateSnapshot | null> {
    try {
      const s = await this.file(day).read();
      return s && s.day === day && Number.isInteger(s.seq) && Array.isArray(s.tickets) ? s : null;
    } catch (e) {
      log.warn('snapshot unreadable; replaying the whole journal', { day, error: e });
      return null;
    }
  }

  async write(snapshot: QueueStateSnapshot): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await this.file(snapshot.day).write(snapshot);
  }
}
