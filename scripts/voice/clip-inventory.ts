/**
 * Every clip a generated voice folder must hold, for the clip generator.
 *
 * The list is found by running the readers themselves over every ticket number (0–9999), every
 * regional option and every dialect's letter names, rather than typed out by hand, so a change
 * to a reader cannot leave a word without a clip. Numbers above 9999 use no further words.
 */
import { clipId, type ClipId, type ClipLanguage } from '../../protocol/voice/clip-id.ts';
import {
  DEFAULT_BRIEF_RECALL_TEMPLATE,
  DEFAULT_BRIEF_TEMPLATE,
  DEFAULT_ENGLISH_RECALL_TEMPLATE,
  DEFAULT_ENGLISH_TEMPLATE,
  DEFAULT_RECALL_TEMPLATE,
  DEFAULT_VIETNAMESE_TEMPLATE,
  EARLIER_DEFAULT_TEMPLATES,
  parseTemplate,
} from '../../protocol/voice/announcement-template.ts';
import { DIALECTS } from '../../protocol/voice/dialect.ts';
import { readEnglishNumber } from '../../protocol/voice/english-number.ts';
import { englishLetterName, PREFIX_LETTERS, vietnameseLetterName } from '../../protocol/voice/letter-names.ts';
import { readVietnameseNumber, type VietnameseReadingOptions } from '../../protocol/voice/vietnamese-number.ts';

/** A clip to synthesise: its id, the language and the text to say. */
export interface SpokenClip {
  id: ClipId;
  language: ClipLanguage;
  text: string;
}

/** Every built-in sentence, Vietnamese and English, current and earlier. */
export const BUILT_IN_TEMPLATES: Readonly<{ vi: readonly string[]; en: readonly string[] }> = Object.freeze({
  vi: [
    DEFAULT_VIETNAMESE_TEMPLATE,
    DEFAULT_RECALL_TEMPLATE,
    DEFAULT_BRIEF_TEMPLATE,
    DEFAULT_BRIEF_RECALL_TEMPLATE,
    ...EARLIER_DEFAULT_TEMPLATES.vi,
  ],
  en: [DEFAULT_ENGLISH_TEMPLATE, DEFAULT_ENGLISH_RECALL_TEMPLATE, ...EARLIER_DEFAULT_TEMPLATES.en],
});

const HIGHEST_TICKET_NUMBER = 9999;

const READING_VARIANTS: readonly VietnameseReadingOptions[] = [
  { zeroTens: 'linh', thousand: 'nghìn', fourAfterTens: 'tư' },
  { zeroTens: 'lẻ', thousand: 'ngàn', fourAfterTens: 'bốn' },
];

/**
 * The spoken clips for `templates` (phrases of every template given, Vietnamese and English)
 * and all number words and letter names, without duplicates, in a stable order.
 */
export function spokenClipInventory(templates: { vi: readonly string[]; en: readonly string[] }): SpokenClip[] {
  const clips = new Map<ClipId, SpokenClip>();
  const add = (language: ClipLanguage, text: string): void => {
    const id = clipId(language, text);
    if (!clips.has(id)) clips.set(id, { id, language, text: id.slice(language.length + 1) });
  };
  for (const [language, list] of [
    ['vi', templates.vi],
    ['en', templates.en],
  ] as const) {
    for (const template of list) {
      for (const part of parseTemplate(template)) if (part.kind === 'phrase' && part.spoken !== '') add(language, part.spoken);
    }
  }
  for (let value = 0; value <= HIGHEST_TICKET_NUMBER; value += 1) {
    for (const variant of READING_VARIANTS) for (const word of readVietnameseNumber(value, variant)) add('vi', word);
  }
  for (let value = 0; value < 1000; value += 1) for (const word of readEnglishNumber(value, 'cardinal')) add('en', word);
  add('en', 'thousand');
  for (const letter of PREFIX_LETTERS) {
    for (const dialect of DIALECTS) add('vi', vietnameseLetterName(letter, dialect));
    add('en', englishLetterName(letter));
  }
  return [...clips.values()];
}
