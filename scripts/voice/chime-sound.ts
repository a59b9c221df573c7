/**
 * The chime before an announcement: a two-tone "ding-dong" (E5 then C5). Each tone is a bell:
 * the fundamental plus two soft partials, a 5 ms attack and an exponential decay, so it cuts
 * through hall noise without the harshness of a square wave. It lasts 0.75 s (it was 1.65 s,
 * a fifth of every call: issue 18); its loudness is set by the generator, under the voice.
 */
import type { MonoAudio } from '../../protocol/voice/mono-audio.ts';

const TONES = [
  { start: 0, frequency: 659.25, length: 0.4 },
  { start: 0.2, frequency: 523.25, length: 0.55 },
] as const;
const LENGTH_SECONDS = 0.75;

/** The chime at `sampleRate`, before levelling. */
export function chimeSound(sampleRate: number): MonoAudio {
  const samples = new Float32Array(Math.ceil(sampleRate * LENGTH_SECONDS));
  for (const tone of TONES) {
    const first = Math.floor(tone.start * sampleRate);
    for (let i = 0; i < tone.length * sampleRate && first + i < samples.length; i += 1) {
      const t = i / sampleRate;
      const envelope = Math.min(1, t / 0.005) * Math.exp(-t * 7) * fadeOut(t, tone.length);
      const wave =
        Math.sin(2 * Math.PI * tone.frequency * t) +
        0.35 * Math.sin(2 * Math.PI * tone.frequency * 2 * t) * Math.exp(-t * 8) +
        0.15 * Math.sin(2 * Math.PI * tone.frequency * 3 * t) * Math.exp(-t * 12);
      samples[first + i]! += 0.4 * envelope * wave;
    }
  }
  return { sampleRate, samples };
}

/** The last 50 ms of a tone fade to zero, so the end does not click. */
function fadeOut(t: number, length: number): number {
  return Math.min(1, Math.max(0, (length - t) / 0.05));
}
