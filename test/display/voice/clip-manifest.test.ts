import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAnnouncement } from '../../../display/voice/announcement.ts';
import { CHIME_CLIP, clipId } from '../../../protocol/voice/clip-id.ts';
import { missingClips, type ClipManifest } from '../../../display/voice/clip-manifest.ts';
import { readEnglishNumber } from '../../../display/voice/english-number.ts';
import { englishLetterName, PREFIX_LETTERS, vietnameseLetterName } from '../../../display/voice/letter-names.ts';
import { readVietnameseNumber } from '../../../display/voice/vietnamese-number.ts';
import { CLIP_VOICES, DEFAULT_VOICE_CONFIG } from '../../../protocol/voice/voice-config.ts';

const clipsRoot = resolve(import.meta.dirname, '../../../display/voice/clips');
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
    ids.add(clipId('vi', vietnameseLetterName(letter)));
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

  it('has the chime and the phrases of both default sentences', () => {
    const announcement = buildAnnouncement({ ticket: 'A1', counter: 1 }, { ...DEFAULT_VOICE_CONFIG, english: true });
    expect(announcement.clipIds[0]).toBe(CHIME_CLIP);
    expect(missingClips(manifest, announcement.clipIds)).toEqual([]);
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
