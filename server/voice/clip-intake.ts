/**
 * What happens to every clip an announcer records or uploads before it joins the voice pack:
 * read as PCM WAV, refused with a clear reason when it cannot make a good clip (silent, far too
 * quiet, distorted, too long), else trimmed and levelled like the generated clips.
 */
import { prepareSpokenClip } from './clip-levelling.ts';
import { integratedLoudness } from './loudness.ts';
import { durationMs, type MonoAudio } from '../../protocol/voice/mono-audio.ts';
import { readWav, writeWav, type WavProblem } from '../../protocol/voice/wav-file.ts';

/** Why a clip is refused; each is an i18n key `voice:pack.<problem>`. */
export type IntakeProblem = WavProblem | 'bad_sample_rate' | 'silent' | 'too_quiet' | 'clipped' | 'too_short' | 'too_long';

/** A clip ready for the pack. */
export interface TakenClip {
  wav: Uint8Array;
  durationMs: number;
  loudnessLufs: number;
  peakDb: number;
  gainDb: number;
  /** Silence cut from the ends, in ms. */
  trimmedMs: number;
}

/** Quieter than this (LUFS) is a muted microphone or a room, not a voice. */
const SILENT_LUFS = -60;
/** Quieter than this a voice is too far from the microphone: levelling would lift the room noise with it. */
const TOO_QUIET_LUFS = -45;
/** A share of samples at full scale beyond which the recording is distorted. */
const CLIPPED_SHARE = 0.001;
const SHORTEST_MS = 80;
/** Longer than any phrase of an announcement: a clip this long holds more than one phrase or a lot of noise. */
const LONGEST_MS = 6000;

/** Checks, trims and levels the WAV file `bytes`. */
export function takeClip(bytes: Uint8Array): { ok: true; clip: TakenClip } | { ok: false; problem: IntakeProblem } {
  const read = readWav(bytes);
  if (!read.ok) return read;
  const audio = read.audio;
  if (audio.sampleRate < 16_000 || audio.sampleRate > 48_000) return { ok: false, problem: 'bad_sample_rate' };
  const loudness = integratedLoudness(audio);
  if (!(loudness > SILENT_LUFS)) return { ok: false, problem: 'silent' };
  if (loudness < TOO_QUIET_LUFS) return { ok: false, problem: 'too_quiet' };
  if (clippedShare(audio) > CLIPPED_SHARE) return { ok: false, problem: 'clipped' };
  const prepared = prepareSpokenClip(audio);
  if (prepared === null || prepared.durationMs < SHORTEST_MS) return { ok: false, problem: 'too_short' };
  if (prepared.durationMs > LONGEST_MS) return { ok: false, problem: 'too_long' };
  return {
    ok: true,
    clip: {
      wav: writeWav(prepared.audio),
      durationMs: prepared.durationMs,
      loudnessLufs: round(prepared.loudnessLufs),
      peakDb: round(prepared.peakDb),
      gainDb: round(prepared.gainDb),
      trimmedMs: Math.max(0, Math.round(durationMs(audio) - prepared.durationMs)),
    },
  };
}

function clippedShare(audio: MonoAudio): number {
  let clipped = 0;
  for (const sample of audio.samples) if (Math.abs(sample) >= 0.999) clipped += 1;
  return clipped / audio.samples.length;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
