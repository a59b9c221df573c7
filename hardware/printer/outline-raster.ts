import type { PathCommand } from 'opentype.js';

/** A grey image: one byte of ink coverage per pixel (0 = none, 255 = fully covered). */
export interface Coverage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Where an outline lands: device = outline × scale + offset, per axis. */
export interface OutlineTransform {
  scaleX: number;
  scaleY: number;
  dx: number;
  dy: number;
}

const IDENTITY: OutlineTransform = { scaleX: 1, scaleY: 1, dx: 0, dy: 0 };
/** Sub-scanlines per pixel row; across a row the coverage of each span is exact. */
const SUBSAMPLES = 4;
/** Largest distance (px) a flattened curve may stray from the true curve. */
const FLATNESS = 0.1;

/** A blank coverage image. */
export function createCoverage(width: number, height: number): Coverage {
  return { width, height, data: new Uint8Array(width * height) };
}

/**
 * Fill an outline (glyph paths: move, line, quadratic, cubic, close) into `target` with the
 * non-zero winding rule and anti-aliasing, keeping the darker of old and new ink. This is all
 * a thermal ticket needs from a font renderer: the result is thresholded to dots afterwards.
 */
export function fillOutline(target: Coverage, commands: readonly PathCommand[], transform: OutlineTransform = IDENTITY): void {
  const edges = flatten(commands, transform);
  if (edges.length === 0) return;
  // Edges by the first sub-scanline they cross; an active list walks down the image.
  edges.sort((a, b) => a[1] - b[1]);
  // Only the columns the outline can touch are cleared and copied on each row.
  let left = Infinity;
  let right = -Infinity;
  for (const [x0, top, bottom, slope] of edges) {
    const x1 = x0 + (bottom - top) * slope;
    left = Math.min(left, x0, x1);
    right = Math.max(right, x0, x1);
  }
  const from = Math.max(0, Math.floor(left));
  const to = Math.min(target.width, Math.ceil(right) + 1);
  if (to <= from) return;
  const row = new Float32Array(target.width + 1);
  const active: Edge[] = [];
  let next = 0;
  const crossings: number[] = [];
  const firstRow = Math.max(0, Math.floor(edges[0]![1]));
  for (let y = firstRow; y < target.height; y++) {
    let inked = false;
    for (let s = 0; s < SUBSAMPLES; s++) {
      const sy = y + (s + 0.5) / SUBSAMPLES;
      while (next < edges.length && edges[next]![1] <= sy) active.push(edges[next++]!);
      crossings.length = 0;
      for (let i = active.length - 1; i >= 0; i--) {
        const [x0, top, bottom, slope, dir] = active[i]!;
        if (bottom <= sy) {
          active.splice(i, 1);
          continue;
        }
        if (top <= sy) crossings.push(x0 + (sy - top) * slope, dir);
      }
      if (crossings.length === 0) continue;
      if (!inked) row.fill(0, from, to + 1);
      inked = true;
      fillSpans(row, crossings, target.width);
    }
    if (inked) keepDarker(target, y, row, from, to);
    if (next === edges.length && active.length === 0) break;
  }
}

function keepDarker(target: Coverage, y: number, row: Float32Array, from: number, to: number): void {
  for (let x = from; x < to; x++) {
    const value = Math.min(255, Math.round(row[x]! * 255));
    const i = y * target.width + x;
    if (value > target.data[i]!) target.data[i] = value;
  }
}

/** A straight edge: x at its top, top y, bottom y, dx/dy, and +1 when drawn downwards. */
type Edge = [number, number, number, number, number];

