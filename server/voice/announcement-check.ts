/**
 * The server's side of "never silent": a centre's sentences are checked when saved against the
 * clips that can say them, the generated voice shipped with the display app and the centre's
 * recorded pack, and refused naming the words that have no clip.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import type { ClipManifest } from '../../protocol/voice/clip-manifest.ts';
import { CLIP_VOICES, type ClipVoice } from '../../protocol/voice/dialect.ts';
import { sentenceGaps, type SentenceGap } from '../../protocol/voice/sentence-check.ts';
import { voiceConfigSchema } from '../../protocol/voice/voice-config.ts';
import { type ClipSource, RECORDED_SOURCE } from '../../protocol/voice/clip-source.ts';

/** Reads the manifests of the shipped generated voices from the display app's clip folders. */
export function loadGeneratedVoices(repoDir: string): ReadonlyMap<ClipVoice, ClipSource> {
  const voices = new Map<ClipVoice, ClipSource>();
  for (const voice of CLIP_VOICES) {
    const manifest = JSON.parse(readFileSync(join(repoDir, 'client/voice/clips', voice, 'manifest.json'), 'utf8')) as ClipManifest;
    voices.set(voice, { id: voice, has: (id) => Object.hasOwn(manifest.clips, id) });
  }
  return voices;
}

/**
 * The sentences of `announcement` (the settings as the admin sent them) that no voice can say.
 * Settings that do not even parse get no answer here: the schema refuses them with its own message.
 */
export function announcementGaps(
  announcement: unknown,
  generated: ReadonlyMap<ClipVoice, ClipSource>,
  recorded: ReadonlySet<string>,
): SentenceGap[] {
  const parsed = v.safeParse(voiceConfigSchema, announcement ?? {});
  if (!parsed.success) return [];
  const voice = generated.get(parsed.output.voice);
  if (voice === undefined) return [];
  return sentenceGaps(parsed.output, [voice, { id: RECORDED_SOURCE, has: (id) => recorded.has(id) }]);
}
