/**
 * Plays clips with Web Audio, gap-free.
 *
 * Clips are fetched and decoded once and kept as AudioBuffers. A pass schedules every buffer of
 * the sequence up front on the AudioContext clock, each starting exactly where the previous one
 * ends; chaining `onended` handlers instead would leave a gap of a few to tens of milliseconds
 * between words, depending on main-thread load. Volume is one GainNode per pass.
 */
import { MissingClipError, SoundBlockedError, type AudioSink, type Playable, type PlayOptions } from './audio-sink.ts';
import type { ClipId } from '../../protocol/voice/clip-id.ts';
import type { ClipUrlResolver } from './clip-manifest.ts';

/** The part of an AudioContext the sink uses. */
export type AudioContextLike = Pick<
  AudioContext,
  'state' | 'currentTime' | 'destination' | 'createGain' | 'createBufferSource' | 'decodeAudioData'
>;

/** Dependencies of a {@link WebAudioSink}. */
export interface WebAudioSinkOptions {
  context: AudioContextLike;
  /** Where each clip's file is; usually `shippedClipUrls(voice)`. */
  resolveUrl: ClipUrlResolver;
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
  private readonly buffers = new Map<ClipId, Promise<AudioBuffer>>();
  private playing: { sources: AudioBufferSourceNode[]; gain: GainNode } | null = null;

  constructor(private readonly options: WebAudioSinkOptions) {}

  /** Fetches and decodes clips ahead of the first call, so it starts without a delay. */
  async preload(clipIds: Iterable<ClipId>): Promise<void> {
    await Promise.all([...clipIds].map((id) => this.buffer(id)));
  }

  async play(item: Playable, options: PlayOptions): Promise<void> {
    const { context } = this.options;
    if (context.state !== 'running') throw new SoundBlockedError();
    const buffers = await Promise.all(item.clipIds.map((id) => this.buffer(id)));
    if (context.state !== 'running') throw new SoundBlockedError();
    if (buffers.length === 0) return;

    const gain = context.createGain();
    gain.gain.value = Math.min(1, Math.max(0, options.volume));
    gain.connect(context.destination);
    let startAt = context.currentTime + (this.options.leadInSeconds ?? 0.05);
    const sources = buffers.map((buffer) => {
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(gain);
      source.start(startAt);
      startAt += buffer.duration;
      return source;
    });
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

  private buffer(id: ClipId): Promise<AudioBuffer> {
    const cached = this.buffers.get(id);
    if (cached) return cached;
    const url = this.options.resolveUrl(id);
    if (url === undefined) return Promise.reject(new MissingClipError(id));
    const loading = (this.options.load ?? fetchArrayBuffer)(url).then((data) => this.options.context.decodeAudioData(data));
    // A failed load is forgotten so the next announcement retries it instead of failing forever.
    loading.catch(() => this.buffers.delete(id));
    this.buffers.set(id, loading);
    return loading;
  }
}
