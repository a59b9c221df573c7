import type { PathCommand } from 'opentype.js';
import { describe, expect, it } from 'vitest';
import { createCoverage, fillOutline } from '../../../hardware/printer/outline-raster.ts';
import { encodeGreyPng } from '../../../hardware/printer/png-encode.ts';
import { rasterizeLine } from '../../../hardware/printer/raster-text.ts';
import { decodePng } from '../../support/png-decode.ts';

/** A rectangle contour, clockwise or not. */
function rect(x: number, y: number, w: number, h: number, reverse = false): PathCommand[] {
  const points = [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ];
  if (reverse) points.reverse();
  return [
    { type: 'M', x: points[0]![0]!, y: points[0]![1]! },
    ...points.slice(1).map(([px, py]): PathCommand => ({ type: 'L', x: px!, y: py! })),
    { type: 'Z' },
  ];
}

const at = (c: { width: number; data: Uint8Array }, x: number, y: number): number => c.data[y * c.width + x]!;

describe('outline rasteriser', () => {
  it('fills a pixel-aligned square exactly and nothing around it', () => {
    const c = createCoverage(10, 10);
    fillOutline(c, rect(2, 3, 4, 5));
    for (let y = 0; y < 10; y++) {
      for (let x = 0; x < 10; x++) expect(at(c, x, y)).toBe(x >= 2 && x < 6 && y >= 3 && y < 8 ? 255 : 0);
    }
  });

  it('gives partly covered pixels partial ink', () => {
    const c = createCoverage(10, 4);
    fillOutline(c, rect(2.5, 0, 3, 4));
    expect(at(c, 2, 1)).toBe(128);
    expect(at(c, 3, 1)).toBe(255);
    expect(at(c, 5, 1)).toBe(128);
    expect(at(c, 6, 1)).toBe(0);
  });

  it('uses the non-zero rule: a reversed inner contour is a hole, a same-direction one is not', () => {
    const hole = createCoverage(10, 10);
    fillOutline(hole, [...rect(0, 0, 10, 10), ...rect(3, 3, 4, 4, true)]);
    expect(at(hole, 5, 5)).toBe(0);
    expect(at(hole, 1, 1)).toBe(255);
    const overlap = createCoverage(10, 10);
    fillOutline(overlap, [...rect(0, 0, 10, 10), ...rect(3, 3, 4, 4)]);
    expect(at(overlap, 5, 5)).toBe(255);
  });

  it('applies the transform and clips to the image', () => {
    const c = createCoverage(8, 8);
    fillOutline(c, rect(0, 0, 10, 2), { scaleX: 0.5, scaleY: 2, dx: 4, dy: 1 });
    expect(at(c, 4, 1)).toBe(255);
    expect(at(c, 7, 4)).toBe(255);
    expect(at(c, 3, 2)).toBe(0);
    expect(at(c, 4, 5)).toBe(0);
  });

  it('draws curves: a quadratic bump covers about its true area', () => {
    const c = createCoverage(20, 20);
    // Region under y = 10 - x(20 - x)/20 ... closed by the baseline: area 2/3 · 20 · 5 ≈ 66.7.
    fillOutline(c, [{ type: 'M', x: 0, y: 10 }, { type: 'Q', x1: 10, y1: 0, x: 20, y: 10 }, { type: 'Z' }]);
    const area = c.data.reduce((sum, v) => sum + v / 255, 0);
    expect(area).toBeGreaterThan(64);
    expect(area).toBeLessThan(69);
  });
});

describe('raster lines and previews', () => {
  const options = { px: 26, bold: false, dotsPerLine: 576, halfWidth: true };

  it('draws a Vietnamese line taller than a plain one (stacked marks) and reuses it when repeated', () => {
    const plain = rasterizeLine('Dang ky khai sinh', options)!;
    const marked = rasterizeLine('Đăng ký khai sinh Ấ Ỗ', options)!;
    expect(marked.height).toBeGreaterThan(plain.height);
    expect(rasterizeLine('Đăng ký khai sinh Ấ Ỗ', options)).toBe(marked);
    expect(rasterizeLine('   ', options)).toBeUndefined();
  });

  it('encodes a PNG that decodes to the same pixels', () => {
    const c = createCoverage(7, 3);
    fillOutline(c, rect(1, 0, 3.5, 2));
    const image = decodePng(encodeGreyPng(c));
    expect([image.width, image.height]).toEqual([7, 3]);
    expect(Array.from(image.grey)).toEqual(Array.from(c.data, (v) => 255 - v));
  });
});
