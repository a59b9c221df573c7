import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import opentype, { type Font, type Glyph, type PathCommand } from 'opentype.js';

/**
 * The bundled OFL font (Noto Sans SemiCondensed, full Vietnamese coverage, see fonts/OFL.txt): narrow
 * enough to keep raster tickets small at full resolution, wide enough to read easily. Read from our
 * own files so a system font can never stand in for it.
 *
 * Why opentype.js outlines and our own rasteriser ({@link fillOutline}) and not a canvas: the
 * @napi-rs/canvas build we used first cost the server 47 MB of RSS just by being loaded and
 * about 130 MB more over a 10,000-ticket day (a native canvas per line, freed only when V8
 * got round to it). Outlines are plain JS objects: two parsed fonts cost a few MB of heap and
 * nothing grows with the number of tickets. Text is normalised to NFC before it gets here; every
 * Vietnamese letter is then one precomposed glyph in Noto Sans, so no mark positioning is needed.
 */
/** A parsed face plus the lookups that text layout repeats for every line. */
interface Face {
  font: Font;
  glyphs: Map<string, Glyph>;
  kerning: Map<number, number>;
}

let faces: { regular: Face; bold: Face } | undefined;

function loadFace(file: string): Face {
  const bytes = readFileSync(fileURLToPath(new URL(`./fonts/${file}`, import.meta.url)));
  // lowMemory parses glyphs on demand: 2 MB of heap per face instead of 10.
  const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { lowMemory: true });
  return { font, glyphs: new Map(), kerning: new Map() };
}

/** The bundled face, parsed on first use (reading two TTFs is the only I/O of the text path). */
function face(bold: boolean): Face {
  faces ??= { regular: loadFace('NotoSans-SemiCondensed.ttf'), bold: loadFace('NotoSans-SemiCondensedBold.ttf') };
  return bold ? faces.bold : faces.regular;
}

/**
 * Parses the faces now rather than at the first ticket: parsing takes the event loop for about
 * 150 ms, which is fine while the server starts and not while citizens take numbers.
 */
export function preloadTicketFonts(): void {
  face(false);
}

/** One glyph per character (NFC text), each advanced by its width plus the pair kerning. */
function layOut(text: string, px: number, bold: boolean): { placed: { glyph: Glyph; x: number }[]; width: number } {
  const f = face(bold);
  const scale = px / f.font.unitsPerEm;
  const placed: { glyph: Glyph; x: number }[] = [];
  let x = 0;
  let previous: Glyph | undefined;
  for (const ch of text) {
    let glyph = f.glyphs.get(ch);
    if (!glyph) f.glyphs.set(ch, (glyph = f.font.charToGlyph(ch)));
    if (previous) x += kerning(f, previous, glyph) * scale;
    placed.push({ glyph, x });
    x += (glyph.advanceWidth ?? 0) * scale;
    previous = glyph;
  }
  return { placed, width: x };
}

function kerning(f: Face, left: Glyph, right: Glyph): number {
  const key = left.index * 0x10000 + right.index;
  let value = f.kerning.get(key);
  if (value === undefined) f.kerning.set(key, (value = f.font.getKerningValue(left, right)));
  return value;
}

/** Width of `text` at `px` pixels per em, kerned, in pixels. */
export function textWidth(text: string, px: number, bold: boolean): number {
  return layOut(text, px, bold).width;
}

/**
 * Outlines of the glyphs of `text` with the pen starting at (x, baseline), in pixels, y down:
 * one per glyph, so each is filled on its own (a scanline then crosses a handful of edges, not
 * the whole line's).
 */
export function textOutlines(text: string, px: number, bold: boolean, x: number, baseline: number): PathCommand[][] {
  return layOut(text, px, bold).placed.map(({ glyph, x: at }) => glyph.getPath(x + at, baseline, px).commands);
}
