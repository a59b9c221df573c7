/**
 * Makes a spoken clip ready to be strung into announcements: silence cut from both ends, then
 * one loudness for every clip (EBU R128's -23 LUFS), so no word of a sentence stands out and the
 * chime can sit a fixed step below the voice. Used by the clip generator (espeak-ng output) and
 * by the server on every clip an announcer records or uploads.
 */
import { integratedLoudness } from './loudness.ts';
import { durationMs, samplePeakDb, withGain, type MonoAudio } from '../../protocol/voice/mono-audio.ts';

/** The loudness of every spoken clip, in LUFS (EBU R128's programme target). */
export const SPEECH_LOUDNESS_LUFS = -23;
/** The chime's loudness: 5 LU under the voice, so it announces without being the loudest thing heard. */
export const CHIME_LOUDNESS_LUFS = -28;
/** No sample may come closer to full scale than this, in dBFS. */
export const PEAK_CEILING_DB = -1;

/** Trimming thresholds. */
export interface TrimOptions {
  /** Frames quieter than this (RMS, dBFS) are silence whatever the clip. Defaults to -50. */
  floorDb?: number;
  /** Frames more than this far (dB) below the clip's loudest frame are silence too, so room hiss is cut. Defaults to 40. */
  rangeDb?: number;
  /** Kept before the first sound, in ms, so a soft onset ("h", "s") is not clipped. Defaults to 15. */
  leadMs?: number;
  /** Kept after the last sound, in ms, for the word's natural decay. Defaults to 40. */
  tailMs?: number;
}

const FRAME_MS = 10;
const FADE_MS = 5;

/** `audio` without the silence at its ends, with a 5 ms fade at each cut so it does not click. */
export function trimSilence(audio: MonoAudio, options: TrimOptions = {}): MonoAudio {
  const { floorDb = -50, rangeDb = 40, leadMs = 15, tailMs = 40 } = options;
  const frame = Math.max(1, Math.round((audio.sampleRate * FRAME_MS) / 1000));
  const levels: number[] = [];
  for (let start = 0; start < audio.samples.length; start += frame) {
    let sum = 0;
    const end = Math.min(audio.samples.length, start + frame);
    for (let i = start; i < end; i += 1) sum += audio.samples[i]! ** 2;
    levels.push(10 * Math.log10(sum / (end - start)));
  }
  const loudest = Math.max(...levels);
  const threshold = Math.max(floorDb, loudest - rangeDb);
  const first = levels.findIndex((level) => level > threshold);
  if (first < 0) return { sampleRate: audio.sampleRate, samples: new Float32Array(0) };
  let last = levels.length - 1;
  while (levels[last]! <= threshold) last -= 1;
  const from = Math.max(0, first * frame - Math.round((audio.sampleRate * leadMs) / 1000));
  const to = Math.min(audio.samples.length, (last + 1) * frame + Math.round((audio.sampleRate * tailMs) / 1000));
  const samples = audio.samples.slice(from, to);
  const fade = Math.min(Math.floor(samples.length / 2), Math.round((audio.sampleRate * FADE_MS) / 1000));
  for (let i = 0; i < fade; i += 1) {
    samples[i]! *= i / fade;
    samples[samples.length - 1 - i]! *= i / fade;
  }
  return { sampleRate: audio.sampleRate, samples };
}

/** A clip brought to its loudness, and what was done to it. */
export interface LevelledClip {
  audio: MonoAudio;
  /** Measured after levelling. */
  loudnessLufs: number;
  peakDb: number;
  gainDb: number;
}

/**
 * `audio` at `targetLufs`, or as close as the peak ceiling allows (a clip whose peaks would pass
 * {@link PEAK_CEILING_DB} is left quieter rather than distorted; the caller sees its loudness).
 * `null` for a clip with nothing audible.
 */
export function levelLoudness(audio: MonoAudio, targetLufs: number): LevelledClip | null {
  const measured = integratedLoudness(audio);
  if (!Number.isFinite(measured)) return null;
  const gainDb = Math.min(targetLufs - measured, PEAK_CEILING_DB - samplePeakDb(audio));
  const levelled = withGain(audio, gainDb);
  return { audio: levelled, loudnessLufs: integratedLoudness(levelled), peakDb: samplePeakDb(levelled), gainDb };
}

/** A spoken clip trimmed and levelled to {@link SPEECH_LOUDNESS_LUFS}; `null` when nothing audible is left. */
export function prepareSpokenClip(audio: MonoAudio): (LevelledClip & { durationMs: number }) | null {
  const trimmed = trimSilence(audio);
  if (trimmed.samples.length === 0) return null;
  const levelled = levelLoudness(trimmed, SPEECH_LOUDNESS_LUFS);
  return levelled && { ...levelled, durationMs: Math.round(durationMs(levelled.audio)) };
}
