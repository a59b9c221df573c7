import { encode as encodeQr } from 'uqr';
import type { Bitmap } from './bitmap.ts';
import type { QrErrorLevel } from './escpos-commands.ts';

/** The dark modules of a QR code for `payload`, row by row, without the quiet zone. */
export function qrModules(payload: string, level: QrErrorLevel): boolean[][] {
  return encodeQr(payload, { ecc: level, border: 0 }).data;
}

/**
 * A QR code as a 1-bit image, for printers without `GS ( k`: the same modules the printer would
 * draw, `moduleSize` dots each. The quiet zone is the paper around it.
 */
export function qrBitmap(payload: string, moduleSize: number, level: QrErrorLevel): Bitmap {
  const modules = qrModules(payload, level);
  const size = modules.length * moduleSize;
  const widthBytes = Math.ceil(size / 8);
  const data = new Uint8Array(widthBytes * size);
  modules.forEach((row, my) =>
    row.forEach((dark, mx) => {
      if (!dark) return;
      for (let dy = 0; dy < moduleSize; dy++) {
        for (let dx = 0; dx < moduleSize; dx++) {
          const x = mx * moduleSize + dx;
          const at = (my * moduleSize + dy) * widthBytes + (x >> 3);
          data[at]! |= 0x80 >> (x & 7);
        }
      }
    }),
  );
  return { widthBytes, height: size, data };
}
