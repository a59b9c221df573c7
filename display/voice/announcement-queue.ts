/**
 * Plays announcements one after another, never two at once.
 *
 * Each queued entry holds the {@link Announcement} built when its call arrived, so it says
 * exactly that call even if newer calls arrive before it starts. A burst of calls is played in
 * arrival order and none is dropped.
 */
import type { Announcement } from './announcement.ts';
import type { AudioSink, Playable } from './audio-sink.ts';

/** How one queued announcement ended. */
export type AnnouncementOutcome = { status: 'played' } | { status: 'failed'; error: unknown } | { status: 'cancelled' };

/** Playback settings. */
export interface QueueSettings {
  /** Times the sentence is said; the chime is played once, before the first. Defaults to 1. */
  repeat: number;
  /** Silence between repeats, in milliseconds. Defaults to 700. */
  repeatPauseMs: number;
  /** Volume from 0 to 1, applied when each pass starts, so a change is heard at once. Defaults to 1. */
  volume: number;
}

/** Dependencies and hooks of an {@link AnnouncementQueue}. */
export interface AnnouncementQueueOptions {
  sink: AudioSink;
  settings?: Partial<QueueSettings>;
  /** Waits between repeats; injected so tests need no real timers. Defaults to `setTimeout`. */
  wait?: (ms: number) => Promise<void>;
  /** Told when an announcement starts, e.g. to highlight its call. */
  onStart?: (announcement: Announcement) => void;
  /** Told when an announcement fails (blocked audio, a missing clip); the queue goes on with the next. */
  onError?: (error: unknown, announcement: Announcement) => void;
}

interface Entry {
  announcement: Announcement;
  /** Taken when the call arrives: a settings change never alters a call already queued. */
  repeat: number;
  repeatPauseMs: number;
  cancelled: boolean;
  resolve: (outcome: AnnouncementOutcome) => void;
}

const defaultWait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A first-in, first-out queue of announcements over one {@link AudioSink}. */
export class AnnouncementQueue {
  private readonly entries: Entry[] = [];
  private current: Entry | null = null;
  private settings: QueueSettings;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(private readonly options: AnnouncementQueueOptions) {
    this.settings = { repeat: 1, repeatPauseMs: 700, volume: 1, ...options.settings };
    this.wait = options.wait ?? defaultWait;
  }

  /** Changes settings; repeat counts apply to calls queued from now on, volume to the next pass. */
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
      const { repeat, repeatPauseMs } = this.settings;
      this.entries.push({ announcement, repeat: Math.max(1, Math.floor(repeat)), repeatPauseMs, cancelled: false, resolve });
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
      entry.resolve(await this.play(entry));
    }
    this.current = null;
  }

  private async play(entry: Entry): Promise<AnnouncementOutcome> {
    const { announcement } = entry;
    const first: Playable = { clipIds: announcement.clipIds, sentences: announcement.sentences };
    const again: Playable = {
      clipIds: announcement.sentences.flatMap((sentence) => sentence.clipIds),
      sentences: announcement.sentences,
    };
    try {
      this.options.onStart?.(announcement);
      for (let pass = 0; pass < entry.repeat; pass += 1) {
        if (pass > 0) await this.wait(entry.repeatPauseMs);
        if (entry.cancelled) return { status: 'cancelled' };
        await this.options.sink.play(pass === 0 ? first : again, { volume: this.settings.volume });
        if (entry.cancelled) return { status: 'cancelled' };
      }
      return { status: 'played' };
    } catch (error) {
      if (entry.cancelled) return { status: 'cancelled' };
      this.options.onError?.(error, announcement);
      return { status: 'failed', error };
    }
  }
}
