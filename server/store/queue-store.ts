import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyEvent } from '../core/apply-event.ts';
import type { QueueEvent } from '../core/model.ts';
import { emptyDayState, snapshotOf, stateFromSnapshot, type QueueState } from '../core/queue-state.ts';
import { DayJournal } from './journal.ts';
import { recoverJournal, type JournalDamage } from './journal-recovery.ts';
import { SnapshotStore } from './snapshot-store.ts';

/**
 * Where the queue's days are kept. The file store is one implementation; a PostgreSQL store
 * behind the same interface is the path past one machine (architecture.md, "Scaling").
 */
export interface QueueStore {
  /** Opens a day for writing and returns its state: the latest snapshot plus the journal after it. */
  openDay(day: string): Promise<{ state: QueueState; damage: JournalDamage | null }>;
  /** Resolves once the events are durable in the open day's journal. */
  append(events: readonly QueueEvent[]): Promise<void>;
  saveSnapshot(state: QueueState): Promise<void>;
  /** Every event of a day, for reports and exports (read-only, any day). */
  readDay(day: string): Promise<QueueEvent[]>;
  /** Days that have a journal, oldest first. */
  listDays(): Promise<string[]>;
  close(): Promise<void>;
}

export class FileQueueStore implements QueueStore {
  private journal: DayJournal | null = null;
  private readonly snapshots: SnapshotStore;
  private readonly journalDir: string;

  constructor(
    dataDir: string,
    private readonly clock: () => number,
  ) {
    this.journalDir = join(dataDir, 'journal');
    this.snapshots = new SnapshotStore(join(dataDir, 'snapshots'));
  }

  private journalPath(day: string): string {
    return join(this.journalDir, `${day}.jsonl`);
  }

  async openDay(day: string): Promise<{ state: QueueState; damage: JournalDamage | null }> {
    await this.journal?.close();
    const { journal, events, damage } = await DayJournal.open(this.journalPath(day), this.clock());
    this.journal = journal;
    const snapshot = await this.snapshots.read(day);
    const usable = snapshot && snapshot.seq <= events.length;
    const state = usable ? stateFromSnapshot(snapshot) : emptyDayState(day);
    for (const e of events.slice(state.seq)) applyEvent(state, e);
    return { state, damage };
  }

  append(events: readonly QueueEvent[]): Promise<void> {
    if (!this.journal) return Promise.reject(new Error('no day is open'));
    return this.journal.append(events);
  }

  saveSnapshot(state: QueueState): Promise<void> {
    return this.snapshots.write(snapshotOf(state));
  }

  async readDay(day: string): Promise<QueueEvent[]> {
    const content = await readFile(this.journalPath(day)).catch(() => Buffer.alloc(0));
    return recoverJournal(content).events;
  }

  async listDays(): Promise<string[]> {
    const names = await readdir(this.journalDir).catch(() => [] as string[]);
    return names
      .filter((n) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(n))
      .map((n) => n.slice(0, 10))
      .sort();
  }

  async close(): Promise<void> {
    await this.journal?.close();
    this.journal = null;
  }
}
