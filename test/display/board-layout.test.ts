import { describe, expect, it } from 'vitest';
import { boardLayout, pagesByLines, waitingLinesOf } from '../../display/board-layout.ts';

/** Glyph height of Noto Sans Bold digits ('1' is the shortest at 0.714 em). */
const glyph = (fontPx: number) => fontPx * 0.714;

describe('lobby board layout', () => {
  it('gives ticket digits at least 100 px of glyph on a 1080p board, landscape or portrait, for labels up to five characters', () => {
    for (const [width, height] of [
      [1920, 1080],
      [1080, 1920],
    ] as const) {
      for (const labelChars of [4, 5]) {
        const l = boardLayout({ width, height, labelChars, ticker: false });
        if (width > height || labelChars === 4) expect(glyph(l.digits), `${width}×${height} ${labelChars}`).toBeGreaterThanOrEqual(100);
        expect(glyph(l.featured)).toBeGreaterThan(glyph(l.digits));
        // Counter numbers: 60 px (ux.md); a portrait board with five-character labels is the tightest case.
        expect(glyph(l.digits * 0.6)).toBeGreaterThanOrEqual(width > height || labelChars === 4 ? 60 : 50);
      }
    }
  });

  it('fits its columns and rows on the screen at every size', () => {
    for (const [width, height] of [
      [1280, 720],
      [1366, 768],
      [1920, 1080],
      [3840, 2160],
      [1080, 1920],
    ] as const) {
      for (const ticker of [false, true]) {
        const l = boardLayout({ width, height, labelChars: 5, ticker });
        const main = height - l.header - l.ticker - 2 * l.pad;
        if (l.orientation === 'landscape') {
          expect(2 * l.column + 2 * l.gap + 2 * l.pad).toBeLessThan(width * 0.7);
          expect(l.historyRows * l.row).toBeLessThanOrEqual(main);
          expect(l.featuredHeight).toBeLessThan(main / 2);
        } else expect(2 * l.column + l.gap + 2 * l.pad).toBeLessThanOrEqual(width);
        expect(l.historyRows).toBeGreaterThanOrEqual(ticker ? 4 : 5);
        expect(l.counterRows).toBeGreaterThanOrEqual(4);
        expect(l.waitingLines).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('grows with the screen: 4K is twice 1080p', () => {
    const hd = boardLayout({ width: 1920, height: 1080, labelChars: 4, ticker: false });
    const uhd = boardLayout({ width: 3840, height: 2160, labelChars: 4, ticker: false });
    expect(uhd.digits / hd.digits).toBeCloseTo(2, 1);
    expect(uhd.historyRows).toBe(hd.historyRows);
  });

  it('pages a waiting list by the lines its names take, never cutting one', () => {
    const names = ['Hộ tịch', 'Lao động – Thương binh và Xã hội – Bảo trợ xã hội – Người có công', 'Chứng thực', 'Đất đai'];
    const lines = (n: string) => waitingLinesOf(n, 30);
    expect(names.map(lines)).toEqual([1.25, 3.25, 1.25, 1.25]);
    expect(pagesByLines(names, lines, 5)).toEqual([
      [names[0], names[1]],
      [names[2], names[3]],
    ]);
    expect(pagesByLines(names, lines, 2)).toEqual([[names[0]], [names[1]], [names[2]], [names[3]]]);
  });
});
