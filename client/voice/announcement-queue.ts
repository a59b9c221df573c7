/**
 * Plays announcements one after another, never two at once, and never drops one.
 *
 * Each queued entry holds the {@link Announcement} built when its call arrived, so it says
 * exactly that call even if newer calls arrive before it starts. When its turn comes the queue
 * decides how to say it from the backlog (delivery.ts: brief while others wait, the chime once
 * per burst), has it voiced, and plays it. A clip set that fails on this board (a clip that does
 * not load) is left out and the announcement is voiced again by the next one.
 */
import type { Announcement } from './announcement.ts';
import { MissingClipError, type AudioSink, type ClipSourceId } from './audio-sink.ts';
import { chooseDelivery, type Delivery, type PlannedAnnouncement, type VoiceProblem } from './delivery.ts';
import { PAUSE_BETWEEN_ANNOUNCEMENTS_MS } from './pacing.ts';

/** A clip set that failed while playing: what the board reports besides {@link VoiceProblem}s. */
export interface ClipFailure {
  code: 'voice:problem.clip_failed';
  source: ClipSourceId;
  clipIds: string[];
  detail: string;
}

/** How one queued announcement ended. */
export type AnnouncementOutcome = { status: 'played'; delivery: Delivery } | { status: 'failed'; error: unknown } | { status: 'cancelled' };

/** Playback settings. */
export interface QueueSettings {
  /** Times the sentence is said while nothing else waits; the chime is played once, before the first. Defaults to 1. */
  repeat: number;
  /** Silence between repeats, in milliseconds. Defaults to 700. */
  repeatPauseMs: number;
  /** Volume from 0 to 1, applied when each pass starts, so a change is heard at once. Defaults to 1. */
  volume: number;
  /** Whether the centre wants the chime at all. Defaults to `true`. */
  chime: boolean;
}

/** Dependencies and hooks of an {@link AnnouncementQueue}. */
export interface AnnouncementQueueOptions {
  sink: AudioSink;
  /** Voices an announcement for a delivery, leaving out the clip sets that failed on this board for it. */
  plan: (announcement: Announcement, delivery: Delivery, excluded: ReadonlySet<ClipSourceId>) => PlannedAnnouncement;
  settings?: Partial<QueueSettings>;
  /** Waits between repeats and announcements; injected so tests and the backlog bench run on virtual time. Defaults to `setTimeout`. */
  wait?: (ms: number) => Promise<void>;
  /** Milliseconds on a steady clock. Defaults to `performance.now()`. */
  now?: () => number;
  /** Told when an announcement starts, and how it is said. */
  onStart?: (announcement: Announcement, delivery: Delivery) => void;
  /** Told of everything worked around (a substituted voice, the built-in sentence, a clip that failed). */
  onProblem?: (problem: VoiceProblem | ClipFailure, announcement: Announcement) => void;
  /** Told when an announcement cannot be played at all (blocked audio); the queue goes on with the next. */
  onError?: (error: unknown, announcement: Announcement) => void;
}

interface Entry {
  announcement: Announcement;
  /** Taken when the call arrives: a settings change never alters a call already queued. */
  settings: Omit<QueueSettings, 'volume'>;
  cancelled: boolean;
  resolve: (outcome: AnnouncementOutcome) => void;
}

const defaultWait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A first-in, first-out queue of announcements over one {@link AudioSink}. */
export class AnnouncementQueue {
  private readonly entries: Entry[] = [];
  private current: Entry | null = null;
  private settings: QueueSettings;
  private lastEndedAt: number | null = null;
  /** When recent announcements were queued, for the call rate of the last minute. */
  private readonly arrivals: number[] = [];
  private readonly wait: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: AnnouncementQueueOptions) {
    this.settings = { repeat: 1, repeatPauseMs: 700, volume: 1, chime: true, ...options.settings };
    this.wait = options.wait ?? defaultWait;
    this.now = options.now ?? (() => performance.now());
  }

  /** Changes settings; repeat and chime apply to calls queued from now on, volume to the next pass. */
  configure(settings: Partial<QueueSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  /** Announcements waiting, not counting the one playing. */
  get pending(): number {
    return this.entries.length;
  }

  /** Queues `announcement`; the promise settles when it has been played, has failed or was cancelled. */
  enqueue(announcement: Announcement): Promise<AnnouncementOutcome> {
    return new Promise((resolve) => {
      const { repeat, repeatPauseMs, chime } = this.settings;
      this.arrivals.push(this.now());
      this.entries.push({
        announcement,
        settings: { repeat: Math.max(1, Math.floor(repeat)), repeatPauseMs, chime },
        cancelled: false,
        resolve,
      });
      if (this.current === null) void this.drain();
    });
  }

  /** Drops every waiting announcement and cuts off the one playing (e.g. when the display closes). */
  clear(): void {
    for (const entry of this.entries.splice(0)) entry.resolve({ status: 'cancelled' });
    if (this.current !== null) {
      this.current.cancelled = true;
      this.options.sink.stop();
    }
  }

  private async drain(): Promise<void> {
    for (let entry = this.entries.shift(); entry !== undefined; entry = this.entries.shift()) {
      this.current = entry;
      const quietMs = this.lastEndedAt === null ? null : this.now() - this.lastEndedAt;
      if (quietMs !== null && quietMs < PAUSE_BETWEEN_ANNOUNCEMENTS_MS) await this.wait(PAUSE_BETWEEN_ANNOUNCEMENTS_MS - quietMs);
      const now = this.now();
      while (this.arrivals.length > 0 && this.arrivals[0]! <= now - 60_000) this.arrivals.shift();
      const delivery = chooseDelivery({ waiting: this.entries.length, lastMinute: this.arrivals.length, quietMs }, entry.settings);
      entry.resolve(await this.play(entry, delivery));
      this.lastEndedAt = this.now();
    }
    this.current = null;
  }

  private async play(entry: Entry, delivery: Delivery): Promise<AnnouncementOutcome> {
    const { announcement } = entry;
    const excluded = new Set<ClipSourceId>();
    this.options.onStart?.(announcement, delivery);
    for (;;) {
      const planned = this.options.plan(announcement, delivery, excluded);
      for (const problem of planned.problems) this.options.onProblem?.(problem, announcement);
      try {
        for (const [index, pass] of planned.passes.entries()) {
          if (index > 0) await this.wait(entry.settings.repeatPauseMs);
          if (entry.cancelled) return { status: 'cancelled' };
          await this.options.sink.play(pass, { volume: this.settings.volume });
          if (entry.cancelled) return { status: 'cancelled' };
        }
        return { status: 'played', delivery };
      } catch (error) {
        if (entry.cancelled) return { status: 'cancelled' };
        // A clip set that cannot play here is dropped for this announcement, which is voiced again
        // by the next set; once none is left, the plan falls back to the chime and says so.
        if (error instanceof MissingClipError && !excluded.has(error.source)) {
          excluded.add(error.source);
          this.options.onProblem?.(
            { code: 'voice:problem.clip_failed', source: error.source, clipIds: [error.clipId], detail: error.message },
            announcement,
          );
          continue;
        }
        this.options.onError?.(error, announcement);
        return { status: 'failed', error };
      }
    }
  }
}
