/**
 * Numbers in English words, for the optional English sentence.
 *
 * Two styles, chosen for listeners who know some English but not Vietnamese:
 * - `'digits'` (ticket numbers): one word per digit, "1023" → "one zero two three". A caller
 *   compares what they hear with the digits printed on their ticket, and a lost syllable cannot
 *   turn "thirty" into "thirteen".
 * - `'cardinal'` (counter numbers): the usual number, 3 → "three", 12 → "twelve",
 *   1023 → "one thousand twenty three" (no "and", American style).
 * Tokens never contain hyphens ("twenty", "three"), so each maps to one clip.
 */

/** How an English number is spoken. */
export type EnglishNumberStyle = 'digits' | 'cardinal';

/** The largest number the English reader accepts. */
export const MAX_ENGLISH_NUMBER = 999_999;

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

/**
 * The English words for `value` (an integer from 0 to {@link MAX_ENGLISH_NUMBER}).
 * @throws RangeError when `value` is not an integer in range.
 */
export function readEnglishNumber(value: number, style: EnglishNumberStyle): string[] {
  if (!Number.isInteger(value) || value < 0 || value > MAX_ENGLISH_NUMBER) {
    throw new RangeError(`cannot read ${value}: expected an integer from 0 to ${MAX_ENGLISH_NUMBER}`);
  }
  if (style === 'digits') return [...String(value)].map((digit) => word(ONES, Number(digit)));
  if (value === 0) return ['zero'];
  const thousands = Math.floor(value / 1000);
  const rest = value % 1000;
  const words: string[] = [];
  if (thousands > 0) words.push(...belowThousand(thousands), 'thousand');
  if (rest > 0) words.push(...belowThousand(rest));
  return words;
}

function belowThousand(group: number): string[] {
  const hundreds = Math.floor(group / 100);
  const rest = group % 100;
  const words: string[] = [];
  if (hundreds > 0) words.push(word(ONES, hundreds), 'hundred');
  if (rest === 0) return words;
  if (rest < 20) {
    words.push(word(ONES, rest));
  } else {
    words.push(word(TENS, Math.floor(rest / 10)));
    if (rest % 10 > 0) words.push(word(ONES, rest % 10));
  }
  return words;
}

function word(table: readonly string[], index: number): string {
  const found = table[index];
  if (found === undefined || found === '') throw new RangeError(`no English word at ${index}`);
  return found;
}
