/**
 * The call display's voice, assembled: what the display app creates once and calls for every
 * call. It picks the real adapters (Web Audio, speech synthesis, localStorage, the shipped
 * clips); the parts it wires are tested on their own with fakes.
 */
import { buildAnnouncement, type CallToAnnounce } from './announcement.ts';
import { AnnouncementQueue, type AnnouncementOutcome } from './announcement-queue.ts';
import type { AudioSink } from './audio-sink.ts';
import { shippedClipIds, shippedClipUrls } from './clip-catalogue.ts';
import type { ClipId } from '../../protocol/voice/clip-id.ts';
import type { ClipUrlResolver } from './clip-manifest.ts';
import { SoundGate } from './sound-gate.ts';
import { loadSystemVoices, pickSystemVoices, SpeechSynthesisSink, type SpeechSynthesisLike } from './speech-synthesis-sink.ts';
import { DEFAULT_VOICE_CONFIG, type ClipVoice, type VoiceConfig } from '../../protocol/voice/voice-config.ts';
import { WebAudioSink } from './web-audio-sink.ts';

/** Browser services; each defaults to the real one and can be replaced. */
export interface AnnouncerEnvironment {
  /** Makes the AudioContext; `null` when there is no Web Audio. Defaults to `new AudioContext()`. */
  createAudioContext?: () => AudioContext | null;
  /** Defaults to `window.speechSynthesis` where it exists. */
  speechSynthesis?: SpeechSynthesisLike | null;
  /** Where the "sound enabled" choice is kept. Defaults to `localStorage` where usable. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /**
   * Plays the clips instead of Web Audio, e.g. a recording sink that lets a browser test see
   * exactly which clips each call asked for. Defaults to a Web Audio sink per voice.
   */
  clipOutput?: AudioSink;
  /** The clips of a voice. Defaults to the clips shipped in `display/voice/clips/`. */
  clips?: (voice: ClipVoice) => { ids: ClipId[]; url: ClipUrlResolver };
  /** Told when an announcement cannot be played (blocked audio, missing clip, unreadable label). */
  onError?: (error: unknown, call: CallToAnnounce) => void;
  /**
   * Told when settings name phrases the voice has no clips for (a custom template whose clips
   * were not generated), so the display can say so at once instead of failing at the next call.
   */
  onMissingClips?: (clipIds: ClipId[]) => void;
}

/** What the display app calls. */
export interface Announcer {
  /**
   * Queues the announcement of `call`, built now from the current settings, so it will say this
   * call whatever arrives before it plays. Settles when it has been played, failed or cancelled.
   */
  announce(call: CallToAnnounce): Promise<AnnouncementOutcome>;
  /** Applies new settings (voice, wording, repeat, volume, system voice). */
  configure(config: VoiceConfig): Promise<void>;
  /** Autoplay status and unlock, for the "enable sound" prompt. */
  readonly sound: SoundGate;
  /** Drops queued announcements and stops the one playing. */
  clear(): void;
}

const shippedClips = (voice: ClipVoice): { ids: ClipId[]; url: ClipUrlResolver } => ({
  ids: shippedClipIds(voice),
  url: shippedClipUrls(voice),
});

function defaultStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can throw on access (privacy settings, sandboxed frames): then nothing is remembered.
    return null;
  }
}

/** Creates the display's announcer; call `sound.check()` next and show the prompt while blocked. */
export async function createAnnouncer(initial: VoiceConfig = DEFAULT_VOICE_CONFIG, env: AnnouncerEnvironment = {}): Promise<Announcer> {
  const context = env.createAudioContext
    ? env.createAudioContext()
    : typeof AudioContext === 'function'
      ? new AudioContext({ latencyHint: 'playback' })
      : null;
  const synthesis = env.speechSynthesis !== undefined ? env.speechSynthesis : (globalThis.speechSynthesis ?? null);
  const clips = env.clips ?? shippedClips;
  const sound = new SoundGate({ context, storage: env.storage !== undefined ? env.storage : defaultStorage() });

  const clipSinks = new Map<ClipVoice, WebAudioSink>();
  const clipSink = (voice: ClipVoice): AudioSink | null => {
    if (env.clipOutput) return env.clipOutput;
    if (context === null) return null;
    let sink = clipSinks.get(voice);
    if (sink === undefined) {
      const { ids, url } = clips(voice);
      sink = new WebAudioSink({ context, resolveUrl: url });
      // Warm the cache so the first call is not delayed; a failure here resurfaces at play time.
      sink.preload(ids).catch(() => undefined);
      clipSinks.set(voice, sink);
    }
    return sink;
  };

  let config = initial;
  let target: AudioSink | null = null;
  let playingOn: AudioSink | null = null;
  // One stable sink for the queue; `configure` swaps what it points at without touching the
  // queue, and stop() reaches the output actually playing even if it was swapped meanwhile.
  const routed: AudioSink = {
    play: (item, options) => {
      playingOn = target;
      return playingOn ? playingOn.play(item, options) : Promise.reject(new Error('no audio output on this device'));
    },
    stop: () => playingOn?.stop(),
  };
  const queue = new AnnouncementQueue({
    sink: routed,
    onError: (error, announcement) => env.onError?.(error, announcement.call),
  });

  const configure = async (next: VoiceConfig): Promise<void> => {
    config = next;
    queue.configure({ repeat: next.repeat, repeatPauseMs: next.repeatPauseMs, volume: next.volume });
    const { url } = clips(next.voice);
    const sample = buildAnnouncement({ ticket: 'A1', counter: 1 }, next);
    const missing = sample.clipIds.filter((id) => url(id) === undefined);
    if (missing.length > 0) env.onMissingClips?.(missing);
    const clipOutput = clipSink(next.voice);
    let chosen: AudioSink | null = clipOutput;
    if (next.preferSystemVoice && synthesis !== null) {
      const voices = pickSystemVoices(await loadSystemVoices(synthesis));
      if (voices !== null) chosen = new SpeechSynthesisSink({ synthesis, voices, chime: clipOutput });
    }
    // A later configure() may have finished first while this one waited for voices.
    if (config === next) target = chosen;
  };
  await configure(initial);

  return {
    sound,
    configure,
    clear: () => queue.clear(),
    announce(call) {
      try {
        return queue.enqueue(buildAnnouncement(call, config));
      } catch (error) {
        env.onError?.(error, call);
        return Promise.resolve({ status: 'failed', error });
      }
    },
  };
}
