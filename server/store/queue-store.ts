import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalRecoveryReport } from '../../protocol/health.ts';
import type { Clock } from '../clock.ts';
import type { QueueEvent } from '../core/model.ts';
import { snapshotOf, type QueueState } from '../core/queue-state.ts';
import { logger } from '../log.ts';
import { recoverDay, recoveryReport, type DayRecovery } from './day-recovery.ts';
import { writeFileDurably } from './durable-file.ts';
import { DayJournal } from './journal.ts';
import { encodeEvent } from './journal-line.ts';
import { repairJournal } from './journal-repair.ts';
import { replacedJournals } from './replaced-data.ts';
import { SnapshotStore } from './snapshot-store.ts';
import { storeError } from './store-error.ts';

const log = logger('store');

/** A day as the store found it: its state, and what any recovery of its journal did (this one first). */
export interface OpenedDay {
  state: QueueState;
  /** This opening's recovery report, when something was set aside or the snapshot dropped. */
  recovery: JournalRecoveryReport | null;
  /** Reports of the day's earlier recoveries (kept beside the journal), newest first. */
  earlierRecoveries: JournalRecoveryReport[];
}

/**
 * Where the queue's days are kept. The file store is one implementation; a PostgreSQL store
 * behind the same interface is the path past one machine (architecture.md, "Scaling"), and the
 * hub reads a centre's days through it.
 */
export interface QueueStore {
  /**
   * Opens a day for writing: recovers its journal (repairing it on disk when lines were set
   * aside) and returns its state. Throws a `StoreError` when the repair or the opening cannot
   * be written; {@link loadDay} then still gives the state. With `checkWritable` it first proves
   * that the disk takes writes again (after a failed write: a journal opens fine on a full disk).
   */
  openDay(day: string, options?: { checkWritable?: boolean }): Promise<OpenedDay>;
  /** The same state as {@link openDay}, read only: for a server that cannot write yet (a full disk). */
  loadDay(day: string): Promise<OpenedDay>;
  /** Resolves once the events are durable in the open day's journal. */
  append(events: readonly QueueEvent[]): Promise<void>;
  saveSnapshot(state: QueueState): Promise<void>;
  /** Every intact event of a day that applies, in journal order with its seq (read-only, any day): for reports, exports and the hub. */
  readDay(day: string): Promise<QueueEvent[]>;
  /**
   * Up to `limit` events of a day after seq `afterSeq`, in journal order: what the province hub
   * has not acknowledged yet (server/hub-link). Events keep their (day, seq) identity for ever.
   */
  readEvents(day: string, afterSeq: number, limit: number): Promise<QueueEvent[]>;
  /** Days that have a journal, oldest first. */
  listDays(): Promise<string[]>;
  close(): Promise<void>;
}

/** How many recent events' checksums are kept to bind snapshots (a snapshot is of the visible state, a few batches behind at most). */
const checksumsKept = 4096;

export class FileQueueStore implements QueueStore {
  private journal: DayJournal | null = null;
  private readonly snapshots: SnapshotStore;
  private readonly journalDir: string;
  /** Checksums of the open day's latest events, by seq. */
  private readonly checksums = new Map<number, string>();

  constructor(
    private readonly dataDir: string,
    private readonly clock: Pick<Clock, 'now'>,
  ) {
    this.journalDir = join(dataDir, 'journal');
    this.snapshots = new SnapshotStore(join(dataDir, 'snapshots'));
  }

  private journalPath(day: string): string {
    return join(this.journalDir, `${day}.jsonl`);
  }

  async openDay(day: string, options: { checkWritable?: boolean } = {}): Promise<OpenedDay> {
    await this.close();
    const { recovery, content, earlierRecoveries } = await this.recover(day);
    let report: JournalRecoveryReport | null = null;
    try {
      await mkdir(this.journalDir, { recursive: true });
      if (options.checkWritable) await checkWritable(this.journalDir);
      if (recovery.needsRepair || recovery.snapshotDropped) {
        report = await repairJournal({ dir: this.journalDir, day, content, recovery, at: this.clock.now() });
      }
      this.journal = await DayJournal.open(this.journalPath(day));
    } catch (e) {
      throw storeError(this.journalPath(day), e);
    }
    this.checksums.clear();
    for (const k of recovery.kept.slice(-checksumsKept)) this.checksums.set(k.event.seq, k.crc);
    if (recovery.lastCrc !== null) this.checksums.set(recovery.state.seq, recovery.lastCrc);
    // A snapshot that matches the journal again, so its numbers stay in the floor and the next start has nothing to report.
    if (recovery.snapshotDropped)
      await this.saveSnapshot(recovery.state).catch((e: unknown) => log.warn('snapshot not replaced', { error: e }));
    return { state: recovery.state, recovery: report, earlierRecoveries };
  }

