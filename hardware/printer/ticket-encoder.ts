import * as cmd from './escpos-commands.ts';
import { ByteSink, type Align } from './escpos-commands.ts';
import { bands } from './bitmap.ts';
import { foldToAscii, isPlainAscii } from './ascii-fold.ts';
import { rasterizeLine, wrapForRaster } from './raster-text.ts';
import { wrapColumns } from './text-wrap.ts';
import { encodeCp1258 } from './vietnamese-cp1258.ts';
import { encodeTcvn3 } from './vietnamese-tcvn3.ts';
import { TEXT_STYLES, ticketBlocks, type StyleMetrics, type TicketBlock } from './ticket-blocks.ts';
import type { PrinterProfile } from './printer-profile.ts';
import type { TicketLayout } from './ticket-layout.ts';
import { ticketWords, type TicketWords } from './ticket-words.ts';

/** Rows per `GS v 0` band: one native text line; small enough for clone printers' buffers. */
export const RASTER_BAND_ROWS = 24;
/** Native font A cell width in dots. */
const FONT_A_WIDTH = 12;
/** The big number never grows past this multiplier: 6 × 24 dots is 18 mm tall already. */
const MAX_NUMBER_SIZE = 6;

/**
 * Encode a ticket for one printer: pure and deterministic (the same layout and profile give
 * the same bytes), no I/O apart from loading the bundled font once. `words` defaults to the
 * layout's language from `locales/<lang>/ticket.json`.
 */
export function encodeTicket(layout: TicketLayout, profile: PrinterProfile, words: TicketWords = ticketWords(layout.language)): Uint8Array {
  return encodeBlocks(ticketBlocks(layout, words), profile);
}

/** Encode laid-out blocks; {@link encodeTicket} is this plus the ticket's layout. */
export function encodeBlocks(blocks: readonly TicketBlock[], profile: PrinterProfile): Uint8Array {
  const sink = new ByteSink().push(cmd.initialise());
  const text = new NativeText(sink, profile);
  for (const block of blocks) {
    switch (block.kind) {
      case 'text':
        writeText(sink, text, profile, block.text, TEXT_STYLES[block.style], block.align);
        break;
      case 'number': {
        const size = Math.max(1, Math.min(MAX_NUMBER_SIZE, Math.floor(profile.dotsPerLine / (block.text.length * FONT_A_WIDTH))));
        sink.push(cmd.align('center')).push(cmd.bold(true)).push(cmd.characterSize(size, size));
        text.line(block.text);
        sink.push(cmd.characterSize(1, 1)).push(cmd.bold(false));
        break;
      }
      case 'qr':
        sink.push(cmd.align('center')).push(cmd.qrCode(new TextEncoder().encode(block.payload), profile.qrModuleSize, 'M'));
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

function writeText(sink: ByteSink, text: NativeText, profile: PrinterProfile, value: string, style: StyleMetrics, align: Align): void {
  sink.push(cmd.align(align));
  if (profile.vietnameseMode === 'raster' && !isPlainAscii(value)) {
    // Only lines that need Vietnamese letters become images; ASCII lines stay native and cheap.
    const options = { px: style.rasterPx, bold: style.bold, dotsPerLine: profile.dotsPerLine, halfWidth: profile.rasterHalfWidth };
    for (const line of wrapForRaster(value, options)) {
      const bitmap = rasterizeLine(line, options);
      if (!bitmap) continue;
      const scale = profile.rasterHalfWidth ? 1 : 0;
      for (const band of bands(bitmap, RASTER_BAND_ROWS))
        sink.push(cmd.rasterBandHeader(band.widthBytes, band.height, scale)).push(band.data);
    }
    return;
  }
  const scaled = style.width > 1 || style.height > 1;
  if (style.bold) sink.push(cmd.bold(true));
  if (scaled) sink.push(cmd.characterSize(style.width, style.height));
  const columns = Math.floor(profile.dotsPerLine / (FONT_A_WIDTH * style.width));
  for (const line of wrapColumns(value, columns)) text.line(line);
  if (scaled) sink.push(cmd.characterSize(1, 1));
  if (style.bold) sink.push(cmd.bold(false));
}

/** Native text in the profile's Vietnamese mode; remembers the selected code page to switch only when needed. */
class NativeText {
  private codePage: number | undefined;

  constructor(
    private readonly sink: ByteSink,
    private readonly profile: PrinterProfile,
  ) {}

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
