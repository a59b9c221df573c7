/**
 * How ticket prefix letters are spoken.
 *
 * Vietnamese: the names heard on public-address systems and in schools, which follow the
 * French-derived spelling names for letters outside the Vietnamese alphabet (F "ép", W "vê-kép",
 * Z "dét") and the "e-lờ / em-mờ / en-nờ / e-rờ / ét-xì" forms for L, M, N, R, S, because bare
 * "lờ, mờ, nờ" are too short to hear over a busy hall. Y is "i-cờ-rét" (the spelling name)
 * rather than "i dài", which is ambiguous next to I. Multi-syllable names are written with
 * hyphens and are one clip each.
 *
 * Every name must sound different from every other in the dialect it is said in (issue 18):
 * - "dê" (D) and "giê" (G, and J) are the same sound everywhere ([ze] in the North, [je] in the
 *   South), so G is "gờ", its school phonics name, and J is "gi" ([zi]/[ji]: another vowel);
 * - in the Centre and the South "v" is said like "d" too, so V is "vờ" there ("vê" = "dê").
 * letter-sounds.ts checks this; a test holds it for every dialect.
 *
 * English: the letters themselves ("A", "B" …); the English voice spells single capitals.
 */
import type { Dialect } from './dialect.ts';

const VIETNAMESE_LETTER_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    A: 'a',
    B: 'bê',
    C: 'xê',
    D: 'dê',
    Đ: 'đê',
    E: 'e',
    F: 'ép',
    G: 'gờ',
    H: 'hát',
    I: 'i',
    J: 'gi',
    K: 'ca',
    L: 'e-lờ',
    M: 'em-mờ',
    N: 'en-nờ',
    O: 'o',
    P: 'pê',
    Q: 'quy',
    R: 'e-rờ',
    S: 'ét-xì',
    T: 'tê',
    U: 'u',
    V: 'vê',
    W: 'vê-kép',
    X: 'ích-xì',
    Y: 'i-cờ-rét',
    Z: 'dét',
  }),
);

/** Where a dialect merges sounds that keep two northern names apart. */
const DIALECT_NAMES: Readonly<Record<Dialect, Readonly<Record<string, string>>>> = {
  north: {},
  central: { V: 'vờ' },
  south: { V: 'vờ' },
};

/** Every letter a ticket prefix may use: A–Z and Đ. */
export const PREFIX_LETTERS: readonly string[] = Object.freeze([...VIETNAMESE_LETTER_NAMES.keys()]);

/** Whether `letter` (one character, any case) can be spoken as a prefix letter. */
export function isPrefixLetter(letter: string): boolean {
  return VIETNAMESE_LETTER_NAMES.has(letter.toUpperCase());
}

/**
 * The Vietnamese name of a letter in `dialect` (default northern), e.g. "B" → "bê", "l" → "e-lờ".
 * @throws RangeError for a character that is not a prefix letter.
 */
export function vietnameseLetterName(letter: string, dialect: Dialect = 'north'): string {
  const upper = letter.toUpperCase();
  const name = DIALECT_NAMES[dialect][upper] ?? VIETNAMESE_LETTER_NAMES.get(upper);
  if (name === undefined) throw new RangeError(`no Vietnamese name for letter "${letter}"`);
  return name;
}

/**
 * The English token for a letter: the capital itself, which the English voice spells.
 * Đ has no English name and is spoken as D.
 * @throws RangeError for a character that is not a prefix letter.
 */
export function englishLetterName(letter: string): string {
  const upper = letter.toUpperCase();
  if (!VIETNAMESE_LETTER_NAMES.has(upper)) throw new RangeError(`no English name for letter "${letter}"`);
  return upper === 'Đ' ? 'D' : upper;
}
