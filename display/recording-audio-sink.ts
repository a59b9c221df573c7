/**
 * An audio output that writes down what it is asked to play instead of playing it, selected by
 * `?audioSink=record`. Browser tests and the latency benchmark read `window.__motcuaAudio` to
 * check what the board announced and in what order; everything up to the speakers (announcer,
 * queue, announcement building) is the real path.
 */
import { clipsOf, type AudioSink, type Playable, type PlayStep } from '../client/voice/audio-sink.ts';

/** One pass played: its clips, its steps (clips with their voice, and pauses), and when it started and ended (performance.now()). */
export interface RecordedPlay {
  clipIds: string[];
  steps: PlayStep[];
  startedAt: number;
  endedAt: number | null;
}

declare global {
  interface Window {
    /** Filled by the recording sink (`?audioSink=record`). */
    __motcuaAudio?: RecordedPlay[];
  }
}

/** Options of a {@link RecordingAudioSink}. */
export interface RecordingAudioSinkOptions {
  /** Where plays are appended. */
  log: RecordedPlay[];
  /**
   * How long a "play" lasts, in ms: long enough that calls arriving together have to queue,
   * which is what a test of the order needs to see. Defaults to 250.
   */
  playMs?: number;
  /** Defaults to `performance.now()`. */
  now?: () => number;
}

/** An {@link AudioSink} that records plays into a log. */
export class RecordingAudioSink implements AudioSink {
  private stopCurrent: (() => void) | null = null;

  constructor(private readonly options: RecordingAudioSinkOptions) {}

  play(item: Playable): Promise<void> {
    const now = this.options.now ?? (() => performance.now());
    const entry: RecordedPlay = { clipIds: clipsOf(item), steps: [...item.steps], startedAt: now(), endedAt: null };
    this.options.log.push(entry);
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.stopCurrent = null;
        entry.endedAt = now();
        resolve();
      };
      const timer = setTimeout(finish, this.options.playMs ?? 250);
      this.stopCurrent = finish;
    });
  }

  stop(): void {
    this.stopCurrent?.();
  }
}
