/**
 * VNI (VNI-Windows), the encoding of the "VNI-Times" fonts many Vietnamese spreadsheets were
 * typed in: a vowel is its plain letter followed by one character that adds the marks
 * ("Ñaêng kyù" is "Đăng ký"). Bytes are Windows-1252; the letters below are those bytes' characters.
 * A few letters are one character of their own (đ, the i-vowels, ỵ).
 */

/** The characters that stand alone for one letter. */
const SINGLE: Readonly<Record<string, string>> = {
  ñ: 'đ',
  Ñ: 'Đ',
  í: 'í',
  ì: 'ì',
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  Í: 'Í',
  Ì: 'Ì',
  Æ: 'Ỉ',
  Ó: 'Ĩ',
  Ò: 'Ị',
  î: 'ỵ',
  Î: 'Ỵ',
};

/** Vowels that take a following mark character; ô and ö stand for ơ and ư. */
const BASE: Readonly<Record<string, string>> = {
  a: 'a',
  e: 'e',
  o: 'o',
  u: 'u',
  y: 'y',
  ô: 'o\u031b',
  ö: 'u\u031b',
};

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

/** The mark characters (lowercase; their capitals mean the same), as combining marks. */
const TONES: Readonly<Record<string, string>> = { ù: ACUTE, ø: GRAVE, û: HOOK, õ: TILDE, ï: DOT };
const WITH_CIRCUMFLEX: Readonly<Record<string, string>> = {
  â: CIRCUMFLEX,
  á: CIRCUMFLEX + ACUTE,
  à: CIRCUMFLEX + GRAVE,
  å: CIRCUMFLEX + HOOK,
  ã: CIRCUMFLEX + TILDE,
  ä: CIRCUMFLEX + DOT,
};
const WITH_BREVE: Readonly<Record<string, string>> = {
  ê: BREVE,
  é: BREVE + ACUTE,
  è: BREVE + GRAVE,
  ú: BREVE + HOOK,
  ü: BREVE + TILDE,
  ë: BREVE + DOT,
};

/** The marks `mark` adds to `base` (lowercase letters), or undefined when VNI has no such pair. */
function marksFor(base: string, mark: string): string | undefined {
  const m = mark.toLowerCase();
  if (base === 'a') return TONES[m] ?? WITH_CIRCUMFLEX[m] ?? WITH_BREVE[m];
  if (base === 'e' || base === 'o') return TONES[m] ?? WITH_CIRCUMFLEX[m];
  return TONES[m];
}

/** Text typed in VNI, as its Windows-1252 characters, in Unicode (NFC). Characters outside VNI's use pass through. */
export function decodeVniText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    const base = BASE[lower];
    const next = text[i + 1];
    const marks = base !== undefined && next !== undefined ? marksFor(lower, next) : undefined;
    if (base !== undefined) {
      const letter = ch === lower ? base : base[0]!.toUpperCase() + base.slice(1);
      out += letter + (marks ?? '');
      if (marks !== undefined) i++;
    } else out += SINGLE[ch] ?? ch;
  }
  return out.normalize('NFC');
}
