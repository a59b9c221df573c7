import { createCanvas } from '@napi-rs/canvas';
import { packInk, type Bitmap } from './bitmap.ts';
import { cssFont, ensureFonts, measuringContext } from './text-font.ts';
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

/** Wrap a line to the printable width, measured with the bundled font. */
export function wrapForRaster(text: string, o: RasterTextOptions): string[] {
  const ctx = measuringContext();
  ctx.font = cssFont(o.px, o.bold);
  return wrapWords(text.normalize('NFC'), (line) => ctx.measureText(line).width <= o.dotsPerLine - 2 * SIDE_MARGIN * scaleOf(o));
}

/**
 * Draw one line with the bundled font and threshold it to a 1-bit bitmap cropped to its ink
 * (alignment is then the printer's `ESC a`). `undefined` for a line with no ink (spaces).
 */
export function rasterizeLine(text: string, o: RasterTextOptions): Bitmap | undefined {
  ensureFonts();
  const scale = scaleOf(o);
  // Room above the baseline for stacked marks on capitals (Ấ, Ỗ reach ~1.2 em) and below for descenders.
  const baseline = Math.ceil(o.px * 1.3);
  const canvas = createCanvas(Math.ceil(o.dotsPerLine / scale), Math.ceil(o.px * 1.75));
  const ctx = canvas.getContext('2d');
  ctx.scale(1 / scale, 1);
  ctx.font = cssFont(o.px, o.bold);
  ctx.fillStyle = '#000';
  ctx.fillText(text.normalize('NFC'), SIDE_MARGIN * scale, baseline);
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return packInk(image.data, canvas.width, canvas.height, GAP_ROWS, o.halfWidth ? 56 : 128);
}
