/**
 * The optional system-voice path: the sentences are spoken by the browser's speech synthesis.
 *
 * Used only where a Vietnamese system voice exists and the centre prefers it (docs `ux.md`):
 * Chromium on Linux usually has no voices at all, so the shipped clips are the default. The
 * chime still comes from its clip, through the clip sink.
 */
import { CHIME_CLIP } from '../../protocol/voice/clip-id.ts';
import type { AudioSink, Playable, PlayOptions } from './audio-sink.ts';

/** The system voices to speak with: Vietnamese always, English when the system has one. */
export interface SystemVoices {
  vi: SpeechSynthesisVoice;
  en: SpeechSynthesisVoice | null;
}

/** The part of `window.speechSynthesis` the sink uses. */
export type SpeechSynthesisLike = Pick<SpeechSynthesis, 'speak' | 'cancel' | 'getVoices'> &
  Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** Dependencies of a {@link SpeechSynthesisSink}. */
export interface SpeechSynthesisSinkOptions {
  synthesis: SpeechSynthesisLike;
  voices: SystemVoices;
  /** Plays the chime clip; `null` skips the chime. */
  chime: AudioSink | null;
  /** Makes an utterance. Defaults to `new SpeechSynthesisUtterance(text)`; tests pass a fake. */
  createUtterance?: (text: string) => SpeechSynthesisUtterance;
}

/**
 * Picks a Vietnamese voice (and an English one if any) from the system's voices, preferring
 * local voices, which work offline. `null` when there is no Vietnamese voice.
 */
export function pickSystemVoices(voices: readonly SpeechSynthesisVoice[]): SystemVoices | null {
  const pick = (language: string): SpeechSynthesisVoice | null => {
    const matching = voices.filter((voice) => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === language);
    return matching.find((voice) => voice.localService) ?? matching[0] ?? null;
  };
  const vi = pick('vi');
  return vi === null ? null : { vi, en: pick('en') };
}

/**
 * The system's voices, waiting up to `timeoutMs` for them: browsers fill the list
 * asynchronously and announce it with `voiceschanged`.
 */
export function loadSystemVoices(synthesis: SpeechSynthesisLike, timeoutMs = 1500): Promise<SpeechSynthesisVoice[]> {
  const now = synthesis.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      synthesis.removeEventListener('voiceschanged', done);
      resolve(synthesis.getVoices());
    };
    const timer = setTimeout(done, timeoutMs);
    synthesis.addEventListener('voiceschanged', done);
  });
}

/** An {@link AudioSink} that speaks sentences with system voices. */
export class SpeechSynthesisSink implements AudioSink {
  constructor(private readonly options: SpeechSynthesisSinkOptions) {}

  async play(item: Playable, options: PlayOptions): Promise<void> {
    const { chime, voices } = this.options;
    const first = item.steps[0];
    if (first?.kind === 'clip' && first.clipId === CHIME_CLIP && chime !== null) {
      await chime.play({ steps: [first], sentences: [] }, options);
    }
    for (const sentence of item.sentences) {
      const voice = sentence.language === 'vi' ? voices.vi : voices.en;
      // No English system voice: the English sentence is left out rather than mispronounced.
      if (voice !== null) await this.speak(sentence.text, voice, options.volume);
    }
  }

  stop(): void {
    this.options.synthesis.cancel();
    this.options.chime?.stop();
  }

  private speak(text: string, voice: SpeechSynthesisVoice, volume: number): Promise<void> {
    const utterance = (this.options.createUtterance ?? ((t: string) => new SpeechSynthesisUtterance(t)))(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.volume = Math.min(1, Math.max(0, volume));
    return new Promise((resolve, reject) => {
      utterance.onend = () => resolve();
      utterance.onerror = (event) => {
        // cancel() reports these; they are how stop() ends a pass, not failures.
        if (event.error === 'interrupted' || event.error === 'canceled') resolve();
        else reject(new Error(`speech synthesis failed: ${event.error}`));
      };
      this.options.synthesis.speak(utterance);
    });
  }
}
