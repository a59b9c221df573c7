/**
 * Names of the audio clips the display plays.
 *
 * A clip id is the language and the words it says ("vi:mươi", "en:please go to counter"), so
 * any text the announcement code produces names its clip without a lookup table to keep in
 * step, and the generator can make the clip from the id alone.
 */

/** A language the shipped clips are spoken in. */
export type ClipLanguage = 'vi' | 'en';

/** The id of one clip in a voice manifest. */
export type ClipId = string;

/** The two-tone chime played before every announcement. */
export const CHIME_CLIP: ClipId = 'chime';

/**
 * The spoken core of a phrase: NFC, single spaces, without punctuation at either end
 * (", please go to counter" → "please go to counter"), case kept.
 */
export function spokenText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/** The clip id for `text` said in `language`. */
export function clipId(language: ClipLanguage, text: string): ClipId {
  return `${language}:${spokenText(text)}`;
}
