import type { ClockJump } from '../../protocol/health.ts';
import type { Clock } from '../clock.ts';
import { addDays, epochOfLocal, localDay } from '../core/local-time.ts';

/** A difference between wall and monotonic progress beyond this is a step of the wall clock, not drift. */
export const jumpToleranceMs = 2000;
const jumpsKept = 10;

export interface DayCheck {
  /** A step of the wall clock noticed by this check. */
  jump: ClockJump | null;
  /** The day to open now that the open one's midnight has passed; null while it goes on. */
  newDay: string | null;
}

/**
 * When the open day ends, measured in real elapsed time (issue 12: a clock correction used to be
 * taken for a midnight, and numbers were handed out a second time). When a day is opened, the
 * time left to the next local midnight is turned into a deadline on the monotonic clock; the
 * day ends only when monotonic time passes it. Each check compares how far the wall clock and
 * the monotonic one moved: a difference beyond {@link jumpToleranceMs} is a step of the wall
 * clock, kept for the dashboard, and the deadline is worked out again from the corrected time.
 * A suspended box looks like a forward step on resume, which moves the deadline the right way.
 */
export class DayClock {
  private ref: { wall: number; monotonic: number; timeZone: string };
  private deadline: number;
  private readonly seen: ClockJump[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly timeZone: () => string,
    private day: string,
  ) {
    this.ref = this.reading();
    this.deadline = this.deadlineFrom(this.ref.wall, this.ref.monotonic);
  }

  /** The day now open; its midnight is counted from now. */
  open(day: string): void {
    this.day = day;
    this.ref = this.reading();
    this.deadline = this.deadlineFrom(this.ref.wall, this.ref.monotonic);
  }

  /** Steps noticed so far, newest first (at most 10). */
  get jumps(): readonly ClockJump[] {
    return this.seen;
  }

  check(): DayCheck {
    const now = this.reading();
    const step = now.wall - (this.ref.wall + (now.monotonic - this.ref.monotonic));
    let jump: ClockJump | null = null;
    if (Math.abs(step) > jumpToleranceMs) {
      jump = { at: now.wall, stepMs: Math.round(step), day: this.day };
      this.seen.unshift(jump);
      this.seen.length = Math.min(this.seen.length, jumpsKept);
      // Taken to have happened just after the previous check (checks are seconds apart): a real
      // midnight that fell between the step and this check still ends the day.
      this.deadline = this.deadlineFrom(this.ref.wall + step, this.ref.monotonic);
    } else if (now.timeZone !== this.ref.timeZone) {
      this.deadline = this.deadlineFrom(now.wall, now.monotonic);
    }
    this.ref = now;
    if (now.monotonic < this.deadline) return { jump, newDay: null };
    const day = localDay(now.wall, now.timeZone);
    // Never an earlier day, nor the same one again: the open day goes on to the next midnight.
    if (day > this.day) return { jump, newDay: day };
    this.deadline = this.deadlineFrom(now.wall, now.monotonic);
    return { jump, newDay: null };
  }

  private reading(): { wall: number; monotonic: number; timeZone: string } {
    return { wall: this.clock.now(), monotonic: this.clock.monotonic(), timeZone: this.timeZone() };
  }

  /** The monotonic time of the first local midnight after `wall`, which is `monotonic` in the other clock. */
  private deadlineFrom(wall: number, monotonic: number): number {
    const timeZone = this.timeZone();
    const midnight = epochOfLocal(addDays(localDay(wall, timeZone), 1), 0, timeZone);
    return monotonic + (midnight - wall);
  }
}
