/**
 * A voice pack as one file, for moving it between centres or keeping a copy: gzipped JSON with
 * every clip's WAV file in base64. Reading one checks everything before anything is used.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import * as v from 'valibot';
import { clipId } from '../../protocol/voice/clip-id.ts';
import { describeIssue } from '../../protocol/schema-issues.ts';

/** A gzipped bundle larger than this is not a voice pack (a few hundred clips are a few MB). */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
const MAX_UNZIPPED_BYTES = 4 * MAX_BUNDLE_BYTES;

/** A clip id the pack may hold: a language and the spoken text, exactly as the announcement code names it. */
export const PackClipId = v.pipe(
  v.string(),
  v.maxLength(120),
  v.check((id) => {
    const match = /^(vi|en):(.+)$/u.exec(id);
    return match !== null && !/\p{Cc}/u.test(id) && clipId(match[1] as 'vi' | 'en', match[2]!) === id;
  }, 'not a clip id'),
);

const BundleSchema = v.object({
  format: v.literal('motcua-voice-pack'),
  version: v.literal(1),
  exportedAt: v.number(),
  clips: v.pipe(v.array(v.object({ id: PackClipId, recordedAt: v.number(), wav: v.pipe(v.string(), v.base64()) })), v.maxLength(2000)),
});

/** One clip in a bundle. */
export interface BundledClip {
  id: string;
  recordedAt: number;
  wav: Uint8Array;
}

/** Packs clips into the one-file form. */
export function writeBundle(clips: readonly BundledClip[], exportedAt: number): Buffer {
  const body = {
    format: 'motcua-voice-pack',
    version: 1,
    exportedAt,
    clips: clips.map((clip) => ({ id: clip.id, recordedAt: clip.recordedAt, wav: Buffer.from(clip.wav).toString('base64') })),
  };
  return gzipSync(JSON.stringify(body));
}

/** Reads a bundle; the problems say what is wrong with one that is not a voice pack. */
export function readBundle(bytes: Uint8Array): { ok: true; clips: BundledClip[] } | { ok: false; problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(bytes, { maxOutputLength: MAX_UNZIPPED_BYTES }).toString('utf8'));
  } catch {
    return { ok: false, problems: ['not a gzipped motcua voice pack'] };
  }
  const result = v.safeParse(BundleSchema, parsed);
  if (!result.success) return { ok: false, problems: result.issues.slice(0, 20).map(describeIssue) };
  const ids = result.output.clips.map((clip) => clip.id);
  if (new Set(ids).size !== ids.length) return { ok: false, problems: ['the same clip appears twice'] };
  return {
    ok: true,
    clips: result.output.clips.map((clip) => ({ id: clip.id, recordedAt: clip.recordedAt, wav: Buffer.from(clip.wav, 'base64') })),
  };
}
