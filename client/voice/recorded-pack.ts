/**
 * The centre's recorded voice pack as a board sees it: which clips it has, where each file is,
 * and for which languages it is complete. The server decides completeness (it knows the
 * sentences and numbers in use); the board still checks every sentence against the clips, so
 * it never says half a sentence in one voice and half in another.
 */
import { RECORDED_SOURCE, type ClipSource } from '../../protocol/voice/clip-source.ts';
import type { RecordedPackManifest } from '../../protocol/voice/voice-pack.ts';

/** The pack as a clip source; `null` when it is complete for no language. */
export function recordedSource(pack: RecordedPackManifest | null): ClipSource | null {
  if (pack === null || !(pack.complete.vi || pack.complete.en)) return null;
  return { id: RECORDED_SOURCE, has: (id) => Object.hasOwn(pack.clips, id) };
}
