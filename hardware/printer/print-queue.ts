import type { PrintFailure, PrintJob, PrintResult } from './ticket-printer.ts';

/** Where a job stands. `failed` jobs are held, not dropped: they print on retry or reprint. */
export type JobState = 'queued' | 'printing' | 'printed' | 'failed';

/** What the admin may list. */
export interface JobSnapshot {
  id: string;
  state: JobState;
  attempts: number;
  /** How many times it reached paper (more than 1 only through an explicit reprint). */
  copies: number;
  lastFailure?: PrintFailure;
}

interface Entry {
  job: PrintJob;
  bytes: Uint8Array;
  state: JobState;
  attempts: number;
  copies: number;
  printedAt?: number;
  lastFailure?: PrintFailure;
  waiters: ((result: PrintResult) => void)[];
}

/**
 * The printer's jobs in arrival order. Bookkeeping only, no I/O: it decides which job goes
 * next and settles the promises of callers waiting on a job.
 */
export class PrintQueue {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly keepPrinted = 5000) {}

  /** Add a job (bytes encoded once, so a retry sends identical bytes). Returns the outcome promise. */
  add(job: PrintJob, bytes: Uint8Array): Promise<PrintResult> {
    const entry: Entry = { job, bytes, state: 'queued', attempts: 0, copies: 0, waiters: [] };
    this.entries.set(job.id, entry);
    this.trim();
    return this.wait(entry);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  state(id: string): JobState | undefined {
    return this.entries.get(id)?.state;
  }

  /** When a printed job last reached paper. */
  printedAt(id: string): number | undefined {
    return this.entries.get(id)?.printedAt;
  }

  /** Queue a known job again (failed, or printed for an explicit copy); joins a pending one. */
  requeue(id: string): Promise<PrintResult> | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.state === 'failed' || entry.state === 'printed') entry.state = 'queued';
    return this.wait(entry);
  }

  /** The oldest job waiting to print. */
  next(): { id: string; bytes: Uint8Array } | undefined {
    for (const entry of this.entries.values()) if (entry.state === 'queued') return { id: entry.job.id, bytes: entry.bytes };
    return undefined;
  }

  /** Whether any job is held after a failure. */
  hasFailed(): boolean {
    return [...this.entries.values()].some((e) => e.state === 'failed');
  }

  /** Put every held job back in line (the printer is ready again). */
  retryFailed(): void {
    for (const entry of this.entries.values()) if (entry.state === 'failed') entry.state = 'queued';
  }

  markPrinting(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.state = 'printing';
    entry.attempts++;
  }

  markPrinted(id: string, printedAt: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.state = 'printed';
    entry.copies++;
    entry.printedAt = printedAt;
    delete entry.lastFailure;
    this.settle(entry, { ok: true, jobId: id, printedAt });
  }

  /** Fail one job, or every queued job when `id` is omitted (printer not ready for any). */
  markFailed(reason: PrintFailure, id?: string): void {
    for (const entry of this.entries.values()) {
      if (id === undefined ? entry.state !== 'queued' : entry.job.id !== id) continue;
      entry.state = 'failed';
      entry.lastFailure = reason;
      this.settle(entry, { ok: false, jobId: entry.job.id, reason });
    }
  }

  /** Settle every waiter as `closed`, keeping the jobs' states. */
  closeAll(): void {
    for (const entry of this.entries.values()) this.settle(entry, { ok: false, jobId: entry.job.id, reason: 'closed' });
  }

  snapshot(): JobSnapshot[] {
    return [...this.entries.values()].map(({ job, state, attempts, copies, lastFailure }) => ({
      id: job.id,
      state,
      attempts,
      copies,
      ...(lastFailure ? { lastFailure } : {}),
    }));
  }

  private wait(entry: Entry): Promise<PrintResult> {
    return new Promise((resolve) => entry.waiters.push(resolve));
  }

  private settle(entry: Entry, result: PrintResult): void {
    const waiters = entry.waiters.splice(0);
    for (const resolve of waiters) resolve(result);
  }

  /** Forget the oldest printed jobs past `keepPrinted`; held jobs are never forgotten. */
  private trim(): void {
    let excess = this.entries.size - this.keepPrinted;
    for (const [id, entry] of this.entries) {
      if (excess <= 0) break;
      if (entry.state !== 'printed') continue;
      this.entries.delete(id);
      excess--;
    }
  }
}
