import { packInk, type Bitmap } from './bitmap.ts';
import { createCoverage, fillOutline } from './outline-raster.ts';
import { textOutlines, textWidth } from './text-font.ts';

/** Dots kept free at each side so wide lines are never clipped by the head's edge. */
const SIDE_MARGIN = 4;
/**
 * Paper fed under each raster line (`ESC J`), the line spacing: sent as a feed, not as blank
 * image rows, which cost a row of bytes each.
 */
export const RASTER_LINE_GAP_DOTS = 4;

/**
 * How a raster line is drawn: at the head's full resolution. Half-width drawing (printed with
 * `GS v 0` double width) halved the bytes but printed uneven strokes, 95 % OCR accuracy
 * against 98.5 % at full width (issue 16); a semi-condensed face at full width costs about the
 * same bytes per letter as the old default and reads better (bench/print-encode.ts).
 */
export interface RasterTextOptions {
  px: number;
  bold: boolean;
  dotsPerLine: number;
}

/**
 * Recently drawn lines. Most of a ticket repeats from one ticket to the next (the centre's
 * name, the service, the papers, the hints): drawing each once instead of every time took the
 * raster encode from about 8 ms to under 1 ms and stopped a busy day's printing from churning
 * the heap. A few hundred lines of ~1 KB each; the oldest go first.
 */
const LINE_CACHE_SIZE = 400;
const lineCache = new Map<string, Bitmap | undefined>();

/** Whether a line (NFC) fits the printable width, measured with the bundled font. */
export function fitsRaster(line: string, o: RasterTextOptions): boolean {
  return textWidth(line, o.px, o.bold) <= o.dotsPerLine - 2 * SIDE_MARGIN;
}

/**
 * Draw one line with the bundled font and threshold it to a 1-bit bitmap cropped to its ink
 * (alignment is then the printer's `ESC a`). `undefined` for a line with no ink (spaces).
 */
export function rasterizeLine(text: string, o: RasterTextOptions): Bitmap | undefined {
  const key = `${o.px}|${o.bold ? 1 : 0}|${o.dotsPerLine}|${text}`;
  if (lineCache.has(key)) {
    const cached = lineCache.get(key);
    lineCache.delete(key);
    lineCache.set(key, cached);
    return cached;
  }
  const bitmap = drawLine(text, o);
  lineCache.set(key, bitmap);
  if (lineCache.size > LINE_CACHE_SIZE) lineCache.delete(lineCache.keys().next().value!);
  return bitmap;
}

function drawLine(text: string, o: RasterTextOptions): Bitmap | undefined {
  // Room above the baseline for stacked marks on capitals (Ấ, Ỗ reach ~1.2 em) and below for descenders.
  const baseline = Math.ceil(o.px * 1.3);
  const coverage = createCoverage(o.dotsPerLine, Math.ceil(o.px * 1.75));
  for (const glyph of textOutlines(text.normalize('NFC'), o.px, o.bold, SIDE_MARGIN, baseline)) fillOutline(coverage, glyph);
  return packInk(coverage, 0);
}
