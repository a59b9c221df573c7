import { foldToAscii, isPlainAscii } from './ascii-fold.ts';
import { bands, type Bitmap } from './bitmap.ts';
import * as cmd from './escpos-commands.ts';
import { ByteSink } from './escpos-commands.ts';
import type { PrinterProfile } from './printer-profile.ts';
import { qrBitmap } from './qr-raster.ts';
import { fitsRaster, RASTER_LINE_GAP_DOTS, rasterizeLine } from './raster-text.ts';
import { fitText } from './text-wrap.ts';
import { TEXT_STYLES, ticketBlocks, type TextBlock, type TicketBlock } from './ticket-blocks.ts';
import type { TicketLayout } from './ticket-layout.ts';
import { ticketWords, type TicketWords } from './ticket-words.ts';
import { cp1258Cells, encodeCp1258 } from './vietnamese-cp1258.ts';
import { encodeTcvn3 } from './vietnamese-tcvn3.ts';

/** Rows per `GS v 0` band: small enough for clone printers' buffers. */
export const RASTER_BAND_ROWS = 24;
/** Native font A cell width in dots. */
const FONT_A_WIDTH = 12;
/** The big number never grows past this multiplier: 6 × 24 dots is 18 mm tall already. */
const MAX_NUMBER_SIZE = 6;
/** A QR code drawn as an image costs its area in bytes: smaller modules than native keep it near 2 KB. */
const RASTER_QR_MODULE_MAX = 4;
/** Longest QR payload the layout allows, plus the `GS ( k` store header. */
const QR_STORE_MAX = 300 + 8;

/**
 * Encode a ticket for one printer: pure and deterministic (the same layout and profile give
 * the same bytes), no I/O apart from loading the bundled font once. `words` defaults to the
 * layout's language from `locales/<lang>/ticket.json`.
 */
export function encodeTicket(layout: TicketLayout, profile: PrinterProfile, words: TicketWords = ticketWords(layout.language)): Uint8Array {
  return encodeBlocks(ticketBlocks(layout, words), profile);
}

/**
 * The most data bytes any command of a ticket for this profile carries after its header (a
 * raster band, a QR payload): what a printer cut off mid-command may still wait for.
 */
export function longestCommandData(profile: PrinterProfile): number {
  return Math.max((profile.dotsPerLine / 8) * RASTER_BAND_ROWS, QR_STORE_MAX);
}

/**
 * Encode laid-out blocks. Every job starts from a known state: `ESC @`, `FS .`, and the code
 * page of the profile's mode, whatever an earlier job (or half of one) left behind.
 */
export function encodeBlocks(blocks: readonly TicketBlock[], profile: PrinterProfile): Uint8Array {
  const sink = new ByteSink().push(cmd.initialise());
  const text = new NativeText(sink, profile);
  text.selectStartPage();
  for (const block of blocks) {
    switch (block.kind) {
      case 'text':
        writeText(sink, text, profile, block);
        break;
      case 'number': {
        const size = Math.max(1, Math.min(MAX_NUMBER_SIZE, Math.floor(profile.dotsPerLine / (block.text.length * FONT_A_WIDTH))));
        sink.push(cmd.align('center')).push(cmd.bold(true)).push(cmd.characterSize(size, size));
        text.line(block.text);
        sink.push(cmd.characterSize(1, 1)).push(cmd.bold(false));
        break;
      }
      case 'qr':
        sink.push(cmd.align('center'));
        if (profile.nativeQr) sink.push(cmd.qrCode(new TextEncoder().encode(block.payload), profile.qrModuleSize, 'M'));
        else pushImage(sink, qrBitmap(block.payload, Math.min(profile.qrModuleSize, RASTER_QR_MODULE_MAX), 'M'));
        break;
      case 'rule':
        sink.push(cmd.align('left'));
        text.line('-'.repeat(profile.dotsPerLine / FONT_A_WIDTH));
        break;
      case 'feed':
        sink.push(cmd.feedLines(block.lines));
        break;
    }
  }
  sink.push(profile.cutter ? cmd.feedAndCut(3) : cmd.feedLines(4));
  return sink.toBytes();
}

