import { describe, expect, it } from 'vitest';
import { PREFIX_LETTERS, vietnameseLetterName } from '../../../protocol/voice/letter-names.ts';
import { parseLabel, readLabelEnglish, readLabelVietnamese } from '../../../protocol/voice/ticket-reading.ts';
import { readEnglishNumber } from '../../../protocol/voice/english-number.ts';

describe('ticket labels in Vietnamese', () => {
  it('reads the letter prefix by name, then the number', () => {
    expect(readLabelVietnamese('A1023').join(' ')).toBe('a một nghìn không trăm hai mươi ba');
  });

  it('ignores the separator and leading zeros', () => {
    expect(readLabelVietnamese('B-05').join(' ')).toBe('bê năm');
  });

  it('reads several letters and lower case', () => {
    expect(readLabelVietnamese('ls12').join(' ')).toBe('e-lờ ét-xì mười hai');
  });

  it('reads a bare counter number', () => {
    expect(readLabelVietnamese('3')).toEqual(['ba']);
  });

  it('passes the reading options to the number', () => {
    expect(readLabelVietnamese('C105', { zeroTens: 'lẻ' }).join(' ')).toBe('xê một trăm lẻ năm');
  });

  it('reads a digit run too long for a number digit by digit', () => {
    expect(readLabelVietnamese('A1234567').join(' ')).toBe('a một hai ba bốn năm sáu bảy');
  });

  it('reads Đ', () => {
    expect(readLabelVietnamese('Đ7')).toEqual(['đê', 'bảy']);
  });

  it('rejects characters it cannot say', () => {
    expect(() => parseLabel('A#1')).toThrow(RangeError);
    expect(() => parseLabel(' - ')).toThrow(RangeError);
  });

  it('keeps digit runs apart across a separator', () => {
    expect(parseLabel('12-34')).toEqual([
      { kind: 'digits', digits: '12' },
      { kind: 'digits', digits: '34' },
    ]);
  });

  it('has an NFC name with no spaces for every letter', () => {
    for (const letter of PREFIX_LETTERS) {
      const name = vietnameseLetterName(letter);
      expect(name).toBe(name.normalize('NFC'));
      expect(name).toMatch(/^[\p{L}-]+$/u);
    }
  });
});

describe('ticket labels in English', () => {
  it('reads ticket numbers digit by digit after the letter', () => {
    expect(readLabelEnglish('A1023', 'digits')).toEqual(['A', 'one', 'zero', 'two', 'three']);
  });

  it('drops leading zeros as in Vietnamese', () => {
    expect(readLabelEnglish('B-05', 'digits')).toEqual(['B', 'five']);
  });

  it('reads counters as cardinal numbers', () => {
    expect(readLabelEnglish('12', 'cardinal')).toEqual(['twelve']);
  });

  it('says Đ as D', () => {
    expect(readLabelEnglish('đ1', 'digits')).toEqual(['D', 'one']);
  });
});

describe('English numbers', () => {
  it.each([
    [0, 'zero'],
    [3, 'three'],
    [13, 'thirteen'],
    [40, 'forty'],
    [99, 'ninety nine'],
    [100, 'one hundred'],
    [105, 'one hundred five'],
    [1023, 'one thousand twenty three'],
    [2000, 'two thousand'],
    [9999, 'nine thousand nine hundred ninety nine'],
  ])('reads %i as "%s" in cardinal style', (n, expected) => {
    expect(readEnglishNumber(n, 'cardinal').join(' ')).toBe(expected);
  });

  it('reads one word per digit in digit style', () => {
    expect(readEnglishNumber(907, 'digits')).toEqual(['nine', 'zero', 'seven']);
  });
});
