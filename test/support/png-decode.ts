import { inflateSync } from 'node:zlib';

/** A decoded PNG as one luminance byte per pixel (0 black … 255 white). */
export interface GreyImage {
  width: number;
  height: number;
  grey: Uint8Array;
}

/**
 * Decode the PNGs the printer preview writes (`encodeGreyPng`: 8-bit greyscale, every row
 * unfiltered), so the golden tests need no image library. Anything else is refused, which also
 * catches a preview written some other way.
 */
export function decodePng(png: Buffer): GreyImage {
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 0 || body[12] !== 0) throw new Error('not an 8-bit greyscale, non-interlaced PNG');
    } else if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    if (raw[row] !== 0) throw new Error(`row ${y} uses PNG filter ${raw[row]}, not none`);
    grey.set(raw.subarray(row + 1, row + 1 + width), y * width);
  }
  return { width, height, grey };
}