  async loadDay(day: string): Promise<OpenedDay> {
    const { recovery, earlierRecoveries } = await this.recover(day);
    // Not repaired yet: the damaged journal is still where it was.
    return { state: recovery.state, recovery: recoveryReport(recovery, day, this.clock.now(), `journal/${day}.jsonl`), earlierRecoveries };
  }

  private async recover(day: string): Promise<{ recovery: DayRecovery; content: Buffer; earlierRecoveries: JournalRecoveryReport[] }> {
    const path = this.journalPath(day);
    try {
      const content = await readFile(path).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return Buffer.alloc(0);
        throw e;
      });
      const earlier = await this.earlierFiles(day);
      const replaced = await replacedJournals(this.dataDir, day);
      const recovery = recoverDay(day, content, await this.snapshots.read(day), earlier.damaged, replaced);
      return { recovery, content, earlierRecoveries: earlier.reports };
    } catch (e) {
      throw storeError(path, e);
    }
  }

  /** The day's earlier recoveries: the journals they kept aside (their numbers still count) and their reports. */
  private async earlierFiles(day: string): Promise<{ damaged: Buffer[]; reports: JournalRecoveryReport[] }> {
    const names = (await readdir(this.journalDir).catch(() => [] as string[])).sort().reverse();
    const damaged: Buffer[] = [];
    const reports: JournalRecoveryReport[] = [];
    for (const name of names) {
      if (name.startsWith(`${day}.jsonl.damaged-`)) damaged.push(await readFile(join(this.journalDir, name)));
      else if (name.startsWith(`${day}.recovery-`) && name.endsWith('.json')) {
        const report = await readFile(join(this.journalDir, name), 'utf8').then(
          (t) => JSON.parse(t) as JournalRecoveryReport,
          () => null,
        );
        if (report && report.day === day && Array.isArray(report.setAside)) reports.push(report);
      }
    }
    return { damaged, reports };
  }

  async append(events: readonly QueueEvent[]): Promise<void> {
    if (!this.journal) throw new Error('no day is open');
    const encoded = events.map(encodeEvent);
    await this.journal.append(encoded.map((e) => e.line).join(''));
    encoded.forEach((e, i) => this.checksums.set(events[i]!.seq, e.crc));
    if (this.checksums.size > checksumsKept * 2) {
      for (const seq of [...this.checksums.keys()].slice(0, this.checksums.size - checksumsKept)) this.checksums.delete(seq);
    }
  }

  async saveSnapshot(state: QueueState): Promise<void> {
    const journalCrc = state.seq === 0 ? null : (this.checksums.get(state.seq) ?? null);
    // A snapshot that cannot be bound to its journal event would be dropped at the next start anyway.
    if (state.seq > 0 && journalCrc === null) {
      log.warn('snapshot skipped: checksum of its last event unknown', { day: state.day, seq: state.seq });
      return;
    }
    await this.snapshots.write({ ...snapshotOf(state), version: 2, journalCrc });
  }

  async readDay(day: string): Promise<QueueEvent[]> {
    const content = await readFile(this.journalPath(day)).catch(() => Buffer.alloc(0));
    return recoverDay(day, content, null).kept.map((k) => k.event);
  }

  async readEvents(day: string, afterSeq: number, limit: number): Promise<QueueEvent[]> {
    // Seq n is the n-th event of the day (no gaps), so the slice starts at index afterSeq.
    return (await this.readDay(day)).slice(afterSeq, afterSeq + limit);
  }

  async listDays(): Promise<string[]> {
    const names = await readdir(this.journalDir).catch(() => [] as string[]);
    return names
      .filter((n) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(n))
      .map((n) => n.slice(0, 10))
      .sort();
  }

  async close(): Promise<void> {
    const journal = this.journal;
    this.journal = null;
    await journal?.close();
  }
}

/** Room for a few hundred events, written and synced then removed: the disk takes writes again. */
async function checkWritable(dir: string): Promise<void> {
  const probe = join(dir, '.write-check');
  await writeFileDurably(probe, Buffer.alloc(64 * 1024));
  await unlink(probe);
}
