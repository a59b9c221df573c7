/**
 * Reads a whole number aloud in Vietnamese, as a list of words.
 *
 * The reader returns words (not a sentence) because the call display plays one recorded clip
 * per word; {@link joinWords} makes the text form. Rules follow docs `ux.md` ("Call display"):
 * - units after "mươi"/"mười": 5 is "lăm" (15 "mười lăm", 25 "hai mươi lăm"), never elsewhere
 *   (5 "năm", 105 "một trăm linh năm");
 * - 1 after "mươi" is "mốt" (21 "hai mươi mốt"), but "mười một" for 11;
 * - 4 after "mươi" is "tư" or "bốn" by option (24), but "mười bốn" and "linh bốn";
 * - a zero tens digit between a hundreds word and a non-zero unit is "linh" (North) or "lẻ";
 * - a zero hundreds digit after a thousands word is spoken: 1023 "một nghìn không trăm hai
 *   mươi ba", unless the rest of the group is zero too (2000 "hai nghìn").
 */

/** Regional choices a centre makes for spoken numbers. */
export interface VietnameseReadingOptions {
  /** Word for a zero tens digit before a non-zero unit (105). Defaults to `'linh'`. */
  zeroTens: 'linh' | 'lẻ';
  /** Word for a thousand. Defaults to `'nghìn'`. */
  thousand: 'nghìn' | 'ngàn';
  /** Word for a units 4 after "mươi" (24, 34 …). Defaults to `'tư'`. */
  fourAfterTens: 'tư' | 'bốn';
}

/** Northern usage, the default: "linh", "nghìn", "tư" (the other dialects: `dialect.ts`). */
export const NORTHERN_READING: Readonly<VietnameseReadingOptions> = Object.freeze({
  zeroTens: 'linh',
  thousand: 'nghìn',
  fourAfterTens: 'tư',
});

/** The largest number {@link readVietnameseNumber} accepts: ticket and counter numbers are far smaller. */
export const MAX_VIETNAMESE_NUMBER = 999_999;

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** The word for a single digit 0–9 on its own ("không", "một" … "chín"). */
export function digitWord(digit: number): string {
  const word = DIGITS[digit];
  if (word === undefined) throw new RangeError(`not a digit: ${digit}`);
  return word;
}

/**
 * The words for `value` (an integer from 0 to {@link MAX_VIETNAMESE_NUMBER}).
 *
 * @example readVietnameseNumber(1023) // ['một', 'nghìn', 'không', 'trăm', 'hai', 'mươi', 'ba']
 * @throws RangeError when `value` is not an integer in range.
 */
export function readVietnameseNumber(value: number, options: Partial<VietnameseReadingOptions> = {}): string[] {
  if (!Number.isInteger(value) || value < 0 || value > MAX_VIETNAMESE_NUMBER) {
    throw new RangeError(`cannot read ${value}: expected an integer from 0 to ${MAX_VIETNAMESE_NUMBER}`);
  }
  const opts: VietnameseReadingOptions = { ...NORTHERN_READING, ...options };
  if (value === 0) return [digitWord(0)];

  const thousands = Math.floor(value / 1000);
  const rest = value % 1000;
  const words: string[] = [];
  if (thousands > 0) {
    words.push(...readGroup(thousands, false, opts), opts.thousand);
  }
  if (rest > 0) words.push(...readGroup(rest, thousands > 0, opts));
  return words;
}

/**
 * Reads a non-zero group of three digits. `afterHigherGroup` is true when a thousands word
 * precedes it, which makes a zero hundreds digit spoken ("không trăm").
 */
function readGroup(group: number, afterHigherGroup: boolean, opts: VietnameseReadingOptions): string[] {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const units = group % 10;
  const words: string[] = [];
  const hasHundredsWord = hundreds > 0 || afterHigherGroup;
  if (hasHundredsWord) words.push(digitWord(hundreds), 'trăm');

  if (tens === 0) {
    if (units === 0) return words;
    // A bare unit after "trăm" needs the linking word: 105 "một trăm linh năm", not "một trăm năm".
    if (hasHundredsWord) words.push(opts.zeroTens);
    words.push(digitWord(units));
    return words;
  }
  if (tens === 1) {
    words.push('mười');
    if (units === 5) words.push('lăm');
    else if (units > 0) words.push(digitWord(units));
    return words;
  }
  words.push(digitWord(tens), 'mươi');
  if (units === 1) words.push('mốt');
  else if (units === 4) words.push(opts.fourAfterTens);
  else if (units === 5) words.push('lăm');
  else if (units > 0) words.push(digitWord(units));
  return words;
}

/** The text form of a word list: single spaces, NFC. */
export function joinWords(words: readonly string[]): string {
  return words.join(' ').normalize('NFC');
}

/** The text of {@link readVietnameseNumber}, e.g. "một nghìn không trăm linh một". */
export function vietnameseNumberText(value: number, options: Partial<VietnameseReadingOptions> = {}): string {
  return joinWords(readVietnameseNumber(value, options));
}
