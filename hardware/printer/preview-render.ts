import type { Align } from './escpos-commands.ts';
import type { PrintedDocument, PrintedItem } from './escpos-decoder.ts';
import { isInked } from './bitmap.ts';
import { qrModules } from './qr-raster.ts';
import { createCoverage, fillOutline, type Coverage } from './outline-raster.ts';
import { encodeGreyPng } from './png-encode.ts';
import { textOutlines, textWidth } from './text-font.ts';

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
  const height = doc.items.reduce((sum, item) => sum + itemHeight(item), 0) + 2 * MARGIN;
  const paper = createCoverage(dotsPerLine, Math.max(height, 1));
  let y = MARGIN;
  for (const item of doc.items) {
    drawItem(paper, item, y);
    y += itemHeight(item);
  }
  return encodeGreyPng(paper);
}

/** Ink a rectangle, clipped to the paper. */
function fillRect(paper: Coverage, left: number, top: number, width: number, height: number): void {
  for (let y = Math.max(0, top); y < Math.min(paper.height, top + height); y++) {
    paper.data.fill(255, y * paper.width + Math.max(0, left), y * paper.width + Math.min(paper.width, left + width));
  }
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
    case 'feed-dots':
      return item.dots;
    case 'cut':
      return item.feed * 8 + 12;
    default:
      return 0;
  }
}

function drawItem(paper: Coverage, item: PrintedItem, top: number): void {
  switch (item.kind) {
    case 'text': {
      // One glyph per 12-dot cell, like the printer's font A, so rules and alignment match paper.
      const px = Math.round(CELL_HEIGHT * 0.75);
      const chars = [...item.text];
      const cell = CELL_WIDTH * item.width;
      const left = alignedX(item.align, chars.length * cell, paper.width);
      chars.forEach((ch, k) => {
        const glyph = textWidth(ch, px, item.bold);
        const squeeze = Math.min(1, CELL_WIDTH / Math.max(glyph, 1));
        fillOutline(paper, textOutlines(ch, px, item.bold, 0, 0).flat(), {
          scaleX: item.width * squeeze,
          scaleY: item.height,
          dx: left + k * cell + (cell - glyph * squeeze * item.width) / 2,
          dy: top + CELL_HEIGHT * item.height * 0.8,
        });
      });
      return;
    }
    case 'raster': {
      const sx = item.scale & 1 ? 2 : 1;
      const sy = item.scale & 2 ? 2 : 1;
      const left = alignedX(item.align, item.widthBytes * 8 * sx, paper.width);
      for (let y = 0; y < item.height; y++) {
        for (let x = 0; x < item.widthBytes * 8; x++) {
          if (isInked(item, x, y)) fillRect(paper, left + x * sx, top + y * sy, sx, sy);
        }
      }
      return;
    }
    case 'qr': {
      const modules = qrModules(item.payload, item.errorLevel);
      const left = alignedX(item.align, modules.length * item.moduleSize, paper.width);
      modules.forEach((row, y) =>
        row.forEach((dark, x) => {
          if (dark) fillRect(paper, left + x * item.moduleSize, top + y * item.moduleSize, item.moduleSize, item.moduleSize);
        }),
      );
      return;
    }
    case 'cut':
      for (let x = 0; x < paper.width; x += 12) fillRect(paper, x, top + item.feed * 8 + 5, 6, 1);
      return;
    default:
      return;
  }
}

function alignedX(align: Align, width: number, paper: number): number {
  if (align === 'center') return Math.max(0, Math.round((paper - width) / 2));
  if (align === 'right') return Math.max(0, paper - width);
  return 0;
}