/** Straight edges in device space, every sub-path closed; horizontal ones cross nothing and are dropped. */
function flatten(commands: readonly PathCommand[], t: OutlineTransform): Edge[] {
  const edges: Edge[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const lineTo = (nx: number, ny: number): void => {
    if (ny !== y) {
      const slope = (nx - x) / (ny - y);
      edges.push(ny > y ? [x, y, ny, slope, 1] : [nx, ny, y, slope, -1]);
    }
    x = nx;
    y = ny;
  };
  const px = (v: number): number => v * t.scaleX + t.dx;
  const py = (v: number): number => v * t.scaleY + t.dy;
  for (const c of commands) {
    switch (c.type) {
      case 'M':
        lineTo(startX, startY);
        x = startX = px(c.x);
        y = startY = py(c.y);
        break;
      case 'L':
        lineTo(px(c.x), py(c.y));
        break;
      case 'Q': {
        const [ax, ay, bx, by] = [x, y, px(c.x1), py(c.y1)];
        const [cx, cy] = [px(c.x), py(c.y)];
        const n = segmentsFor(Math.hypot(ax - 2 * bx + cx, ay - 2 * by + cy));
        for (let i = 1; i <= n; i++) {
          const k = i / n;
          const m = 1 - k;
          lineTo(m * m * ax + 2 * m * k * bx + k * k * cx, m * m * ay + 2 * m * k * by + k * k * cy);
        }
        break;
      }
      case 'C': {
        const [ax, ay, bx, by] = [x, y, px(c.x1), py(c.y1)];
        const [cx, cy, dx, dy] = [px(c.x2), py(c.y2), px(c.x), py(c.y)];
        const bend = Math.max(Math.hypot(ax - 2 * bx + cx, ay - 2 * by + cy), Math.hypot(bx - 2 * cx + dx, by - 2 * cy + dy));
        const n = segmentsFor(1.5 * bend);
        for (let i = 1; i <= n; i++) {
          const k = i / n;
          const m = 1 - k;
          const [w0, w1, w2, w3] = [m * m * m, 3 * m * m * k, 3 * m * k * k, k * k * k];
          lineTo(w0 * ax + w1 * bx + w2 * cx + w3 * dx, w0 * ay + w1 * by + w2 * cy + w3 * dy);
        }
        break;
      }
      case 'Z':
        lineTo(startX, startY);
        break;
    }
  }
  lineTo(startX, startY);
  return edges;
}

/** Uniform steps so a curve of this second difference stays within {@link FLATNESS}. */
function segmentsFor(secondDifference: number): number {
  return Math.min(64, Math.max(1, Math.ceil(Math.sqrt(secondDifference / (4 * FLATNESS)))));
}

/** Add one sub-scanline's inside spans (non-zero winding) to the row's coverage. */
function fillSpans(row: Float32Array, line: number[], width: number): void {
  sortPairs(line);
  let winding = 0;
  let start = 0;
  for (let i = 0; i < line.length; i += 2) {
    const x = line[i]!;
    const before = winding;
    winding += line[i + 1]!;
    if (before === 0 && winding !== 0) start = x;
    else if (before !== 0 && winding === 0) addSpan(row, start, x, width);
  }
}

/** Insertion sort of (x, direction) pairs by x: a scanline crosses a few dozen edges at most. */
function sortPairs(line: number[]): void {
  for (let i = 2; i < line.length; i += 2) {
    const x = line[i]!;
    const dir = line[i + 1]!;
    let j = i - 2;
    while (j >= 0 && line[j]! > x) {
      line[j + 2] = line[j]!;
      line[j + 3] = line[j + 1]!;
      j -= 2;
    }
    line[j + 2] = x;
    line[j + 3] = dir;
  }
}

function addSpan(row: Float32Array, from: number, to: number, width: number): void {
  const a = Math.max(0, Math.min(width, from));
  const b = Math.max(0, Math.min(width, to));
  if (b <= a) return;
  const w = 1 / SUBSAMPLES;
  const ia = Math.floor(a);
  const ib = Math.floor(b);
  if (ia === ib) {
    row[ia]! += (b - a) * w;
    return;
  }
  row[ia]! += (ia + 1 - a) * w;
  for (let i = ia + 1; i < ib; i++) row[i]! += w;
  row[ib]! += (b - ib) * w;
}
