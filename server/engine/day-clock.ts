import type { ClockJump } from '../../protocol/health.ts';
import type { Clock } from '../clock.ts';
import { addDays, epochOfLocal, localDay } from '../core/local-time.ts';

/** A difference between wall and monotonic progress beyond this is a step of the wall clock, not drift. */
export const jumpToleranceMs = 2000;
const jumpsKept = 10;

export interface DayCheck {
  /** The wall time this check read: what anything decided right after it is stamped with. */
  now: number;
  /** A step of the wall clock noticed by this check. */
  jump: ClockJump | null;
  /** The day to open now that the open one's midnight has passed; null while it goes on. */
  newDay: string | null;
}

/**
 * When the open day ends, in real elapsed time (issue 12: a clock correction used to be taken
 * for a midnight, and numbers were handed out a second time). Each check measures on the
 * monotonic clock how much time passed since the previous one, and compares it with how far
 * the wall clock moved: a difference beyond {@link jumpToleranceMs} is a step of the wall clock
 * (NTP correcting it, a technician setting it), kept for the dashboard. The day ends only when
 * that elapsed time carries the wall clock, as corrected, past a local midnight: the deadline
 * of the previous check's corrected time, worked out again at every check. A step is never time
 * passing, in either direction. A step and a real midnight in the same interval (checks are
 * seconds apart) count as the step first, then the midnight. A suspended box (rare for a
 * centre's server: CLOCK_MONOTONIC stops while it sleeps) looks like a forward step on resume;
 * a midnight it slept through does not end the day, which then ends at the next midnight.
 */
export class DayClock {
  private ref: { wall: number; monotonic: number };
  private readonly seen: ClockJump[] = [];
  /** The midnight after a local day, worked out once per day and zone: checks run at every command. */
  private midnight = { day: '', timeZone: '', at: 0 };

  constructor(
    private readonly clock: Clock,
    private readonly timeZone: () => string,
    private day: string,
  ) {
    this.ref = this.reading();
  }

  /** The day now open. */
  open(day: string): void {
    this.day = day;
    this.ref = this.reading();
  }

  /** Steps noticed so far, newest first (at most 10). */
  get jumps(): readonly ClockJump[] {
    return this.seen;
  }

  check(): DayCheck {
    const now = this.reading();
    const elapsed = now.monotonic - this.ref.monotonic;
    const step = now.wall - (this.ref.wall + elapsed);
    this.ref = now;
    let jump: ClockJump | null = null;
    if (Math.abs(step) > jumpToleranceMs) {
      jump = { at: now.wall, stepMs: Math.round(step), day: this.day };
      this.seen.unshift(jump);
      this.seen.length = Math.min(this.seen.length, jumpsKept);
    }
    // The previous check's moment on the wall clock as it is now, and the first midnight after it.
    const timeZone = this.timeZone();
    if (now.wall < this.midnightAfter(localDay(now.wall - elapsed, timeZone), timeZone)) return { now: now.wall, jump, newDay: null };
    const day = localDay(now.wall, timeZone);
    // Never an earlier day, nor the same one again: the open day then goes on to the next midnight.
    return { now: now.wall, jump, newDay: day > this.day ? day : null };
  }

  private midnightAfter(day: string, timeZone: string): number {
    if (this.midnight.day !== day || this.midnight.timeZone !== timeZone) {
      this.midnight = { day, timeZone, at: epochOfLocal(addDays(day, 1), 0, timeZone) };
    }
    return this.midnight.at;
  }

  private reading(): { wall: number; monotonic: number } {
    return { wall: this.clock.now(), monotonic: this.clock.monotonic() };
  }
}
