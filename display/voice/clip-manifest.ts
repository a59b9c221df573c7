/**
 * The `manifest.json` written next to each voice's clips by `scripts/generate-voice-clips.ts`.
 */
import type { ClipId } from '../../protocol/voice/clip-id.ts';

/** One clip file and its length. */
export interface ClipEntry {
  /** File name inside the voice folder. */
  file: string;
  /** Length after silence trimming, in milliseconds. */
  durationMs: number;
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
