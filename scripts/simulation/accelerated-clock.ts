/**
 * A clock that stands at `startMs` until {@link AcceleratedClock.start}, then runs `speed` times
 * faster than the wall clock. Standing still during set-up keeps the first arrivals on time.
 */
export interface AcceleratedClock {
  readonly speed: number;
  /** Starts the clock running (once). */
  start(): void;
  /** Simulated epoch ms now. */
  now(): number;
  /** Resolves once the simulated clock reaches `epochMs` (at once if already past). */
  until(epochMs: number): Promise<void>;
  /** Resolves after `simMs` simulated milliseconds. */
  sleep(simMs: number): Promise<void>;
}

export function acceleratedClock(startMs: number, speed: number): AcceleratedClock {
  if (!(speed > 0)) throw new Error('speed must be positive');
  let t0: number | null = null;
  const now = (): number => (t0 === null ? startMs : startMs + (Date.now() - t0) * speed);
  const until = (epochMs: number): Promise<void> => {
    if (t0 === null) throw new Error('the clock has not started');
    const wait = (epochMs - now()) / speed;
    return wait <= 0 ? Promise.resolve() : new Promise((r) => setTimeout(r, Math.ceil(wait)));
  };
  return { speed, start: () => void (t0 ??= Date.now()), now, until, sleep: (simMs) => until(now() + simMs) };
}
