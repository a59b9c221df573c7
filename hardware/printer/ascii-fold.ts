/**
 * The last-resort mode: Vietnamese without diacritics ("Đăng ký" → "Dang ky"), which every
 * printer shows and every Vietnamese reader can still read.
 */

const PUNCTUATION: Readonly<Record<string, string>> = {
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
  '•': '*',
  '₫': 'd',
  '\u00a0': ' ',
};

/** Fold text to printable ASCII; anything left over becomes "?". */
export function foldToAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, (ch) => PUNCTUATION[ch] ?? '?');
}

/** Whether a line can be printed with the printer's own font in any code page (plain ASCII). */
export function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}
