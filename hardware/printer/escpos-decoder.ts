import { DLE, ESC, FS, GS, LF, type Align, type QrErrorLevel, type RasterScale } from './escpos-commands.ts';
import type { PrinterProfile } from './printer-profile.ts';
import { decodeCp1258 } from './vietnamese-cp1258.ts';
import { decodeTcvn3 } from './vietnamese-tcvn3.ts';

/** How a code page's bytes 0x80–0xFF read; pages not listed print ASCII only. */
export type Charset = 'cp1258' | 'tcvn3' | 'tcvn3-capitals';

/** One thing the printer did, in order. */
export type PrintedItem =
  | { kind: 'init' }
  /** `bytes`: what the line sent, one byte a printed cell on most printers. */
  | { kind: 'text'; text: string; align: Align; bold: boolean; width: number; height: number; bytes: number }
  | { kind: 'raster'; widthBytes: number; height: number; scale: RasterScale; align: Align; data: Uint8Array }
  | { kind: 'qr'; payload: string; moduleSize: number; errorLevel: QrErrorLevel; align: Align }
  | { kind: 'feed'; lines: number }
  | { kind: 'feed-dots'; dots: number }
  | { kind: 'clear-buffers' }
  | { kind: 'cut'; feed: number }
  | { kind: 'status-query'; n: number }
  | { kind: 'auto-status'; n: number };

/** What a stream of ESC/POS bytes printed, plus anything the decoder did not understand. */
export interface PrintedDocument {
  items: PrintedItem[];
  /** Every `ESC t` selected, in order. */
  codePages: number[];
  /** Unknown commands, truncated data: a correct motcua stream has none. */
  errors: string[];
  /** NUL bytes skipped (the padding a recovery sends to complete an interrupted command). */
  padding: number;
}

/** The charsets a profile's code page numbers stand for. */
export function charsetsFor(profile: PrinterProfile): Record<number, Charset> {
  return { [profile.codePages.cp1258]: 'cp1258', [profile.codePages.tcvn3]: 'tcvn3', [profile.codePages.tcvn3Capitals]: 'tcvn3-capitals' };
}

const QR_LEVELS: Record<number, QrErrorLevel> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };
const ALIGNS: Align[] = ['left', 'center', 'right'];

