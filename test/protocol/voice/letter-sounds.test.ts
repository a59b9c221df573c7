import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clipId } from '../../../protocol/voice/clip-id.ts';
import type { ClipManifest } from '../../../protocol/voice/clip-manifest.ts';
import { DIALECT_PRESETS, DIALECTS } from '../../../protocol/voice/dialect.ts';
import { PREFIX_LETTERS, vietnameseLetterName } from '../../../protocol/voice/letter-names.ts';
import { alikePrefixes, prefixesSoundAlike, spokenKey } from '../../../protocol/voice/letter-sounds.ts';

const clipsRoot = resolve(import.meta.dirname, '../../../client/voice/clips');

/** The value that appears more than once in `pairs`, with the letters it belongs to. */
function sameFor(pairs: Array<[string, string]>): string[][] {
  const by = new Map<string, string[]>();
  for (const [letter, value] of pairs) by.set(value, [...(by.get(value) ?? []), letter]);
  return [...by.values()].filter((letters) => letters.length > 1);
}

describe.each(DIALECTS)('letter names in the %s dialect', (dialect) => {
  const letters = PREFIX_LETTERS;
  const names = letters.map((letter): [string, string] => [letter, vietnameseLetterName(letter, dialect)]);

  it('sound different from each other to a listener of the dialect', () => {
    expect(sameFor(names.map(([letter, name]) => [letter, spokenKey(name, dialect)]))).toEqual([]);
  });

  // The generated voice of the dialect: every letter a clip of its own, pronounced differently.
  const voice = DIALECT_PRESETS[dialect].voice;
  const manifest = JSON.parse(readFileSync(join(clipsRoot, voice, 'manifest.json'), 'utf8')) as ClipManifest;
  const entries = names.map(([letter, name]): [string, ClipManifest['clips'][string]] => [letter, manifest.clips[clipId('vi', name)]!]);

  it(`have clips of ${voice} that differ in their audio and in how espeak-ng pronounced them`, () => {
    expect(entries.every(([, entry]) => entry !== undefined)).toBe(true);
    const digest = (file: string) =>
      createHash('sha256')
        .update(readFileSync(join(clipsRoot, voice, file)))
        .digest('hex');
    expect(sameFor(entries.map(([letter, entry]) => [letter, digest(entry.file)]))).toEqual([]);
    expect(sameFor(entries.map(([letter, entry]) => [letter, entry.phonemes ?? '']))).toEqual([]);
  });

  it('keep D, G, J and V apart (they were one sound before)', () => {
    const phonemes = ['D', 'G', 'J', 'V'].map((letter) => entries.find(([l]) => l === letter)?.[1].phonemes);
    expect(new Set(phonemes).size).toBe(4);
  });
});

describe('prefixes that sound alike', () => {
  it('are the ones a loudspeaker blurs, in every dialect', () => {
    for (const dialect of DIALECTS) {
      expect(prefixesSoundAlike('B', 'P', dialect)).toBe(true);
      expect(prefixesSoundAlike('T', 'Đ', dialect)).toBe(true);
      expect(prefixesSoundAlike('AB', 'AP', dialect)).toBe(true);
      expect(prefixesSoundAlike('D', 'G', dialect)).toBe(false);
      expect(prefixesSoundAlike('D', 'V', dialect)).toBe(false);
      expect(prefixesSoundAlike('A', 'A', dialect)).toBe(false);
      expect(prefixesSoundAlike('', 'A', dialect)).toBe(false);
    }
  });

  it('hear "dê" and "giê" as one sound, and "vê" with them in the South', () => {
    expect(spokenKey('dê', 'north')).toBe(spokenKey('giê', 'north'));
    expect(spokenKey('vê', 'south')).toBe(spokenKey('dê', 'south'));
    expect(spokenKey('vê', 'north')).not.toBe(spokenKey('dê', 'north'));
  });

  it('are listed per pair of services, with how each is said', () => {
    const services = [
      { id: 'land', prefix: 'B' },
      { id: 'civil', prefix: 'A' },
      { id: 'tax', prefix: 'P' },
      { id: 'plain', prefix: '' },
    ];
    expect(alikePrefixes(services, 'north')).toEqual([{ services: ['land', 'tax'], prefixes: ['B', 'P'], spoken: ['bê', 'pê'] }]);
  });
});
