/**
 * A stand-in for a recorded word, for tests of the voice-pack intake and the recording page: a
 * voiced, vowel-like sound (a 140 Hz fundamental with falling harmonics, a syllable's swell and
 * fade) with silence before and after, at a chosen loudness, as a 16-bit WAV file.
 */
import { levelLoudness } from '../../server/voice/clip-levelling.ts';
import type { MonoAudio } from '../../protocol/voice/mono-audio.ts';
import { writeWav } from '../../protocol/voice/wav-file.ts';
import type { TestServer } from './test-server.ts';

export interface SampleOptions {
  /** Defaults to 0.6. */
  seconds?: number;
  /** Silence before and after, in seconds. Defaults to 0.5. */
  silence?: number;
  /** Defaults to -35 LUFS: quieter than a clip should be, so levelling has work to do. */
  loudnessLufs?: number;
  /** Defaults to 24 000. */
  sampleRate?: number;
  /** Changes the pitch, so two samples differ. Defaults to 140. */
  fundamentalHz?: number;
  /** Drives the sound far past full scale and cuts it off there, as an overloaded microphone input does. Defaults to `false`. */
  overloaded?: boolean;
}

export function spokenSample(options: SampleOptions = {}): MonoAudio {
  const { seconds = 0.6, silence = 0.5, loudnessLufs = -35, sampleRate = 24_000, fundamentalHz = 140, overloaded = false } = options;
  const lead = Math.round(silence * sampleRate);
  const voiced = Math.round(seconds * sampleRate);
  const samples = new Float32Array(lead * 2 + voiced);
  for (let i = 0; i < voiced; i += 1) {
    const t = i / sampleRate;
    const swell = Math.sin((Math.PI * i) / voiced) ** 0.5;
    let wave = 0;
    for (let harmonic = 1; harmonic <= 12; harmonic += 1) wave += Math.sin(2 * Math.PI * fundamentalHz * harmonic * t) / harmonic;
    samples[lead + i] = 0.1 * swell * wave;
  }
  const levelled = levelLoudness({ sampleRate, samples }, loudnessLufs);
  if (levelled === null) throw new Error('sample is silent');
  if (!overloaded) return levelled.audio;
  return { sampleRate, samples: levelled.audio.samples.map((sample) => Math.max(-1, Math.min(1, sample * 30))) };
}

/** {@link spokenSample} as a WAV file. */
export function spokenWav(options: SampleOptions = {}): Uint8Array<ArrayBuffer> {
  return writeWav(spokenSample(options));
}

/** Makes `server`'s centre small, so its list of clips to record is short: numbers 1–3 at counter 1 (9 clips). */
export async function useSmallCentre(server: TestServer): Promise<void> {
  const stored = server.server.ctx.site.stored();
  const service = { ...stored.services[0]!, numberStart: 1, numberEnd: 3, dailyQuota: 3 };
  const saved = await server.server.ctx.site.replace({
    ...stored,
    services: [service],
    counters: [{ ...stored.counters[0]!, services: [{ serviceId: service.id }] }],
  });
  if (!saved.ok) throw new Error(saved.problems.join('; '));
}
