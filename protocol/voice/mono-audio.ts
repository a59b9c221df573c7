/**
 * A clip as the voice tools handle it: one channel of samples from -1 to 1 at one rate. Clips
 * are spoken words of a few seconds, so they are held whole in memory.
 */
export interface MonoAudio {
  sampleRate: number;
  samples: Float32Array;
}

/** Length in milliseconds. */
export function durationMs(audio: MonoAudio): number {
  return (audio.samples.length / audio.sampleRate) * 1000;
}

/** The highest absolute sample, in dB below full scale (`-Infinity` for digital silence). */
export function samplePeakDb(audio: MonoAudio): number {
  let peak = 0;
  for (const sample of audio.samples) peak = Math.max(peak, Math.abs(sample));
  return 20 * Math.log10(peak);
}

/** `audio` made louder or quieter by `db`. */
export function withGain(audio: MonoAudio, db: number): MonoAudio {
  const factor = 10 ** (db / 20);
  return { sampleRate: audio.sampleRate, samples: audio.samples.map((sample) => sample * factor) };
}
