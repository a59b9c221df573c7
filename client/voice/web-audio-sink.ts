/**
 * Plays clips with Web Audio, with exactly the pauses asked for.
 *
 * Clips are fetched and decoded once and kept as AudioBuffers. A pass schedules every buffer of
 * the sequence up front on the AudioContext clock, each starting where the previous one ends
 * plus the pause between them; chaining `onended` handlers instead would add a gap of a few to
 * tens of milliseconds between words, depending on main-thread load. Volume is one GainNode per pass.
 */
import { MissingClipError, SoundBlockedError, type AudioSink, type ClipSourceId, type Playable, type PlayOptions } from './audio-sink.ts';
import type { ClipId } from '../../protocol/voice/clip-id.ts';

/** Finds the URL of a clip of one source; `undefined` when the source has no such clip. */
export type SourceClipUrl = (source: ClipSourceId, id: ClipId) => string | undefined;

/** The part of an AudioContext the sink uses. */
export type AudioContextLike = Pick<
  AudioContext,
  'state' | 'currentTime' | 'destination' | 'createGain' | 'createBufferSource' | 'decodeAudioData'
>;

/** Dependencies of a {@link WebAudioSink}. */
export interface WebAudioSinkOptions {
  context: AudioContextLike;
  /** Where each clip's file is: the shipped clips of a generated voice, or the centre's recorded pack. */
  resolveUrl: SourceClipUrl;
  /** Loads a clip file. Defaults to `fetch`. */
  load?: (url: string) => Promise<ArrayBuffer>;
  /**
   * Delay from the play call to the first clip, in seconds: scheduling slightly ahead keeps
   * the first syllable from being cut when the audio thread is busy. Defaults to 0.05.
   */
  leadInSeconds?: number;
  /**
   * Extra time allowed past the scheduled end before a pass counts as finished anyway, in ms,
   * so a context suspended mid-pass (the OS took the device) cannot stall the queue. Defaults to 2000.
   */
  endSlackMs?: number;
}

async function fetchArrayBuffer(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`clip ${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** An {@link AudioSink} over Web Audio with cached, back-to-back scheduled clips. */
export class WebAudioSink implements AudioSink {
  private readonly buffers = new Map<string, Promise<AudioBuffer>>();
  private playing: { sources: AudioBufferSourceNode[]; gain: GainNode } | null = null;

  constructor(private readonly options: WebAudioSinkOptions) {}

  /** Fetches and decodes clips of `source` ahead of the first call, so it starts without a delay. */
  async preload(source: ClipSourceId, clipIds: Iterable<ClipId>): Promise<void> {
    await Promise.all([...clipIds].map((id) => this.buffer(source, id)));
  }

  async play(item: Playable, options: PlayOptions): Promise<void> {
    const { context } = this.options;
    if (context.state !== 'running') throw new SoundBlockedError();
    const timeline = await Promise.all(
      item.steps.map(async (step) => (step.kind === 'clip' ? await this.buffer(step.source, step.clipId) : step.ms / 1000)),
    );
    if (context.state !== 'running') throw new SoundBlockedError();
    if (!timeline.some((entry) => typeof entry !== 'number')) return;

    const gain = context.createGain();
    gain.gain.value = Math.min(1, Math.max(0, options.volume));
    gain.connect(context.destination);
    let startAt = context.currentTime + (this.options.leadInSeconds ?? 0.05);
    const sources: AudioBufferSourceNode[] = [];
    for (const entry of timeline) {
      if (typeof entry === 'number') {
        startAt += entry;
        continue;
      }
      const source = context.createBufferSource();
      source.buffer = entry;
      source.connect(gain);
      source.start(startAt);
      startAt += entry.duration;
      sources.push(source);
    }
    const playing = { sources, gain };
    this.playing = playing;
    const totalMs = (startAt - context.currentTime) * 1000;
    try {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, totalMs + (this.options.endSlackMs ?? 2000));
        const last = sources[sources.length - 1];
        // `ended` also fires after stop(), which is how stop() ends the pass early.
        last?.addEventListener('ended', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    } finally {
      if (this.playing === playing) this.playing = null;
      gain.disconnect();
    }
  }

  stop(): void {
    for (const source of this.playing?.sources ?? []) {
      try {
        source.stop();
      } catch {
        // Already stopped: nothing left to cut off.
      }
    }
  }

  private buffer(source: ClipSourceId, id: ClipId): Promise<AudioBuffer> {
    const key = `${source}\n${id}`;
    const cached = this.buffers.get(key);
    if (cached) return cached;
    const url = this.options.resolveUrl(source, id);
    if (url === undefined) return Promise.reject(new MissingClipError(id, source));
    const loading = (this.options.load ?? fetchArrayBuffer)(url)
      .then((data) => this.options.context.decodeAudioData(data))
      .catch((error: unknown) => {
        throw new MissingClipError(id, source, error instanceof Error ? error.message : String(error));
      });
    // A failed load is forgotten so the next announcement retries it instead of failing forever.
    loading.catch(() => this.buffers.delete(key));
    this.buffers.set(key, loading);
    return loading;
  }
}