/** Decode the ESC/POS subset motcua emits (see escpos-commands.ts) into a document. */
export function decodeEscPos(bytes: Uint8Array, charsets: Readonly<Record<number, Charset>> = {}): PrintedDocument {
  const doc: PrintedDocument = { items: [], codePages: [], errors: [], padding: 0 };
  const state = { align: 'left' as Align, bold: false, width: 1, height: 1, page: 0 };
  const qr = { moduleSize: 3, errorLevel: 'L' as QrErrorLevel, payload: new Uint8Array(0) };
  let line: { page: number; bytes: number[] }[] = [];
  let i = 0;
  const at = (k: number): number => bytes[i + k] ?? -1;
  const need = (n: number, what: string): boolean => {
    if (i + n <= bytes.length) return true;
    doc.errors.push(`truncated ${what} at byte ${i}`);
    i = bytes.length;
    return false;
  };
  const flushLine = (): void => {
    const text = line
      .map((seg) => decodeSegment(Uint8Array.from(seg.bytes), charsets[seg.page]))
      .join('')
      .normalize('NFC');
    const sent = line.reduce((sum, seg) => sum + seg.bytes.length, 0);
    doc.items.push({ kind: 'text', text, align: state.align, bold: state.bold, width: state.width, height: state.height, bytes: sent });
    line = [];
  };

  while (i < bytes.length) {
    const b = at(0);
    if (b === LF) {
      flushLine();
      i += 1;
    } else if (b === ESC && at(1) === 0x40) {
      Object.assign(state, { align: 'left', bold: false, width: 1, height: 1, page: 0 });
      doc.items.push({ kind: 'init' });
      i += 2;
    } else if (b === FS && at(1) === 0x2e) {
      i += 2;
    } else if (b === 0x00) {
      doc.padding++;
      i += 1;
    } else if (b === DLE && at(1) === 0x14 && at(2) === 0x08) {
      if (!need(10, 'DLE DC4 8')) break;
      doc.items.push({ kind: 'clear-buffers' });
      i += 10;
    } else if (b === ESC && [0x74, 0x61, 0x45, 0x64, 0x4a].includes(at(1))) {
      if (!need(3, 'ESC command')) break;
      const n = at(2);
      if (at(1) === 0x74) {
        state.page = n;
        doc.codePages.push(n);
      } else if (at(1) === 0x61) state.align = ALIGNS[n % 48] ?? 'left';
      else if (at(1) === 0x45) state.bold = (n & 1) === 1;
      else if (at(1) === 0x4a) doc.items.push({ kind: 'feed-dots', dots: n });
      else doc.items.push({ kind: 'feed', lines: n });
      i += 3;
    } else if (b === GS && at(1) === 0x21) {
      if (!need(3, 'GS !')) break;
      state.width = ((at(2) >> 4) & 7) + 1;
      state.height = (at(2) & 7) + 1;
      i += 3;
    } else if (b === GS && at(1) === 0x56 && at(2) === 0x42) {
      if (!need(4, 'GS V')) break;
      doc.items.push({ kind: 'cut', feed: at(3) });
      i += 4;
    } else if (b === GS && at(1) === 0x61) {
      if (!need(3, 'GS a')) break;
      doc.items.push({ kind: 'auto-status', n: at(2) });
      i += 3;
    } else if (b === DLE && at(1) === 0x04) {
      if (!need(3, 'DLE EOT')) break;
      doc.items.push({ kind: 'status-query', n: at(2) });
      i += 3;
    } else if (b === GS && at(1) === 0x76 && at(2) === 0x30) {
      if (!need(8, 'GS v 0 header')) break;
      const widthBytes = at(4) | (at(5) << 8);
      const height = at(6) | (at(7) << 8);
      const length = widthBytes * height;
      const scale = (at(3) & 3) as RasterScale;
      i += 8;
      if (!need(length, 'GS v 0 data')) break;
      doc.items.push({ kind: 'raster', widthBytes, height, scale, align: state.align, data: bytes.slice(i, i + length) });
      i += length;
    } else if (b === GS && at(1) === 0x28 && at(2) === 0x6b) {
      if (!need(5, 'GS ( k header')) break;
      const length = at(3) | (at(4) << 8);
      i += 5;
      if (!need(length, 'GS ( k data')) break;
      const fn = at(1);
      if (fn === 0x43) qr.moduleSize = at(2);
      else if (fn === 0x45) qr.errorLevel = QR_LEVELS[at(2)] ?? 'L';
      else if (fn === 0x50 && length >= 3) qr.payload = bytes.slice(i + 3, i + length);
      else if (fn === 0x51) {
        doc.items.push({
          kind: 'qr',
          payload: new TextDecoder().decode(qr.payload),
          moduleSize: qr.moduleSize,
          errorLevel: qr.errorLevel,
          align: state.align,
        });
      }
      i += length;
    } else if (b < 0x20 && b !== 0x09) {
      doc.errors.push(`unknown control byte 0x${b.toString(16).padStart(2, '0')} at byte ${i}`);
      i += 1;
    } else {
      const last = line[line.length - 1];
      if (last && last.page === state.page) last.bytes.push(b);
      else line.push({ page: state.page, bytes: [b] });
      i += 1;
    }
  }
  if (line.length > 0) doc.errors.push('text left in the buffer without a line feed');
  return doc;
}

function decodeSegment(bytes: Uint8Array, charset: Charset | undefined): string {
  switch (charset) {
    case 'cp1258':
      return decodeCp1258(bytes);
    case 'tcvn3':
      return decodeTcvn3(bytes, 'lower');
    case 'tcvn3-capitals':
      return decodeTcvn3(bytes, 'capitals');
    case undefined:
      return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join('');
  }
}

/** The text lines of a document, for assertions and logs. */
export function documentText(doc: PrintedDocument): string[] {
  return doc.items.flatMap((item) => (item.kind === 'text' ? [item.text] : []));
}
