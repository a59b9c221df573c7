/**
 * The server's two clocks (issue 12). Wall time stamps events and drives the calendar (opening
 * hours, days off, midnight); it can jump when NTP corrects a box whose hardware clock was wrong.
 * Monotonic time never jumps and measures every duration: rate limits, timeouts, expiries,
 * protocol timers, and how long the open day still has until its midnight.
 */
export interface Clock {
  /** Wall time, whole epoch ms: for stamps and the calendar only. */
  now(): number;
  /** Milliseconds on a clock that only moves forward at the pace of real time; its zero means nothing. */
  monotonic(): number;
}

/** The machine's clocks: `Date.now` and `performance.now` (CLOCK_MONOTONIC on Linux). */
export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

/**
 * A simulated clock that cannot jump (an accelerated day, a test running a day in
 * milliseconds): its monotonic time is its wall time, so the elapsed time it shows is the
 * simulated one and rate limits, expiries and midnight follow the simulation.
 */
export function steadyClock(now: () => number): Clock {
  return { now, monotonic: now };
}
