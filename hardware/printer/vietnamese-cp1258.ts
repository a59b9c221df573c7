/**
 * Windows-1258 for Vietnamese. CP1258 holds â ê ô ă ơ ư đ (and some toned letters such as á,
 * è) as single bytes, but the five tone marks only as combining characters. Plain NFC loses
 * every toned letter it does not hold; plain NFD loses the horn (U+031B is not in CP1258).
 * So: decompose, take the tone mark out, recompose the rest; print base + tone byte, and use
 * a precomposed byte whenever the code page has the whole letter (the mark then sits right).
 */

/** Bytes 0x80–0xFF; `undefined` where Windows-1258 leaves the byte unassigned. */
const HIGH_HALF: readonly (string | undefined)[] = [
  '€',
  undefined,
  '‚',
  'ƒ',
  '„',
  '…',
  '†',
  '‡',
  'ˆ',
  '‰',
  undefined,
  '‹',
  'Œ',
  undefined,
  undefined,
  undefined,
  undefined,
  '‘',
  '’',
  '“',
  '”',
  '•',
  '–',
  '—',
  '˜',
  '™',
  undefined,
  '›',
  'œ',
  undefined,
  undefined,
  'Ÿ',
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0xa0 + i)),
  'À',
  'Á',
  'Â',
  'Ă',
  'Ä',
  'Å',
  'Æ',
  'Ç',
  'È',
  'É',
  'Ê',
  'Ë',
  '\u0300',
  'Í',
  'Î',
  'Ï',
  'Đ',
  'Ñ',
  '\u0309',
  'Ó',
  'Ô',
  'Ơ',
  'Ö',
  '×',
  'Ø',
  'Ù',
  'Ú',
  'Û',
  'Ü',
  'Ư',
  '\u0303',
  'ß',
  'à',
  'á',
  'â',
  'ă',
  'ä',
  'å',
  'æ',
  'ç',
  'è',
  'é',
  'ê',
  'ë',
  '\u0301',
  'í',
  'î',
  'ï',
  'đ',
  'ñ',
  '\u0323',
  'ó',
  'ô',
  'ơ',
  'ö',
  '÷',
  'ø',
  'ù',
  'ú',
  'û',
  'ü',
  'ư',
  '₫',
  'ÿ',
];

const toByte = new Map<string, number>();
HIGH_HALF.forEach((ch, i) => {
  if (ch !== undefined) toByte.set(ch, 0x80 + i);
});

/** The five Vietnamese tone marks as combining characters: grave, acute, tilde, hook, dot below. */
export const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;

const QUESTION = 0x3f;

/** Bytes for one character (given in NFC), or `undefined` when CP1258 cannot show it. */
function encodeChar(ch: string): number[] | undefined {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return [code];
  const whole = toByte.get(ch);
  if (whole !== undefined) return [whole];
  const decomposed = ch.normalize('NFD');
  const tone = TONE_MARKS.exec(decomposed)?.[0];
  if (tone === undefined) return undefined;
  const base = toByte.get(decomposed.replace(tone, '').normalize('NFC')) ?? baseAscii(decomposed.replace(tone, ''));
  const toneByte = toByte.get(tone);
  return base === undefined || toneByte === undefined ? undefined : [base, toneByte];
}

function baseAscii(s: string): number | undefined {
  return s.length === 1 && s.charCodeAt(0) < 0x80 ? s.charCodeAt(0) : undefined;
}

/**
 * Encode text as CP1258. Characters it cannot show go through `fallback` (e.g. an ASCII
 * fold) and become "?" if that does not help either.
 */
export function encodeCp1258(text: string, fallback: (ch: string) => string = () => '?'): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const bytes = encodeChar(ch) ?? [...fallback(ch)].flatMap((f) => encodeChar(f) ?? [QUESTION]);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

/** Decode CP1258 bytes to NFC text (combining tone marks are recomposed). */
export function decodeCp1258(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : (HIGH_HALF[b - 0x80] ?? '\ufffd');
  return s.normalize('NFC');
}

/** The bytes of the five combining tone marks. */
const TONE_BYTES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((ch) => toByte.get(ch)));

/**
 * Cells a CP1258 line takes on paper: one per byte, or one per letter when the printer draws a
 * combining tone mark over its letter (`markTakesCell` false).
 */
export function cp1258Cells(bytes: Uint8Array, markTakesCell: boolean): number {
  if (markTakesCell) return bytes.length;
  let cells = 0;
  for (const b of bytes) if (!TONE_BYTES.has(b)) cells++;
  return cells;
}
