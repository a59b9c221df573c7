/**
 * The ESC/POS commands motcua emits, exactly the table in the design notes (hardware.md), as typed
 * byte builders. The decoder in `escpos-decoder.ts` reads the same set back.
 *
 * Why our own encoder and not a library (measured with @point-of-sale/receipt-printer-encoder
 * 3.0, the maintained candidate; `escpos` is ruled out by hardware.md):
 * - its `windows1258` path maps NFC text byte by byte: "Người đang chờ Ự" came out with "ờ" and
 *   "Ự" as `3F` ("?"); it has no decompose-and-recompose step, so CP1258 loses most tone marks;
 * - its `tcvn3` path printed "Ự" as "?" and switched to CP852 (`ESC t 18`) for "Đ";
 * - it has no text-to-raster path, which is the mode that works on every printer;
 * - it pulls 1.3 MB and 5 image packages for a dozen commands we can state in 80 lines.
 * So motcua writes the bytes itself and tests them through its own decoder.
 */

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

/** Justification for `ESC a`. */
export type Align = 'left' | 'center' | 'right';
const alignCode: Record<Align, number> = { left: 0, center: 1, right: 2 };

/** `ESC @` then `FS .`: reset, and leave the Chinese double-byte mode many clones start in. */
export const initialise = (): number[] => [ESC, 0x40, FS, 0x2e];
/** `ESC t n`: select character code table. */
export const selectCodePage = (n: number): number[] => [ESC, 0x74, n & 0xff];
/** `ESC a n`. */
export const align = (a: Align): number[] => [ESC, 0x61, alignCode[a]];
/** `ESC E n`. */
export const bold = (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0];
/** `GS ! n`: width and height multipliers, 1–8 each. */
export const characterSize = (width: number, height: number): number[] => [GS, 0x21, (((width - 1) & 7) << 4) | ((height - 1) & 7)];
/** `ESC J n`: print and feed n dots (line spacing between raster lines, without sending blank rows). */
export const feedDots = (n: number): number[] => [ESC, 0x4a, n & 0xff];
/** `ESC d n`: print and feed n lines. */
export const feedLines = (n: number): number[] => [ESC, 0x64, n & 0xff];
/** `GS V 66 n`: feed n lines' worth past the cutter, then cut. */
export const feedAndCut = (n = 3): number[] => [GS, 0x56, 0x42, n & 0xff];
/** `DLE EOT n`: real-time status (1 printer, 2 offline cause, 4 paper sensor). */
export const statusQuery = (n: 1 | 2 | 4): number[] => [DLE, EOT, n];
/**
 * `DLE DC4 8`: real-time "clear buffers" (Epson TM-T88V and later, many clones): drops what the
 * printer still holds of a ticket that failed half-way, so it does not finish it by itself when
 * paper is back. Printers without it ignore it; the recovery below cuts the rest off instead.
 */
export const clearBuffers = (): number[] => [DLE, 0x14, 0x08, 0x01, 0x03, 0x14, 0x01, 0x06, 0x02, 0x08];
/**
 * What a job starts with when the printer's state is unknown (a link dropped mid-ticket, a
 * restart): `padding` NUL bytes first, enough to complete any image or QR data the printer may
 * still be waiting for (NUL is ignored otherwise), then `ESC @`; with `cut`, the remains of the
 * interrupted ticket are cut off so the next ticket starts on its own paper.
 */
export function recovery(padding: number, cut: boolean): number[] {
  return [...new Array<number>(padding).fill(0), ...initialise(), ...(cut ? feedAndCut(3) : [])];
}
/** `GS a n`: automatic status back (0 turns it off). */
export const automaticStatusBack = (n: number): number[] => [GS, 0x61, n & 0xff];

/** QR error correction level, as `GS ( k` function 169 expects it. */
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';
const qrLevelCode: Record<QrErrorLevel, number> = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 };

/** Native QR (`GS ( k`): model 2, module size, error level, store the payload, print it. */
export function qrCode(payload: Uint8Array, moduleSize: number, level: QrErrorLevel = 'M'): number[] {
  const storeLength = payload.length + 3;
  return [
    ...[GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00],
    ...[GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleSize & 0xff],
    ...[GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, qrLevelCode[level]],
    ...[GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30],
    ...payload,
    ...[GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
  ];
}

/** `GS v 0` scaling: m = 0 normal, 1 double width, 2 double height, 3 both. */
export type RasterScale = 0 | 1 | 2 | 3;

/** `GS v 0` header for one band; exactly `widthBytes × height` data bytes must follow. */
export function rasterBandHeader(widthBytes: number, height: number, scale: RasterScale = 0): number[] {
  return [GS, 0x76, 0x30, scale, widthBytes & 0xff, widthBytes >> 8, height & 0xff, height >> 8];
}

/** Collects command bytes without copying each piece twice. */
export class ByteSink {
  private readonly parts: (number[] | Uint8Array)[] = [];
  private size = 0;

  push(bytes: number[] | Uint8Array): this {
    this.parts.push(bytes);
    this.size += bytes.length;
    return this;
  }

  toBytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}
