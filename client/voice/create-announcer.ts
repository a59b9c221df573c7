/**
 * The call display's voice, assembled: what the display app creates once and calls for every
 * call. It picks the real adapters (Web Audio, speech synthesis, localStorage, the shipped
 * clips, the centre's recorded pack); the parts it wires are tested on their own with fakes.
 */
import { buildAnnouncement, type CallToAnnounce } from './announcement.ts';
import { AnnouncementQueue, type AnnouncementOutcome, type ClipFailure } from './announcement-queue.ts';
import type { AudioSink } from './audio-sink.ts';
import { shippedClipIds, shippedClipUrls } from './clip-catalogue.ts';
import { withoutSources, type Voicing } from './clip-choice.ts';
import type { ClipId } from '../../protocol/voice/clip-id.ts';
import type { ClipUrlResolver } from '../../protocol/voice/clip-manifest.ts';
import { planAnnouncement, type VoiceProblem } from './delivery.ts';
import type { ClipVoice } from '../../protocol/voice/dialect.ts';
import { recordedSource } from './recorded-pack.ts';
import { SoundGate } from './sound-gate.ts';
import { loadSystemVoices, pickSystemVoices, SpeechSynthesisSink, type SpeechSynthesisLike } from './speech-synthesis-sink.ts';
import { DEFAULT_VOICE_CONFIG, type VoiceConfig } from '../../protocol/voice/voice-config.ts';
import { WebAudioSink } from './web-audio-sink.ts';
import { type ClipSource, RECORDED_SOURCE } from '../../protocol/voice/clip-source.ts';
import type { RecordedPackManifest } from '../../protocol/voice/voice-pack.ts';

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
   * exactly which clips and pauses each call asked for. Defaults to a Web Audio sink.
   */
  clipOutput?: AudioSink;
  /** The clips of a generated voice. Defaults to the clips shipped in `client/voice/clips/`. */
  clips?: (voice: ClipVoice) => { ids: ClipId[]; url: ClipUrlResolver };
  /** Told when an announcement cannot be played at all (blocked audio, unreadable label). */
  onError?: (error: unknown, call: CallToAnnounce) => void;
  /** Told of everything a call had to work around (another voice, the built-in sentence, a clip that failed). */
  onProblem?: (problem: VoiceProblem | ClipFailure, call: CallToAnnounce) => void;
}

/** What the display app calls. */
export interface Announcer {
  /**
   * Queues the announcement of `call`, built now from the current settings, so it will say this
   * call whatever arrives before it plays. Settles when it has been played, failed or cancelled.
   */
  announce(call: CallToAnnounce): Promise<AnnouncementOutcome>;
  /** Applies new settings (voice, wording, repeat, volume, system voice) and the centre's recorded pack, if any. */
  configure(config: VoiceConfig, pack?: RecordedPackManifest | null): Promise<void>;
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

  let pack: RecordedPackManifest | null = null;
  const webAudio =
    context === null
      ? null
      : new WebAudioSink({
          context,
          resolveUrl: (source, id) => (source === RECORDED_SOURCE ? pack?.clips[id]?.url : clips(source as ClipVoice).url(id)),
        });
  const clipOutput: AudioSink | null = env.clipOutput ?? webAudio;
  const generated = (voice: ClipVoice): ClipSource => {
    const { url } = clips(voice);
    return { id: voice, has: (id) => url(id) !== undefined };
  };

  let config = initial;
  let voicing: Voicing = { vi: [], en: [], chime: null };
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
    plan: (announcement, delivery, excluded) => planAnnouncement(announcement, delivery, withoutSources(voicing, excluded)),
    onError: (error, announcement) => env.onError?.(error, announcement.call),
    onProblem: (problem, announcement) => env.onProblem?.(problem, announcement.call),
  });

  const configure = async (next: VoiceConfig, nextPack: RecordedPackManifest | null = pack): Promise<void> => {
    config = next;
    pack = nextPack;
    queue.configure({ repeat: next.repeat, repeatPauseMs: next.repeatPauseMs, volume: next.volume, chime: next.chime });
    const recorded = recordedSource(pack);
    // The dialect's generated voice, then the northern one that every board ships, as the last resort.
    const fallbacks = [...new Set<ClipVoice>([next.voice, 'vi'])].map(generated);
    voicing = {
      vi: [...(recorded && pack?.complete.vi ? [recorded] : []), ...fallbacks],
      en: [...(recorded && pack?.complete.en ? [recorded] : []), ...fallbacks],
      chime: generated(next.voice),
    };
    // Warm the cache so the first call is not delayed; a failure here resurfaces at play time.
    webAudio?.preload(next.voice, clips(next.voice).ids).catch(() => undefined);
    if (recorded && pack) webAudio?.preload(RECORDED_SOURCE, Object.keys(pack.clips)).catch(() => undefined);
    let chosen: AudioSink | null = clipOutput;
    if (next.preferSystemVoice && synthesis !== null) {
      const voices = pickSystemVoices(await loadSystemVoices(synthesis));
      if (voices !== null) chosen = new SpeechSynthesisSink({ synthesis, voices, chime: clipOutput });
    }
    // A later configure() may have finished first while this one waited for voices.
    if (config === next) target = chosen;
  };
  await configure(initial, null);

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
