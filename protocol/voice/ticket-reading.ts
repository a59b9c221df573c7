/**
 * Splits a ticket or counter label ("A1023", "B-05", "12") into spoken words.
 *
 * Letters are read by name, then the digits as one number. Leading zeros are not spoken
 * ("B-05" → "bê năm"): the display pads numbers for layout, but nobody says "không năm" when
 * calling a queue. Separators (space, "-", ".", "/") are ignored. A digit run too long to read as
 * a number is read digit by digit rather than failing, so an odd label still gets announced.
 */
import type { Dialect } from './dialect.ts';
import { englishLetterName, isPrefixLetter, vietnameseLetterName } from './letter-names.ts';
import { MAX_ENGLISH_NUMBER, readEnglishNumber, type EnglishNumberStyle } from './english-number.ts';
import { digitWord, MAX_VIETNAMESE_NUMBER, readVietnameseNumber, type VietnameseReadingOptions } from './vietnamese-number.ts';

/** A label cut into what is read as letters and what is read as numbers, in order. */
export type LabelPart = { kind: 'letter'; letter: string } | { kind: 'digits'; digits: string };

const SEPARATORS = /[\s\-./_]/u;

/**
 * Cuts a label into letters and digit runs.
 * @throws RangeError for a character that is neither a prefix letter, a digit nor a separator,
 * or for a label with nothing to read.
 */
export function parseLabel(label: string): LabelPart[] {
  const parts: LabelPart[] = [];
  // A separator ends a digit run: "12-34" is two numbers, as printed.
  let runOpen = false;
  for (const char of label.normalize('NFC')) {
    const last = parts.at(-1);
    if (/[0-9]/u.test(char)) {
      if (runOpen && last?.kind === 'digits') last.digits += char;
      else parts.push({ kind: 'digits', digits: char });
      runOpen = true;
    } else if (isPrefixLetter(char)) {
      parts.push({ kind: 'letter', letter: char.toUpperCase() });
      runOpen = false;
    } else if (SEPARATORS.test(char)) {
      runOpen = false;
    } else {
      throw new RangeError(`cannot read "${char}" in label "${label}"`);
    }
  }
  if (parts.length === 0) throw new RangeError(`nothing to read in label "${label}"`);
  return parts;
}

/** How a label is read in Vietnamese: the number words, and the dialect whose letter names are used. */
export type LabelReadingOptions = Partial<VietnameseReadingOptions> & { dialect?: Dialect };

/** Vietnamese words for a label: "A1023" → ['a', 'một', 'nghìn', 'không', 'trăm', 'hai', 'mươi', 'ba']. */
export function readLabelVietnamese(label: string, options: LabelReadingOptions = {}): string[] {
  return readLabelVietnameseParts(label, options).flat();
}

/**
 * How digits are read: `'number'` as the number ("một nghìn không trăm hai mươi ba"), `'digits'`
 * one word per digit ("một không hai ba"), which the brief announcement uses: about half the
 * syllables, and the digits as printed on the ticket.
 */
export type VietnameseDigitStyle = 'number' | 'digits';

/** {@link readLabelVietnamese} with the words of each letter and digit run kept apart: "A12" → [['a'], ['mười', 'hai']]. */
export function readLabelVietnameseParts(
  label: string,
  options: LabelReadingOptions = {},
  style: VietnameseDigitStyle = 'number',
): string[][] {
  return parseLabel(label).map((part) => {
    if (part.kind === 'letter') return [vietnameseLetterName(part.letter, options.dialect)];
    const value = Number(part.digits);
    if (style === 'digits' || value > MAX_VIETNAMESE_NUMBER)
      return [...part.digits.replace(/^0+(?=\d)/u, '')].map((digit) => digitWord(Number(digit)));
    return readVietnameseNumber(value, options);
  });
}

/**
 * English words for a label: "A1023" → ['A', 'one', 'zero', 'two', 'three'] in the `'digits'`
 * style. Both styles read the value, so leading zeros are dropped as in Vietnamese.
 */
export function readLabelEnglish(label: string, style: EnglishNumberStyle): string[] {
  return readLabelEnglishParts(label, style).flat();
}

/** {@link readLabelEnglish} with the words of each letter and digit run kept apart. */
export function readLabelEnglishParts(label: string, style: EnglishNumberStyle): string[][] {
  return parseLabel(label).map((part) => {
    if (part.kind === 'letter') return [englishLetterName(part.letter)];
    const value = Number(part.digits);
    if (value > MAX_ENGLISH_NUMBER) return [...part.digits].flatMap((digit) => readEnglishNumber(Number(digit), 'digits'));
    return readEnglishNumber(value, style);
  });
}
