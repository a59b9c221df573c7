import type { Clock } from '../../server/clock.ts';

/**
 * A clock a test moves by hand. `advance` is real time passing (wall and monotonic together);
 * `step` is the wall clock being set (NTP correcting a box whose clock was wrong): only wall
 * time moves. Monotonic time starts at an arbitrary value, as the real one does.
 */
export class SteppedClock implements Clock {
  private wall: number;
  private elapsed = 3_600_000;

  constructor(start: number) {
    this.wall = start;
  }

  now(): number {
    return this.wall;
  }

  monotonic(): number {
    return this.elapsed;
  }

  advance(ms: number): void {
    this.wall += ms;
    this.elapsed += ms;
  }

  step(ms: number): void {
    this.wall += ms;
  }

  /** Sets the wall clock to an instant (a step by the difference). */
  set(epochMs: number): void {
    this.wall = epochMs;
  }
}

/**
 * The centre's clock at real speed from `start`: wall and monotonic time both follow
 * `performance.now`, so the server sees no jumps. `shift` moves the wall clock alone.
 */
export function runningClock(start: number): Clock & { shift(ms: number): void } {
  const t0 = performance.now();
  let offset = 0;
  return {
    now: () => Math.floor(start + offset + (performance.now() - t0)),
    monotonic: () => performance.now(),
    shift: (ms: number) => void (offset += ms),
  };
}
