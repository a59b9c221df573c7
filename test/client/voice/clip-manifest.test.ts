import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEECH_LOUDNESS_LUFS } from '../../../server/voice/clip-levelling.ts';
import { BUILT_IN_TEMPLATES } from '../../../scripts/voice/clip-inventory.ts';
import { CHIME_CLIP, clipId } from '../../../protocol/voice/clip-id.ts';
import { missingClips, type ClipManifest } from '../../../protocol/voice/clip-manifest.ts';
import { readEnglishNumber } from '../../../protocol/voice/english-number.ts';
import { englishLetterName, PREFIX_LETTERS, vietnameseLetterName } from '../../../protocol/voice/letter-names.ts';
import { readVietnameseNumber } from '../../../protocol/voice/vietnamese-number.ts';
import { CLIP_VOICES, DIALECTS } from '../../../protocol/voice/dialect.ts';
import { phraseClips } from '../../../protocol/voice/recording-list.ts';

const clipsRoot = resolve(import.meta.dirname, '../../../client/voice/clips');
const readManifest = (voice: string): ClipManifest =>
  JSON.parse(readFileSync(join(clipsRoot, voice, 'manifest.json'), 'utf8')) as ClipManifest;

/** Every word the readers can say for tickets 0–9999 under every option, and every letter name. */
function everyReaderClip(): Set<string> {
  const ids = new Set<string>();
  for (let n = 0; n <= 9999; n += 1) {
    for (const zeroTens of ['linh', 'lẻ'] as const) {
      for (const thousand of ['nghìn', 'ngàn'] as const) {
        for (const fourAfterTens of ['tư', 'bốn'] as const) {
          for (const word of readVietnameseNumber(n, { zeroTens, thousand, fourAfterTens })) ids.add(clipId('vi', word));
        }
      }
    }
    for (const style of ['digits', 'cardinal'] as const) for (const word of readEnglishNumber(n, style)) ids.add(clipId('en', word));
  }
  for (const letter of PREFIX_LETTERS) {
    for (const dialect of DIALECTS) ids.add(clipId('vi', vietnameseLetterName(letter, dialect)));
    ids.add(clipId('en', englishLetterName(letter)));
  }
  return ids;
}

const readerClips = everyReaderClip();

describe.each(CLIP_VOICES)('committed clips of voice %s', (voice) => {
  const manifest = readManifest(voice);

  it('has a clip for every number word and letter name', () => {
    expect(missingClips(manifest, readerClips)).toEqual([]);
  });

  it('has the chime and the phrases of every built-in sentence, current and earlier', () => {
    const phrases = [
      ...BUILT_IN_TEMPLATES.vi.flatMap((t) => phraseClips('vi', t)),
      ...BUILT_IN_TEMPLATES.en.flatMap((t) => phraseClips('en', t)),
    ];
    expect(phrases.length).toBeGreaterThan(8);
    expect(missingClips(manifest, [CHIME_CLIP, ...phrases])).toEqual([]);
  });

  it('has every spoken clip at one loudness, the chime below the voice, and no peak above -1 dBFS', () => {
    for (const [id, entry] of Object.entries(manifest.clips)) {
      if (id === CHIME_CLIP) continue;
      expect(Math.abs(entry.loudnessLufs - SPEECH_LOUDNESS_LUFS), id).toBeLessThanOrEqual(1.5);
      expect(entry.peakDb, id).toBeLessThanOrEqual(-0.9);
    }
    expect(manifest.clips[CHIME_CLIP]!.loudnessLufs).toBeLessThanOrEqual(SPEECH_LOUDNESS_LUFS - 4);
    expect(manifest.clips[CHIME_CLIP]!.durationMs).toBeLessThanOrEqual(800);
  });

  it('points every clip at an existing, non-empty file and has no stray files', () => {
    const files = new Set(readdirSync(join(clipsRoot, voice)).filter((name) => name !== 'manifest.json'));
    for (const [id, entry] of Object.entries(manifest.clips)) {
      expect(files.has(entry.file), id).toBe(true);
      expect(entry.durationMs, id).toBeGreaterThan(100);
    }
    expect(new Set(Object.values(manifest.clips).map((entry) => entry.file))).toEqual(files);
  });
});

it('keeps all shipped clips within 2 MB', () => {
  let bytes = 0;
  for (const voice of CLIP_VOICES)
    for (const name of readdirSync(join(clipsRoot, voice))) bytes += statSync(join(clipsRoot, voice, name)).size;
  expect(bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
});
