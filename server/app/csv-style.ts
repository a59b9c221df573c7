import type { Lang, Translator } from '../i18n.ts';

/**
 * How an export is written for the spreadsheet that opens it. Excel on a Vietnamese Windows
 * reads a file's text right only with a UTF-8 byte-order mark, and with its regional settings
 * (decimal comma, list separator ";") reads "12.5" as a date and splits cells on ";" only:
 * `decimalComma` writes "12,5" between semicolons.
 */
export interface CsvStyle {
  lang: Lang;
  decimalComma: boolean;
  /** Headers and statuses in `lang`; English keeps the stable column ids, for scripts. */
  t: (key: string, params?: Record<string, string | number>) => string;
}

/** The style a request asks for: `?decimal=comma`, in the request's language. */
export function csvStyle(translator: Translator, lang: Lang, query: URLSearchParams): CsvStyle {
  return { lang, decimalComma: query.get('decimal') === 'comma', t: (key, params) => translator.t(lang, `export:${key}`, params) };
}

/** A number with `digits` decimals, with the decimal mark the style asks for. */
export function csvDecimal(value: number, digits: number, style: CsvStyle): string {
  const text = value.toFixed(digits);
  return style.decimalComma ? text.replace('.', ',') : text;
}

/** The whole file: a byte-order mark, then the rows, CRLF line ends as Excel writes them. */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<string | number>>, style: CsvStyle): string {
  const separator = style.decimalComma ? ';' : ',';
  return `\uFEFF${rows.map((r) => r.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n')}\r\n`;
}

/** One CSV cell: quoted when it needs it, and never run as a formula by a spreadsheet. */
export function csvCell(value: string | number, separator = ','): string {
  const s = String(value);
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
