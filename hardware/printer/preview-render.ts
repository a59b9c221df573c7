import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { encode as encodeQr } from 'uqr';
import type { Align } from './escpos-commands.ts';
import type { PrintedDocument, PrintedItem } from './escpos-decoder.ts';
import { isInked } from './bitmap.ts';
import { cssFont, ensureFonts } from './text-font.ts';

/** Native font A is 12 × 24 dots; lines advance by the default 1/6 inch (30 dots at 203 dpi). */
const CELL_WIDTH = 12;
const CELL_HEIGHT = 24;
const LINE_PITCH = 30;
const MARGIN = 8;

/**
 * Draw what a printer with `dotsPerLine` dots would put on paper, one canvas pixel per dot,
 * as a PNG. Native text is drawn with the bundled font (the printer's own font is not
 * available); raster bands and QR codes are exact.
 */
export function renderPreview(doc: PrintedDocument, dotsPerLine: number): Buffer {
  ensureFonts();
  const height = doc.items.reduce((sum, item) => sum + itemHeight(item), 0) + 2 * MARGIN;
  const canvas = createCanvas(dotsPerLine, Math.max(height, 1));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  let y = MARGIN;
  for (const item of doc.items) {
    drawItem(ctx, item, y, dotsPerLine);
    y += itemHeight(item);
  }
  return canvas.toBuffer('image/png');
}

function itemHeight(item: PrintedItem): number {
  switch (item.kind) {
    case 'text':
      return LINE_PITCH + CELL_HEIGHT * (item.height - 1);
    case 'raster':
      return item.height * (item.scale & 2 ? 2 : 1);
    case 'qr':
      return qrModules(item.payload, item.errorLevel).length * item.moduleSize + 6;
    case 'feed':
      return item.lines * LINE_PITCH;
    case 'cut':
      return item.feed * 8 + 12;
    default:
      return 0;
  }
}

function drawItem(ctx: SKRSContext2D, item: PrintedItem, top: number, paper: number): void {
  switch (item.kind) {
    case 'text': {
      // One glyph per 12-dot cell, like the printer's font A, so rules and alignment match paper.
      ctx.font = cssFont(Math.round(CELL_HEIGHT * 0.75), item.bold);
      const chars = [...item.text];
      const cell = CELL_WIDTH * item.width;
      const left = alignedX(item.align, chars.length * cell, paper);
      chars.forEach((ch, k) => {
        const glyph = ctx.measureText(ch).width;
        const squeeze = Math.min(1, CELL_WIDTH / Math.max(glyph, 1));
        ctx.save();
        ctx.translate(left + k * cell + (cell - glyph * squeeze * item.width) / 2, top + CELL_HEIGHT * item.height * 0.8);
        ctx.scale(item.width * squeeze, item.height);
        ctx.fillText(ch, 0, 0);
        ctx.restore();
      });
      return;
    }
    case 'raster': {
      const sx = item.scale & 1 ? 2 : 1;
      const sy = item.scale & 2 ? 2 : 1;
      const left = alignedX(item.align, item.widthBytes * 8 * sx, paper);
      for (let y = 0; y < item.height; y++) {
        for (let x = 0; x < item.widthBytes * 8; x++) {
          if (isInked(item, x, y)) ctx.fillRect(left + x * sx, top + y * sy, sx, sy);
        }
      }
      return;
    }
    case 'qr': {
      const modules = qrModules(item.payload, item.errorLevel);
      const left = alignedX(item.align, modules.length * item.moduleSize, paper);
      modules.forEach((row, y) =>
        row.forEach((dark, x) => {
          if (dark) ctx.fillRect(left + x * item.moduleSize, top + y * item.moduleSize, item.moduleSize, item.moduleSize);
        }),
      );
      return;
    }
    case 'cut':
      for (let x = 0; x < paper; x += 12) ctx.fillRect(x, top + item.feed * 8 + 5, 6, 1);
      return;
    default:
      return;
  }
}

function qrModules(payload: string, level: 'L' | 'M' | 'Q' | 'H'): boolean[][] {
  return encodeQr(payload, { ecc: level, border: 0 }).data;
}

function alignedX(align: Align, width: number, paper: number): number {
  if (align === 'center') return Math.max(0, Math.round((paper - width) / 2));
  if (align === 'right') return Math.max(0, paper - width);
  return 0;
}
