/**
 * TCVN-3 (TCVN 5712:1993 VN3), the encoding of the ".Vn" fonts. Its capitals with tone marks
 * are not in the main table; genuine Epson printers have a second table (`ESC t 31`) that
 * shows the lowercase codes as capitals, like the ".VnTimeH" font. We use that instead of the
 * VN1 variant (iconv-lite's `tcvn`), which puts capitals at 0x01–0x17, bytes the printer reads
 * as commands. Text is split into runs that each name the table they need.
 */

/** Lowercase letters with their TCVN-3 bytes (the capitals table reuses the same bytes). */
const LOWER: Readonly<Record<string, number>> = {
  ă: 0xa8,
  â: 0xa9,
  ê: 0xaa,
  ô: 0xab,
  ơ: 0xac,
  ư: 0xad,
  đ: 0xae,
  à: 0xb5,
  ả: 0xb6,
  ã: 0xb7,
  á: 0xb8,
  ạ: 0xb9,
  ằ: 0xbb,
  ẳ: 0xbc,
  ẵ: 0xbd,
  ắ: 0xbe,
  ặ: 0xc6,
  ầ: 0xc7,
  ẩ: 0xc8,
  ẫ: 0xc9,
  ấ: 0xca,
  ậ: 0xcb,
  è: 0xcc,
  ẻ: 0xce,
  ẽ: 0xcf,
  é: 0xd0,
  ẹ: 0xd1,
  ề: 0xd2,
  ể: 0xd3,
  ễ: 0xd4,
  ế: 0xd5,
  ệ: 0xd6,
  ì: 0xd7,
  ỉ: 0xd8,
  ĩ: 0xdc,
  í: 0xdd,
  ị: 0xde,
  ò: 0xdf,
  ỏ: 0xe1,
  õ: 0xe2,
  ó: 0xe3,
  ọ: 0xe4,
  ồ: 0xe5,
  ổ: 0xe6,
  ỗ: 0xe7,
  ố: 0xe8,
  ộ: 0xe9,
  ờ: 0xea,
  ở: 0xeb,
  ỡ: 0xec,
  ớ: 0xed,
  ợ: 0xee,
  ù: 0xef,
  ủ: 0xf1,
  ũ: 0xf2,
  ú: 0xf3,
  ụ: 0xf4,
  ừ: 0xf5,
  ử: 0xf6,
  ữ: 0xf7,
  ứ: 0xf8,
  ự: 0xf9,
  ỳ: 0xfa,
  ỷ: 0xfb,
  ỹ: 0xfc,
  ý: 0xfd,
  ỵ: 0xfe,
};

/** The seven plain capitals the lowercase table does hold. */
const PLAIN_CAPITALS: Readonly<Record<string, number>> = { Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7 };

const byteToLower = new Map<number, string>(Object.entries(LOWER).map(([ch, b]) => [b, ch]));
const byteToPlainCapital = new Map<number, string>(Object.entries(PLAIN_CAPITALS).map(([ch, b]) => [b, ch]));

/** Which TCVN-3 table a run needs; `either` runs (digits, punctuation) print in both. */
export type Tcvn3Table = 'lower' | 'capitals';

/** A piece of text with the table to print it in and its bytes. */
export interface Tcvn3Run {
  table: Tcvn3Table;
  bytes: Uint8Array;
}

/** Needs and bytes of one NFC character, or `undefined` when TCVN-3 cannot show it. */
function classify(ch: string): { table: Tcvn3Table | 'either'; lower: number; capitals: number } | undefined {
  const code = ch.codePointAt(0) ?? 0;
  if (ch >= 'a' && ch <= 'z') return { table: 'lower', lower: code, capitals: code };
  if (code >= 0x20 && code < 0x7f) return { table: 'either', lower: code, capitals: code };
  const lower = LOWER[ch];
  if (lower !== undefined) return { table: 'lower', lower, capitals: lower };
  const plain = PLAIN_CAPITALS[ch];
  const asLower = LOWER[ch.toLowerCase()];
  if (plain !== undefined && asLower !== undefined) return { table: 'either', lower: plain, capitals: asLower };
  if (asLower !== undefined) return { table: 'capitals', lower: asLower, capitals: asLower };
  return undefined;
}

/**
 * Split NFC text into runs per table, switching as rarely as possible: characters that print
 * in both tables stay in the current run. Unknown characters go through `fallback`, then "?".
 */
export function encodeTcvn3(text: string, fallback: (ch: string) => string = () => '?'): Tcvn3Run[] {
  const runs: { table: Tcvn3Table; bytes: number[] }[] = [];
  let current: { table: Tcvn3Table; bytes: number[] } | undefined;
  const put = (ch: string): void => {
    const c = classify(ch) ?? classify('?');
    if (c === undefined) return;
    if (!current || (c.table !== 'either' && c.table !== current.table)) {
      current = { table: c.table === 'either' ? (current?.table ?? 'lower') : c.table, bytes: [] };
      runs.push(current);
    }
    current.bytes.push(current.table === 'lower' ? c.lower : c.capitals);
  };
  for (const ch of text.normalize('NFC')) {
    if (classify(ch)) put(ch);
    else for (const f of fallback(ch)) put(classify(f) ? f : '?');
  }
  return runs.map((r) => ({ table: r.table, bytes: Uint8Array.from(r.bytes) }));
}

/** Decode bytes printed with one of the two tables. */
export function decodeTcvn3(bytes: Uint8Array, table: Tcvn3Table): string {
  let s = '';
  for (const b of bytes) {
    if (b < 0x80) s += String.fromCharCode(b);
    else if (table === 'capitals') s += (byteToLower.get(b) ?? '\ufffd').toUpperCase();
    else s += byteToLower.get(b) ?? byteToPlainCapital.get(b) ?? '\ufffd';
  }
  return s;
}
