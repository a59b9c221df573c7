import { inflateSync } from 'node:zlib';

/** A decoded PNG as one luminance byte per pixel (0 black … 255 white). */
export interface GreyImage {
  width: number;
  height: number;
  grey: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * Decode an 8-bit, non-interlaced PNG (grey, grey + alpha, RGB or RGBA; every row filter) to
 * luminance, transparent pixels counting as white paper. Enough for the golden previews,
 * without a native image library in the tests.
 */
export function decodePng(png: Buffer): GreyImage {
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs are supported');
      channels = CHANNELS[body[9]!] ?? 0;
      if (!channels) throw new Error(`unsupported PNG colour type ${body[9]}`);
    } else if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) unfilter(raw[y * (stride + 1)]!, raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), pixels, y, stride, channels);
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) {
    const p = pixels.subarray(i * channels, (i + 1) * channels);
    const value = channels >= 3 ? (p[0]! + p[1]! + p[2]!) / 3 : p[0]!;
    const alpha = channels === 2 || channels === 4 ? p[channels - 1]! / 255 : 1;
    grey[i] = Math.round(value * alpha + 255 * (1 - alpha));
  }
  return { width, height, grey };
}

function unfilter(filter: number, line: Uint8Array, out: Uint8Array, y: number, stride: number, bpp: number): void {
  const row = y * stride;
  for (let x = 0; x < stride; x++) {
    const a = x >= bpp ? out[row + x - bpp]! : 0;
    const b = y > 0 ? out[row - stride + x]! : 0;
    const c = x >= bpp && y > 0 ? out[row - stride + x - bpp]! : 0;
    const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
    if (predictor === undefined) throw new Error(`bad PNG row filter ${filter}`);
    out[row + x] = (line[x]! + predictor) & 0xff;
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
