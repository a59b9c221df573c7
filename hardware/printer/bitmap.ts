import type { Coverage } from './outline-raster.ts';

/**
 * A 1-bit image in the layout `GS v 0` wants: rows of `widthBytes` bytes, most significant
 * bit = leftmost dot, 1 = ink.
 */
export interface Bitmap {
  widthBytes: number;
  height: number;
  data: Uint8Array;
}

/** Whether dot (x, y) is inked. */
export function isInked(bitmap: Bitmap, x: number, y: number): boolean {
  const byte = bitmap.data[y * bitmap.widthBytes + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

/**
 * Pack a coverage image (ink 0–255 per pixel) into a bitmap, cropped to the ink and widened to
 * whole bytes, with `gapRows` blank rows below as line spacing; `threshold` is the coverage from
 * which a dot counts as ink. Cropping is what keeps raster tickets small: a short line costs its
 * own width, not the paper's. Returns `undefined` when there is no ink at all.
 */
export function packInk(coverage: Coverage, gapRows: number, threshold = 128): Bitmap | undefined {
  const { width, height, data: ink } = coverage;
  const inked = (x: number, y: number): boolean => (ink[y * width + x] ?? 0) >= threshold;
  let top = height;
  let bottom = -1;
  let left = width;
  let right = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!inked(x, y)) continue;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      if (x < left) left = x;
      if (x > right) right = x;
    }
  }
  if (bottom < 0) return undefined;
  const x0 = left & ~7;
  const widthBytes = (right - x0 + 8) >> 3;
  const inkRows = bottom - top + 1;
  const data = new Uint8Array(widthBytes * (inkRows + gapRows));
  for (let y = 0; y < inkRows; y++) {
    for (let x = x0; x <= right; x++) {
      if (inked(x, top + y)) data[y * widthBytes + ((x - x0) >> 3)]! |= 0x80 >> ((x - x0) & 7);
    }
  }
  return { widthBytes, height: inkRows + gapRows, data };
}

/** Cut a bitmap into bands of at most `maxRows` rows, as tall images must be sent. */
export function bands(bitmap: Bitmap, maxRows: number): Bitmap[] {
  const out: Bitmap[] = [];
  for (let y = 0; y < bitmap.height; y += maxRows) {
    const rows = Math.min(maxRows, bitmap.height - y);
    const start = y * bitmap.widthBytes;
    out.push({ widthBytes: bitmap.widthBytes, height: rows, data: bitmap.data.subarray(start, start + rows * bitmap.widthBytes) });
  }
  return out;
}
