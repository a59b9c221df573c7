import { packInk, type Bitmap } from './bitmap.ts';
import { createCoverage, fillOutline } from './outline-raster.ts';
import { textOutlines, textWidth } from './text-font.ts';
import { wrapWords } from './text-wrap.ts';

/** Dots kept free at each side so wide lines are never clipped by the head's edge. */
const SIDE_MARGIN = 4;
/** Blank rows under each raster line: the line spacing. */
const GAP_ROWS = 3;

/**
 * How a raster line is drawn. `halfWidth`: drawn at half horizontal resolution and printed
 * with `GS v 0` double width (m = 1). Measured on the sample ticket: 14.9 KB → about 7 KB, with
 * every stacked mark intact; the vertical resolution, where Vietnamese marks stack, stays full.
 * Thin strokes would fall under the usual 50 % threshold at half width, so the threshold drops
 * to 22 %, which reads like a semi-bold.
 */
export interface RasterTextOptions {
  px: number;
  bold: boolean;
  dotsPerLine: number;
  halfWidth: boolean;
}

const scaleOf = (o: RasterTextOptions): number => (o.halfWidth ? 2 : 1);

/**
 * Recently drawn lines. Most of a ticket repeats from one ticket to the next (the centre's
 * name, the service, the papers, the hints): drawing each once instead of every time took the
 * raster encode from about 8 ms to under 1 ms and stopped a busy day's printing from churning
 * the heap. A few hundred lines of ~0.5 KB each; the oldest go first.
 */
const LINE_CACHE_SIZE = 400;
const lineCache = new Map<string, Bitmap | undefined>();

/** Wrap a line to the printable width, measured with the bundled font. */
export function wrapForRaster(text: string, o: RasterTextOptions): string[] {
  return wrapWords(text.normalize('NFC'), (line) => textWidth(line, o.px, o.bold) <= o.dotsPerLine - 2 * SIDE_MARGIN * scaleOf(o));
}

/**
 * Draw one line with the bundled font and threshold it to a 1-bit bitmap cropped to its ink
 * (alignment is then the printer's `ESC a`). `undefined` for a line with no ink (spaces).
 */
export function rasterizeLine(text: string, o: RasterTextOptions): Bitmap | undefined {
  const key = `${o.px}|${o.bold ? 1 : 0}|${o.halfWidth ? 1 : 0}|${o.dotsPerLine}|${text}`;
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
  const scale = scaleOf(o);
  // Room above the baseline for stacked marks on capitals (Ấ, Ỗ reach ~1.2 em) and below for descenders.
  const baseline = Math.ceil(o.px * 1.3);
  const coverage = createCoverage(Math.ceil(o.dotsPerLine / scale), Math.ceil(o.px * 1.75));
  for (const glyph of textOutlines(text.normalize('NFC'), o.px, o.bold, SIDE_MARGIN * scale, baseline)) {
    fillOutline(coverage, glyph, { scaleX: 1 / scale, scaleY: 1, dx: 0, dy: 0 });
  }
  return packInk(coverage, GAP_ROWS, o.halfWidth ? 56 : 128);
}
