import type { IssuingState, StoreProblem } from '../../protocol/health.ts';
import type { Clock } from '../clock.ts';
import { addCandidate, mergeNumbers } from '../core/number-floor.ts';
import type { QueueState } from '../core/queue-state.ts';
import { logger } from '../log.ts';
import { StoreError } from '../store/store-error.ts';

const log = logger('engine');

const defaultDelaysMs = [500, 1000, 2000, 4000, 5000];

/**
 * The time while the journal cannot be written (issue 12: one failed write used to stop the
 * centre until someone restarted the server). Issuing stops at the first failure; the engine
 * then reopens the day by itself with a growing wait between attempts (a few seconds at most)
 * until writing works again, and issuing resumes.
 */
export class StoreOutage {
  private down: { problem: StoreProblem; since: number } | null = null;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    private readonly delaysMs: readonly number[] = defaultDelaysMs,
    /** Reopens the day; false when it could not (it reports its own failure). */
    private readonly reopen: () => Promise<boolean>,
    private readonly changed: () => void,
  ) {}

  get issuing(): IssuingState {
    return this.down ? { ok: false, problem: this.down.problem, since: this.down.since } : { ok: true };
  }

  /** A write or an opening failed: stop issuing (once) and try again later. */
  failed(e: unknown): void {
    if (!this.down) {
      this.down = { problem: this.problemOf(e), since: this.clock.now() };
      log.error('the journal cannot be written: no numbers are issued until it can; retrying by itself', {
        problem: this.down.problem,
        error: e,
      });
      this.changed();
    } else log.warn('the journal still cannot be written', { problem: this.problemOf(e), attempt: this.attempt, error: e });
    this.schedule();
  }

  recovered(): void {
    this.attempt = 0;
    if (!this.down) return;
    this.down = null;
    this.changed();
  }

  /** A disk or file-system fault, as opposed to a fault in the server itself. */
  isStoreFault(e: unknown): boolean {
    return e instanceof StoreError;
  }

  problemOf(e: unknown): StoreProblem {
    return e instanceof StoreError ? e.problem : 'write_failed';
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    const delay = this.delaysMs[Math.min(this.attempt, this.delaysMs.length - 1)] ?? 5000;
    this.attempt++;
    this.timer = setTimeout(async () => {
      this.timer = null;
      const reopened = await this.reopen();
      if (!reopened && this.down) this.schedule();
    }, delay);
  }
}

/**
 * What the engine decided while its writes failed must not be numbered again, in case some of
 * it reached the disk after all (a failed sync): the numbers and seqs become the rebuilt
 * day's floor, and nothing else of it is kept.
 */
export function floorFromDecided(rebuilt: QueueState, decided: QueueState): void {
  for (const [serviceId, n] of decided.lastNumberByService) addCandidate(rebuilt.floor.numbers, serviceId, n);
  mergeNumbers(rebuilt.floor.numbers, decided.floor.numbers);
  rebuilt.floor.seq = Math.max(rebuilt.floor.seq, decided.seq, decided.floor.seq);
}
