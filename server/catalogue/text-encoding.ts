/**
 * Reads the bytes of a catalogue file as text, whatever Excel on a Vietnamese Windows saved it
 * as: UTF-8 with or without a byte-order mark ("CSV UTF-8"), UTF-16 ("Unicode text"),
 * Windows-1258 (plain "CSV"), and the legacy font encodings TCVN-3 (".VnTime") and VNI
 * ("VNI-Times"), whether saved as bytes or typed in those fonts and saved as UTF-8.
 *
 * Each reading that maps every byte is scored by how Vietnamese its words look
 * (vietnamese-words.ts); the one clear winner is taken. A file no reading makes Vietnamese,
 * or two readings make equally so, is refused with a problem that says what to do: nothing is
 * guessed.
 */
import { decodeTcvn3 } from '../../hardware/printer/vietnamese-tcvn3.ts';
import type { ImportProblem } from './import-problem.ts';
import { decodeVniText } from './vni.ts';
import { scoreVietnamese } from './vietnamese-words.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni' | 'tcvn3-in-utf-8' | 'vni-in-utf-8';

export type DecodedText = { ok: true; text: string; encoding: TextEncoding } | { ok: false; problem: ImportProblem };

/** Share of words with letters beyond ASCII that must be Vietnamese syllables. */
const PLAUSIBLE = 0.9;

interface Reading {
  encoding: TextEncoding;
  text: string;
}

/** Decodes a catalogue file's bytes; see the module comment. */
export function decodeCatalogueText(bytes: Uint8Array): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) {
    const text = decodeStrict(bom.encoding, bytes.subarray(bom.length));
    return text === null
      ? { ok: false, problem: { key: 'import.encoding_broken', params: { encoding: bom.encoding } } }
      : { ok: true, text, encoding: bom.encoding };
  }
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) {
    const text = decodeStrict(utf16, bytes);
    if (text !== null) return { ok: true, text, encoding: utf16 };
  }
  const utf8 = decodeStrict('utf-8', bytes);
  const readings: Reading[] =
    utf8 !== null
      ? [
          { encoding: 'utf-8', text: utf8 },
          ...fontReadings(utf8).map((r) => ({ ...r, encoding: `${r.encoding}-in-utf-8` as TextEncoding })),
        ]
      : singleByteReadings(bytes);
  return choose(readings);
}

/** Picks the reading whose words are Vietnamese; UTF-8 that is already Vietnamese (or plain ASCII) wins at once. */
function choose(readings: Reading[]): DecodedText {
  const scored = readings
    .filter((r) => !hasUnreadable(r.text))
    .map((r) => ({ ...r, score: scoreVietnamese(r.text) }))
    .map((r) => ({ ...r, share: r.score.words === 0 ? 1 : r.score.valid / r.score.words }));
  const first = scored[0];
  if (first?.encoding === 'utf-8' && first.share >= PLAUSIBLE) return { ok: true, text: first.text, encoding: 'utf-8' };
  const plausible = scored.filter((r) => r.share >= PLAUSIBLE && r.score.words > 0).sort((a, b) => b.share - a.share);
  const [best, second] = plausible;
  if (best && (!second || second.share < best.share - 0.05)) return { ok: true, text: best.text, encoding: best.encoding };
  const word = (scored.find((r) => r.encoding === 'utf-8' || r.encoding === 'windows-1258') ?? scored[0])?.score.firstInvalid ?? '';
  return { ok: false, problem: { key: 'import.encoding_unknown', params: { word } } };
}

/** A replacement character (a byte the table does not map) or a control character other than tab and line ends. */
function hasUnreadable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || c === 0x7f || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) return true;
  }
  return false;
}

function byteOrderMark(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 text without a mark shows as a zero byte beside nearly every ASCII character. */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = bytes.length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function decodeStrict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A file of single bytes: Windows-1258, or one of the two font encodings. */
function singleByteReadings(bytes: Uint8Array): Reading[] {
  const readings: Reading[] = [];
  const cp1258 = decodeStrict('windows-1258', bytes);
  if (cp1258 !== null) readings.push({ encoding: 'windows-1258', text: cp1258.normalize('NFC') });
  readings.push({ encoding: 'tcvn3', text: decodeTcvn3(bytes, 'lower').normalize('NFC') });
  const cp1252 = decodeStrict('windows-1252', bytes);
  if (cp1252 !== null) readings.push({ encoding: 'vni', text: decodeVniText(cp1252) });
  return readings;
}

/**
 * Text typed in a font encoding and saved as UTF-8 holds the font's bytes as Windows-1252
 * characters ("§¨ng ký"); read those characters back as the font's bytes.
 */
function fontReadings(text: string): Array<{ encoding: 'tcvn3' | 'vni'; text: string }> {
  if (!/[\u0080-\u00ff]/.test(text)) return [];
  const bytes = windows1252Bytes(text);
  return [
    ...(bytes ? [{ encoding: 'tcvn3' as const, text: decodeTcvn3(bytes, 'lower').normalize('NFC') }] : []),
    { encoding: 'vni', text: decodeVniText(text) },
  ];
}

/** The reverse of Windows-1252, for text made only of its characters; null otherwise. */
function windows1252Bytes(text: string): Uint8Array | null {
  const table = new Map<string, number>();
  const decoder = new TextDecoder('windows-1252');
  for (let b = 0x80; b < 0x100; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 ? code : table.get(text[i]!);
    if (byte === undefined) return null;
    out[i] = byte;
  }
  return out;
}
