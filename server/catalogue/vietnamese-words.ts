/**
 * How Vietnamese a text looks: the share of its words with letters beyond ASCII that are
 * well-formed Vietnamese syllables. Text decoded with the wrong table fails it badly
 * ("§¨ng", "chaøo", "ÄÄƒng"), so it tells the right encoding from the wrong ones.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Onset, vowels (at most three), coda: the shape of every Vietnamese syllable, without its tone. */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}(ch|ng|nh|[cmnpt])?$/;

/** A word (letters and marks) is a Vietnamese syllable with at most one tone mark. */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  const toneless = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  return toneless === 'đ' || SYLLABLE.test(toneless);
}

export interface WordScore {
  /** Words with a letter beyond ASCII. */
  words: number;
  /** Of those, how many are Vietnamese syllables. */
  valid: number;
  /** The first word that is not, to show the person importing. */
  firstInvalid: string | null;
}

/** Scores the words of `text` that have letters beyond ASCII. */
export function scoreVietnamese(text: string): WordScore {
  let words = 0;
  let valid = 0;
  let firstInvalid: string | null = null;
  for (const word of text.match(/[^\s\d.,;:!?"'()[\]{}<>|/\\*+=_&%$#@~`^-]+/gu) ?? []) {
    if (!/[^\p{ASCII}]/u.test(word)) continue;
    words++;
    if (isVietnameseSyllable(word)) valid++;
    else firstInvalid ??= word;
  }
  return { words, valid, firstInvalid };
}
