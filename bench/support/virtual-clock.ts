/**
 * A clock for replaying a day in a moment: timers fire in time order, and after each one every
 * promise it set off settles before the next fires, so code that awaits `wait()` runs as it
 * would on real time, only without the waiting.
 */
export class VirtualClock {
  private readonly timers: Array<{ at: number; seq: number; fire: () => void }> = [];
  private seq = 0;

  constructor(public now: number) {}

  /** Runs `fire` at time `at` (never earlier than now). */
  at(at: number, fire: () => void): void {
    this.timers.push({ at: Math.max(at, this.now), seq: this.seq++, fire });
  }

  /** Resolves `ms` later on this clock. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => this.at(this.now + ms, resolve));
  }

  /** Fires every timer, including those set while running, until none is left. */
  async run(): Promise<void> {
    for (;;) {
      // Let what the last timer set off settle: it may set new timers.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.timers.length === 0) return;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      this.now = next.at;
      next.fire();
    }
  }
}
