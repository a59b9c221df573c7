/**
 * The `manifest.json` of a clip set: written next to each generated voice's clips by
 * `scripts/generate-voice-clips.ts`, and served for the centre's recorded voice pack.
 */
import type { ClipId } from './clip-id.ts';

/** One clip file, its length and its measured level. */
export interface ClipEntry {
  /** File name inside the voice folder. */
  file: string;
  /** Length after silence trimming, in milliseconds. */
  durationMs: number;
  /** Integrated loudness (BS.1770) of the file as played, in LUFS. */
  loudnessLufs: number;
  /** Highest sample of the file as played, in dBFS. */
  peakDb: number;
  /** How espeak-ng pronounced it (its phoneme notation), for generated clips: proof that two letter names differ. */
  phonemes?: string;
}

/** A voice folder's index: which file says which clip id. */
export interface ClipManifest {
  /** espeak-ng voice of the Vietnamese clips. */
  voice: string;
  /** espeak-ng voice of the English clips. */
  englishVoice: string;
  /** espeak-ng speed in words per minute. */
  speed: number;
  sampleRate: number;
  clips: Record<ClipId, ClipEntry>;
}

/** The ids in `clipIds` that `manifest` has no clip for, each once, in order. */
export function missingClips(manifest: Pick<ClipManifest, 'clips'>, clipIds: Iterable<ClipId>): ClipId[] {
  const missing = new Set<ClipId>();
  for (const id of clipIds) if (!Object.hasOwn(manifest.clips, id)) missing.add(id);
  return [...missing];
}

/** Finds the URL of a clip for one voice; `undefined` when the voice has no such clip. */
export type ClipUrlResolver = (id: ClipId) => string | undefined;
