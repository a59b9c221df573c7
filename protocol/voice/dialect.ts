/**
 * The three ways a centre's announcements can speak: northern, central or southern usage.
 *
 * A dialect is a preset, not just a voice: choosing the southern one must also make numbers say
 * "lẻ" and "ngàn" (issue 18: the southern voice still said "linh" and "nghìn"). Each preset picks
 * the generated voice, the number words and (in letter-names.ts) the letter names that stay
 * distinct in that dialect. A centre may still change any single word.
 */
import type { VietnameseReadingOptions } from './vietnamese-number.ts';

/** The espeak-ng voices clips are generated for; each has its own folder under `clips/`. */
export const CLIP_VOICES = ['vi', 'vi-vn-x-central', 'vi-vn-x-south'] as const;

/** One of {@link CLIP_VOICES}. */
export type ClipVoice = (typeof CLIP_VOICES)[number];

/** Regional usage of the announcements. */
export const DIALECTS = ['north', 'central', 'south'] as const;

/** One of {@link DIALECTS}. */
export type Dialect = (typeof DIALECTS)[number];

/** What choosing a dialect sets. */
export interface DialectPreset extends VietnameseReadingOptions {
  /** The generated voice of the dialect. */
  voice: ClipVoice;
}

/**
 * North: "linh", "nghìn", "hai mươi tư" (Hà Nội usage, the default). Central and South:
 * "lẻ" and "ngàn"; the South also says "hai mươi bốn", the Centre mostly "tư".
 */
export const DIALECT_PRESETS: Readonly<Record<Dialect, Readonly<DialectPreset>>> = Object.freeze({
  north: Object.freeze({ voice: 'vi', zeroTens: 'linh', thousand: 'nghìn', fourAfterTens: 'tư' }),
  central: Object.freeze({ voice: 'vi-vn-x-central', zeroTens: 'lẻ', thousand: 'ngàn', fourAfterTens: 'tư' }),
  south: Object.freeze({ voice: 'vi-vn-x-south', zeroTens: 'lẻ', thousand: 'ngàn', fourAfterTens: 'bốn' }),
});

/** The dialect a generated voice speaks; settings saved before dialects existed named only the voice. */
export function dialectOfVoice(voice: ClipVoice): Dialect {
  return DIALECTS.find((dialect) => DIALECT_PRESETS[dialect].voice === voice) ?? 'north';
}
