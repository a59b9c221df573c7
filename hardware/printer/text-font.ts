import { fileURLToPath } from 'node:url';
import { GlobalFonts, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

/**
 * The bundled OFL font (Noto Sans, full Vietnamese coverage, see fonts/OFL.txt), registered
 * under our own family names so a system font can never stand in for it.
 *
 * Why @napi-rs/canvas and not pureimage (measured on the dev box, 5 Vietnamese lines on a
 * 576-dot canvas): napi 1.5 ms per render after a 2 ms first call; pureimage 12.6 ms, 79 ms
 * first call plus 27 ms font load, and it needs NFC input because opentype.js 0.4 does not
 * place combining marks. napi shapes with HarfBuzz (any normalisation renders right) and
 * ships a prebuilt binary in npm (about 32 MB, nothing downloaded at install).
 */
export const FONT_REGULAR = 'MotcuaSans';
export const FONT_BOLD = 'MotcuaSansBold';

let registered = false;

/** Register the bundled fonts once; reading two TTFs is the only I/O of the text path. */
export function ensureFonts(): void {
  if (registered) return;
  const regular = GlobalFonts.registerFromPath(fileURLToPath(new URL('./fonts/NotoSans-Regular.ttf', import.meta.url)), FONT_REGULAR);
  const boldFace = GlobalFonts.registerFromPath(fileURLToPath(new URL('./fonts/NotoSans-Bold.ttf', import.meta.url)), FONT_BOLD);
  if (!regular || !boldFace) throw new Error('could not load the bundled Noto Sans fonts from hardware/printer/fonts');
  registered = true;
}

/** CSS font string for the bundled face. */
export function cssFont(px: number, bold: boolean): string {
  return `${px}px ${bold ? FONT_BOLD : FONT_REGULAR}`;
}

let measurer: SKRSContext2D | undefined;

/** A shared context for measuring text width (wrapping), created on first use. */
export function measuringContext(): SKRSContext2D {
  ensureFonts();
  measurer ??= createCanvas(8, 8).getContext('2d');
  return measurer;
}
