/**
 * The centre's recorded voice pack as a board sees it: which clips it has, where each file is,
 * and for which languages it is complete. The server decides completeness (it knows the
 * sentences and numbers in use); the board still checks every sentence against the clips, so
 * it never says half a sentence in one voice and half in another.
 */
import * as v from 'valibot';
import type { ClipSource } from './clip-choice.ts';
import type { ClipId } from './clip-id.ts';

/** The clip source id of the recorded pack. */
export const RECORDED_SOURCE = 'recorded';

/** The public manifest of a recorded pack (`GET /api/voice-pack/manifest`). */
export interface RecordedPackManifest {
  /** Changes with every clip recorded, replaced or removed. */
  version: string;
  /** The languages whose clips are all recorded for the centre's settings: boards use the pack for those. */
  complete: { vi: boolean; en: boolean };
  /** Clip id → file URL (immutable: a new recording gets a new URL). */
  clips: Record<ClipId, { url: string; durationMs: number }>;
}

/** Schema of {@link RecordedPackManifest}, for what a board receives. */
export const recordedPackManifestSchema = v.object({
  version: v.string(),
  complete: v.object({ vi: v.boolean(), en: v.boolean() }),
  clips: v.record(v.string(), v.object({ url: v.string(), durationMs: v.number() })),
});

/** The pack as a clip source; `null` when it is complete for no language. */
export function recordedSource(pack: RecordedPackManifest | null): ClipSource | null {
  if (pack === null || !(pack.complete.vi || pack.complete.en)) return null;
  return { id: RECORDED_SOURCE, has: (id) => Object.hasOwn(pack.clips, id) };
}
