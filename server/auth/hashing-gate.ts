/** How many password hashes may run at once, and how many more may wait for a turn. */
export interface HashingLimits {
  concurrent: number;
  queued: number;
}

/** Said instead of an answer when the gate is full: the caller tries again in a moment. */
export const hashingBusy = Symbol('hashing busy');

/**
 * A bound on concurrent password hashing. scrypt runs on libuv's thread pool, the same four
 * threads the journal's fsyncs use: 100 parallel anonymous sign-ins stalled ticket issuing for
 * 5.9 s. With at most `concurrent` hashes at once (default one), the journal always has a
 * thread; past `queued` waiting, a sign-in is refused at once instead of piling up. Work the
 * admin starts (a new account, a password reset) waits its turn but is never refused.
 */
export class HashingGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limits: () => HashingLimits) {}

  /** Runs the hash when a turn is free; `hashingBusy` when too many already wait (anonymous callers). */
  async tryRun<T>(hash: () => Promise<T>): Promise<T | typeof hashingBusy> {
    if (this.running >= this.limits().concurrent && this.waiting.length >= this.limits().queued) return hashingBusy;
    return this.run(hash);
  }

  /** Runs the hash when a turn is free, however long the queue. */
  async run<T>(hash: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.admit();
    });
    try {
      return await hash();
    } finally {
      this.running--;
      this.admit();
    }
  }

  /**
   * Lets those waiting in, in order, up to the limit as it is now (read at every arrival and
   * every finish): a limit the admin raised lets more in at once, a lowered one lets nobody in
   * until fewer run. A turn is counted when it is given, so `running` never drops below what runs.
   */
  private admit(): void {
    while (this.running < this.limits().concurrent && this.waiting.length > 0) {
      this.running++;
      this.waiting.shift()!();
    }
  }

  /** Hashes running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
