/**
 * Turns one call ("ticket A1023 to counter 3", or its recall) into what can be played: each
 * sentence as clips and pauses, in the full form, the brief form for a backlog, and the
 * built-in sentence a board falls back to when the centre's own cannot be played.
 *
 * An announcement is built once, when the call arrives, and never rebuilt: the queue plays
 * exactly this value later, so a newer call can never leak into an older announcement.
 */
import { clipId, type ClipId, type ClipLanguage } from '../../protocol/voice/clip-id.ts';
import { DEFAULT_VIETNAMESE_TEMPLATE, joinSentence, parseTemplate, type TemplateSlot } from '../../protocol/voice/announcement-template.ts';
import { PAUSE_AFTER_SLOT_MS, PAUSE_BEFORE_SLOT_MS, PAUSE_INSIDE_LABEL_MS } from './pacing.ts';
import { readLabelEnglishParts, readLabelVietnameseParts } from '../../protocol/voice/ticket-reading.ts';
import type { VoiceConfig } from '../../protocol/voice/voice-config.ts';

/** The call being announced, as shown on the board. */
export interface CallToAnnounce {
  /** Ticket label, e.g. "A1023" or "B-05". */
  ticket: string;
  /** Counter label, e.g. 3 or "12". */
  counter: string | number;
  /** A repeated call of the same ticket: said with the recall wording. Defaults to `false`. */
  recall?: boolean;
}

/** One step of a sentence: a clip, or a silence. */
export type SentenceStep = { kind: 'clip'; clipId: ClipId } | { kind: 'pause'; ms: number };

/** One sentence in one language. */
export interface SpokenSentence {
  language: ClipLanguage;
  /** Clips and the pauses between them, in order. */
  steps: readonly SentenceStep[];
  /** The clips of {@link steps}, in order. */
  clipIds: readonly ClipId[];
  /** The sentence with numbers in words, e.g. "Mời công dân số a một nghìn … đến quầy số ba". */
  text: string;
  /** The sentence with labels as printed, e.g. "Mời công dân số A1023 đến quầy số 3", for captions. */
  caption: string;
}

/** Everything needed to play one call. */
export interface Announcement {
  call: Readonly<Required<CallToAnnounce>>;
  /** Whether the centre wants the chime before announcements. */
  chime: boolean;
  /** The whole announcement: Vietnamese, then English when enabled. */
  full: readonly SpokenSentence[];
  /** The short form said while announcements queue up: one brief Vietnamese sentence. */
  brief: readonly SpokenSentence[];
  /** The built-in first-call sentence in the centre's words, for when its own sentence cannot be played. */
  fallback: SpokenSentence;
}

/** The settings {@link buildAnnouncement} reads. */
export type AnnouncementSettings = Pick<
  VoiceConfig,
  | 'dialect'
  | 'zeroTens'
  | 'thousand'
  | 'fourAfterTens'
  | 'template'
  | 'recallTemplate'
  | 'briefTemplate'
  | 'briefRecallTemplate'
  | 'english'
  | 'englishTemplate'
  | 'englishRecallTemplate'
  | 'chime'
>;

type Reader = (label: string, slot: TemplateSlot) => string[][];

/**
 * Builds the announcement for `call`.
 * @throws RangeError when a label holds characters that cannot be read aloud.
 */
export function buildAnnouncement(call: CallToAnnounce, settings: AnnouncementSettings): Announcement {
  const counter = String(call.counter);
  const recall = call.recall ?? false;
  const vietnamese: Reader = (label) => readLabelVietnameseParts(label, settings);
  // The brief form reads the ticket digit by digit: half the syllables of the number.
  const vietnameseBrief: Reader = (label, slot) => readLabelVietnameseParts(label, settings, slot === 'number' ? 'digits' : 'number');
  const english: Reader = (label, slot) => readLabelEnglishParts(label, slot === 'number' ? 'digits' : 'cardinal');
  const say = (language: ClipLanguage, template: string, read: Reader) => buildSentence(language, template, call.ticket, counter, read);
  const full = [say('vi', recall ? settings.recallTemplate : settings.template, vietnamese)];
  if (settings.english) full.push(say('en', recall ? settings.englishRecallTemplate : settings.englishTemplate, english));
  return Object.freeze({
    call: Object.freeze({ ticket: call.ticket, counter: call.counter, recall }),
    chime: settings.chime,
    full: Object.freeze(full),
    brief: Object.freeze([say('vi', recall ? settings.briefRecallTemplate : settings.briefTemplate, vietnameseBrief)]),
    fallback: say('vi', DEFAULT_VIETNAMESE_TEMPLATE, vietnamese),
  });
}

function buildSentence(language: ClipLanguage, template: string, ticket: string, counter: string, read: Reader): SpokenSentence {
  const steps: SentenceStep[] = [];
  const spoken: string[] = [];
  const printed: string[] = [];
  const parts = parseTemplate(template);
  parts.forEach((part, index) => {
    const next = parts[index + 1];
    if (part.kind === 'phrase') {
      spoken.push(part.text);
      printed.push(part.text);
      if (part.spoken === '') return;
      steps.push({ kind: 'clip', clipId: clipId(language, part.spoken) });
      if (next?.kind === 'slot') steps.push({ kind: 'pause', ms: PAUSE_BEFORE_SLOT_MS });
      return;
    }
    const label = part.slot === 'number' ? ticket : counter;
    const groups = read(label, part.slot);
    groups.forEach((words, group) => {
      if (group > 0) steps.push({ kind: 'pause', ms: PAUSE_INSIDE_LABEL_MS });
      for (const word of words) steps.push({ kind: 'clip', clipId: clipId(language, word) });
    });
    if (parts.slice(index + 1).some((later) => later.kind === 'slot' || later.spoken !== '')) {
      steps.push({ kind: 'pause', ms: PAUSE_AFTER_SLOT_MS });
    }
    spoken.push(groups.flat().join(' '));
    printed.push(label);
  });
  return Object.freeze({
    language,
    steps: Object.freeze(steps),
    clipIds: Object.freeze(steps.flatMap((step) => (step.kind === 'clip' ? [step.clipId] : []))),
    text: joinSentence(spoken),
    caption: joinSentence(printed),
  });
}
