/** How long a (counter, seq) pair names the same press. Defaults from the protocol: 10 s. */
export const REPEAT_WINDOW_MS = 10_000;

interface Remembered<A> {
  firstSeenAt: number;
  answer: Promise<A>;
}

/**
 * Makes a device's resends harmless. A button resends its `K` frame when no answer came in
 * 500 ms, so the server can see one press several times, even while the first copy is still
 * being handled. The first copy acts; every copy within the window gets the same answer
 * (the very same promise, so a copy that arrives mid-flight waits for the one action).
 *
 * The window runs from the first copy, not the latest: a device stuck resending must not keep
 * a seq alive forever, since seqs roll over after 100 presses.
 */
export class RepeatGuard<A> {
  readonly #now: () => number;
  readonly #windowMs: number;
  readonly #seen = new Map<string, Remembered<A>>();

  /**
   * @param now a monotonic clock of real time in ms (injected so tests control time). Not the
   *   centre's clock: the window is a property of the wire, and that clock may be accelerated.
   * @param windowMs defaults to {@link REPEAT_WINDOW_MS}.
   */
  constructor(now: () => number, windowMs = REPEAT_WINDOW_MS) {
    this.#now = now;
    this.#windowMs = windowMs;
  }

  /**
   * Runs `act` for the first copy of a press and returns its answer; a repeat within the
   * window returns the remembered answer without calling `act`.
   * `act` should not reject: a rejection would be handed to every copy.
   */
  answer(counter: number, seq: number, act: () => Promise<A>): { repeat: boolean; answer: Promise<A> } {
    const now = this.#now();
    this.#forgetOlderThan(now - this.#windowMs);
    const key = `${counter}:${seq}`;
    const known = this.#seen.get(key);
    if (known) return { repeat: true, answer: known.answer };
    const answer = act();
    this.#seen.set(key, { firstSeenAt: now, answer });
    return { repeat: false, answer };
  }

  /** Entries are kept in insertion order, which is time order, so pruning stops early. */
  #forgetOlderThan(cutoff: number): void {
    for (const [key, entry] of this.#seen) {
      if (entry.firstSeenAt > cutoff) break;
      this.#seen.delete(key);
    }
  }
}
