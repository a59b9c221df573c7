/**
 * Text folding for catalogue search: citizens type without tone marks, often without `đ`,
 * and in any case, so everything is compared in one diacritic-free lowercase form.
 */

// NFD splits "ế" into "e" + U+0302 + U+0301; every Vietnamese tone and vowel mark lands in this block.
const COMBINING_MARKS = /[\u0300-\u036f]/g;
// `đ` is a letter of its own, not d + a mark, so NFD leaves it alone and it needs its own rule.
const D_WITH_STROKE = /[đĐ]/g;
const WORD = /[a-z0-9]+/g;

/** Folds text for comparison: "Đăng Ký KHAI SINH" → "dang ky khai sinh". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(D_WITH_STROKE, 'd').toLowerCase();
}

/**
 * Splits text into folded words: letters and digits, everything else separates.
 * A code such as `1.001193` becomes `["1", "001193"]`, so typing either part finds it.
 */
export function foldedWords(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}
