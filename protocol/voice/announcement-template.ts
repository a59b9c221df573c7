/**
 * Announcement sentence templates such as "Mời công dân có số thứ tự {number} đến quầy số {counter}".
 *
 * A template is cut once into fixed phrases and slots. Each fixed phrase is played as one clip
 * (a whole phrase sounds far more natural than word clips strung together), so a centre that
 * changes a template must regenerate clips for its phrases (see `scripts/generate-voice-clips.ts`).
 */
import { spokenText } from './clip-id.ts';

/** The values a template can name. */
export type TemplateSlot = 'number' | 'counter';

/** One piece of a parsed template. `text` is the phrase as written, `spoken` its clip text. */
export type TemplatePart = { kind: 'phrase'; text: string; spoken: string } | { kind: 'slot'; slot: TemplateSlot };

/**
 * The built-in Vietnamese sentence. Shorter than the "Mời công dân có số thứ tự …" of docs
 * `ux.md`: at a provincial centre's peak every second of a call is a second of backlog (issue 18).
 */
export const DEFAULT_VIETNAMESE_TEMPLATE = 'Mời công dân số {number} đến quầy số {counter}';

/** The built-in recall: it opens with other words, so the lobby hears at once that this is a second call. */
export const DEFAULT_RECALL_TEMPLATE = 'Nhắc lại, mời công dân số {number} đến quầy số {counter}';

/** The short sentence while announcements queue up. */
export const DEFAULT_BRIEF_TEMPLATE = 'Số {number}, quầy {counter}';

/** The short sentence of a recall. */
export const DEFAULT_BRIEF_RECALL_TEMPLATE = 'Nhắc lại số {number}, quầy {counter}';

/** The built-in English sentence. */
export const DEFAULT_ENGLISH_TEMPLATE = 'Ticket {number}, please go to counter {counter}';

/** The built-in English recall. */
export const DEFAULT_ENGLISH_RECALL_TEMPLATE = 'Calling again: ticket {number}, please go to counter {counter}';

/**
 * Earlier built-in sentences. A centre may have saved one explicitly, so the generated voices
 * keep their clips and such a centre's boards go on speaking it.
 */
export const EARLIER_DEFAULT_TEMPLATES: Readonly<{ vi: readonly string[]; en: readonly string[] }> = Object.freeze({
  vi: ['Mời công dân có số thứ tự {number} đến quầy số {counter}'],
  en: ['Ticket number {number}, please go to counter {counter}'],
});

const SLOT_PATTERN = /\{([^{}]*)\}/gu;

/**
 * Cuts a template into phrases and slots.
 * @throws Error naming the template when it has an unknown slot, or a phrase with no words.
 */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  const pushPhrase = (raw: string): void => {
    const text = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
    if (text === '') return;
    const spoken = spokenText(text);
    // Punctuation alone (the "," in "{number}, {counter}") is kept in the text but has no clip.
    parts.push({ kind: 'phrase', text, spoken });
  };
  for (const match of template.matchAll(SLOT_PATTERN)) {
    pushPhrase(template.slice(cursor, match.index));
    const name = match[1]?.trim();
    if (name !== 'number' && name !== 'counter') {
      throw new Error(`unknown slot "{${match[1] ?? ''}}" in template "${template}"`);
    }
    parts.push({ kind: 'slot', slot: name });
    cursor = match.index + match[0].length;
  }
  pushPhrase(template.slice(cursor));
  if (!parts.some((part) => part.kind === 'slot' && part.slot === 'number')) {
    throw new Error(`template "${template}" never says the ticket {number}`);
  }
  return parts;
}

/** Joins spoken pieces into a sentence, attaching punctuation to the word before it. */
export function joinSentence(pieces: readonly string[]): string {
  return pieces
    .filter((piece) => piece !== '')
    .join(' ')
    .replace(/\s+([,.;:!?])/gu, '$1')
    .normalize('NFC');
}