function writeText(sink: ByteSink, text: NativeText, profile: PrinterProfile, block: TextBlock): void {
  const style = TEXT_STYLES[block.style];
  sink.push(cmd.align(block.align));
  if (profile.vietnameseMode === 'raster' && !isPlainAscii(block.text + (block.keep ?? ''))) {
    // Only lines that need Vietnamese letters become images; ASCII lines stay native and cheap.
    const options = { px: style.rasterPx, bold: style.bold, dotsPerLine: profile.dotsPerLine };
    const request = { ...block, maxLines: block.rasterMaxLines ?? block.maxLines };
    for (const line of fitText(request, (l) => fitsRaster(l, options), '…')) {
      const bitmap = rasterizeLine(line, options);
      if (bitmap) pushImage(sink, bitmap);
      sink.push(cmd.feedDots(RASTER_LINE_GAP_DOTS));
    }
    return;
  }
  const scaled = style.width > 1 || style.height > 1;
  if (style.bold) sink.push(cmd.bold(true));
  if (scaled) sink.push(cmd.characterSize(style.width, style.height));
  const columns = Math.floor(profile.dotsPerLine / (FONT_A_WIDTH * style.width));
  for (const line of fitText(block, (l) => text.cells(l) <= columns, '...')) text.line(line);
  if (scaled) sink.push(cmd.characterSize(1, 1));
  if (style.bold) sink.push(cmd.bold(false));
}

/** An image in bands, as tall images must be sent. */
function pushImage(sink: ByteSink, bitmap: Bitmap): void {
  for (const band of bands(bitmap, RASTER_BAND_ROWS)) sink.push(cmd.rasterBandHeader(band.widthBytes, band.height)).push(band.data);
}

/** Native text in the profile's Vietnamese mode; remembers the selected code page to switch only when needed. */
class NativeText {
  private codePage: number | undefined;

  constructor(
    private readonly sink: ByteSink,
    private readonly profile: PrinterProfile,
  ) {}

  /** The page a job starts in: the mode's own, or the printer's ASCII page 0. */
  selectStartPage(): void {
    const { vietnameseMode, codePages } = this.profile;
    this.select(vietnameseMode === 'codepage-cp1258' ? codePages.cp1258 : vietnameseMode === 'codepage-tcvn3' ? codePages.tcvn3 : 0);
  }

  /** Printed cells of a line in this mode: what wrapping measures. */
  cells(value: string): number {
    switch (this.profile.vietnameseMode) {
      case 'codepage-cp1258':
        return cp1258Cells(encodeCp1258(value, foldToAscii), this.profile.cp1258MarkTakesCell);
      case 'codepage-tcvn3':
        return encodeTcvn3(value, foldToAscii).reduce((sum, run) => sum + run.bytes.length, 0);
      case 'raster':
      case 'ascii':
        return foldToAscii(value).length;
    }
  }

  /** One printed line, ended by LF. */
  line(value: string): void {
    switch (this.profile.vietnameseMode) {
      case 'codepage-cp1258':
        if (!isPlainAscii(value)) this.select(this.profile.codePages.cp1258);
        this.sink.push(encodeCp1258(value, foldToAscii));
        break;
      case 'codepage-tcvn3':
        for (const run of encodeTcvn3(value, foldToAscii)) {
          if (run.bytes.some((b) => b >= 0x80)) {
            this.select(run.table === 'lower' ? this.profile.codePages.tcvn3 : this.profile.codePages.tcvn3Capitals);
          } else if (run.table === 'lower' && this.codePage === this.profile.codePages.tcvn3Capitals) {
            // The capitals table may draw plain a–z as capitals too (like the .VnTimeH font).
            this.select(this.profile.codePages.tcvn3);
          }
          this.sink.push(run.bytes);
        }
        break;
      case 'raster':
      case 'ascii':
        this.sink.push(new TextEncoder().encode(foldToAscii(value)));
        break;
    }
    this.sink.push([cmd.LF]);
  }

  private select(page: number): void {
    if (this.codePage === page) return;
    this.codePage = page;
    this.sink.push(cmd.selectCodePage(page));
  }
}
