import type { Clock } from '../clock.ts';

/**
 * How long each paired device has been silent, counted in time this server has been running
 * (summed over its starts: `runMs` in auth.json), not on the wall clock. A box that boots with its
 * clock a year ahead, or a clock set back and forth, would otherwise make every screen in the
 * centre pair again; time the server is switched off (a closed week at Tết) does not count either.
 */
export class DeviceSilence {
  private readonly seen = new Map<string, number>();
  private readonly monotonicAtOpen: number;

  constructor(
    /** Run time when this server started: what auth.json kept. */
    private readonly runAtOpen: number,
    private readonly clock: Pick<Clock, 'monotonic'>,
  ) {
    this.monotonicAtOpen = clock.monotonic();
  }

  /** Run time now. */
  runMs(): number {
    return Math.round(this.runAtOpen + (this.clock.monotonic() - this.monotonicAtOpen));
  }

  /** The device is in touch now; returns the run time it was seen at. */
  touch(id: string): number {
    const run = this.runMs();
    this.seen.set(id, run);
    return run;
  }

  /** Run time since the device was in touch. One in a file from before run time was kept counts from this start. */
  silentFor(device: { id: string; seenAtRunMs?: number | undefined }): number {
    return this.runMs() - (this.seen.get(device.id) ?? device.seenAtRunMs ?? this.runAtOpen);
  }
}
