import { describe, expect, it } from 'vitest';
import { DIALECT_PRESETS } from '../../../protocol/voice/dialect.ts';
import { joinWords, readVietnameseNumber, vietnameseNumberText } from '../../../protocol/voice/vietnamese-number.ts';

const SOUTHERN_READING = DIALECT_PRESETS.south;

const ALL = Array.from({ length: 10_000 }, (_, n) => n);
const text = (n: number): string => vietnameseNumberText(n);

describe('Vietnamese number reader: the examples in ux.md', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [100, 'một trăm'],
    [105, 'một trăm linh năm'],
    [114, 'một trăm mười bốn'],
    [1001, 'một nghìn không trăm linh một'],
    [1005, 'một nghìn không trăm linh năm'],
    [1010, 'một nghìn không trăm mười'],
    [1023, 'một nghìn không trăm hai mươi ba'],
    [1100, 'một nghìn một trăm'],
    [2000, 'hai nghìn'],
    [9999, 'chín nghìn chín trăm chín mươi chín'],
  ])('reads %i as "%s"', (n, expected) => {
    expect(text(n)).toBe(expected.normalize('NFC'));
  });

  it('returns one token per word', () => {
    expect(readVietnameseNumber(1023)).toEqual(['một', 'nghìn', 'không', 'trăm', 'hai', 'mươi', 'ba']);
  });
});

describe('Vietnamese number reader: options', () => {
  it('says "bốn" after mươi when asked', () => {
    expect(vietnameseNumberText(24, { fourAfterTens: 'bốn' })).toBe('hai mươi bốn');
  });

  it('says "lẻ" and "ngàn" in the southern reading', () => {
    expect(vietnameseNumberText(105, SOUTHERN_READING)).toBe('một trăm lẻ năm');
    expect(vietnameseNumberText(2000, SOUTHERN_READING)).toBe('hai ngàn');
    expect(vietnameseNumberText(1001, SOUTHERN_READING)).toBe('một ngàn không trăm lẻ một');
  });

  it('keeps "mười bốn" and "linh bốn" whatever the four option', () => {
    for (const fourAfterTens of ['tư', 'bốn'] as const) {
      expect(vietnameseNumberText(14, { fourAfterTens })).toBe('mười bốn');
      expect(vietnameseNumberText(104, { fourAfterTens })).toBe('một trăm linh bốn');
    }
  });

  it('rejects numbers it cannot read', () => {
    expect(() => readVietnameseNumber(-1)).toThrow(RangeError);
    expect(() => readVietnameseNumber(1.5)).toThrow(RangeError);
    expect(() => readVietnameseNumber(1_000_000)).toThrow(RangeError);
  });
});

describe('Vietnamese number reader: rules over 0–9999', () => {
  const tens = (n: number): number => Math.floor(n / 10) % 10;
  const units = (n: number): number => n % 10;
  const hundreds = (n: number): number => Math.floor(n / 100) % 10;

  it('never says "mươi một" or "mười mốt"; says "mươi mốt" exactly when tens ≥ 2 and units is 1', () => {
    for (const n of ALL) {
      const t = text(n);
      expect(t).not.toContain('mươi một');
      expect(t).not.toContain('mười mốt');
      expect(t.endsWith('mươi mốt'), `${n}: ${t}`).toBe(tens(n) >= 2 && units(n) === 1);
    }
  });

  it('says "lăm" exactly when the units digit is 5 after mươi or mười', () => {
    for (const n of ALL) {
      const t = text(n);
      expect(t.endsWith('lăm'), `${n}: ${t}`).toBe(units(n) === 5 && tens(n) >= 1);
      expect(t.split(' ').filter((word) => word === 'lăm').length).toBeLessThanOrEqual(1);
      expect(t).not.toMatch(/(^| )(linh|trăm|nghìn) lăm/u);
    }
  });

  it('says "tư" only after mươi from 24 upward', () => {
    for (const n of ALL) {
      const t = text(n);
      expect(t.endsWith('mươi tư'), `${n}: ${t}`).toBe(tens(n) >= 2 && units(n) === 4);
      expect(t.replace(/mươi tư$/u, '')).not.toContain('tư');
    }
  });

  it('says "linh" exactly when tens is 0 and units is not, in numbers from 100', () => {
    for (const n of ALL) {
      const t = text(n);
      const expected = n >= 100 && tens(n) === 0 && units(n) !== 0;
      expect(t.includes('linh'), `${n}: ${t}`).toBe(expected);
      expect(vietnameseNumberText(n, SOUTHERN_READING).includes('lẻ'), `${n}`).toBe(expected);
    }
  });

  it('says "không trăm" exactly when there are thousands, no hundreds and the rest is not zero', () => {
    for (const n of ALL) {
      const t = text(n);
      expect(t.includes('không trăm'), `${n}: ${t}`).toBe(n >= 1000 && hundreds(n) === 0 && n % 100 !== 0);
    }
  });

  it('says "không" only for zero or a zero hundreds digit', () => {
    for (const n of ALL) {
      const t = text(n);
      if (n === 0) continue;
      expect(t.replace('không trăm', '')).not.toContain('không');
    }
  });

  it('says "mười" exactly when tens is 1 and "mươi" exactly when tens is 2 or more', () => {
    for (const n of ALL) {
      const t = text(n);
      expect(t.includes('mười'), `${n}: ${t}`).toBe(tens(n) === 1);
      expect(t.includes('mươi'), `${n}: ${t}`).toBe(tens(n) >= 2);
    }
  });

  it('never produces empty tokens, double spaces or non-NFC text', () => {
    for (const n of ALL) {
      const words = readVietnameseNumber(n);
      expect(words.every((word) => word.length > 0 && !word.includes(' '))).toBe(true);
      const t = joinWords(words);
      expect(t).not.toMatch(/ {2}|^ | $/u);
      expect(t).toBe(t.normalize('NFC'));
    }
  });

  it('reads different numbers differently', () => {
    expect(new Set(ALL.map(text)).size).toBe(ALL.length);
  });
});
