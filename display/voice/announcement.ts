/**
 * Turns one call ("ticket A1023 to counter 3") into what is played and shown: the clip ids in
 * order (chime, then phrase and word clips) and the spoken text.
 *
 * An announcement is built once, when the call arrives, and never rebuilt: the queue plays
 * exactly this value later, so a newer call can never leak into an older announcement.
 */
import { CHIME_CLIP, clipId, type ClipId, type ClipLanguage } from '../../protocol/voice/clip-id.ts';
import { joinSentence, parseTemplate, type TemplateSlot } from '../../protocol/voice/announcement-template.ts';
import { readLabelEnglish, readLabelVietnamese } from './ticket-reading.ts';
import type { VoiceConfig } from '../../protocol/voice/voice-config.ts';

/** The call being announced, as shown on the board. */
export interface CallToAnnounce {
  /** Ticket label, e.g. "A1023" or "B-05". */
  ticket: string;
  /** Counter label, e.g. 3 or "12". */
  counter: string | number;
}

/** One sentence in one language. */
export interface SpokenSentence {
  language: ClipLanguage;
  /** Clip ids for this sentence, without the chime. */
  clipIds: readonly ClipId[];
  /** The sentence with numbers in words, e.g. "Mời công dân có số thứ tự a một nghìn … đến quầy số ba". */
  text: string;
  /** The sentence with labels as printed, e.g. "Mời công dân có số thứ tự A1023 đến quầy số 3", for captions. */
  caption: string;
}

/** Everything needed to play and show one call. */
export interface Announcement {
  call: Readonly<CallToAnnounce>;
  /** Whether the chime opens the announcement. */
  chime: boolean;
  /** Vietnamese first, then English when enabled. */
  sentences: readonly SpokenSentence[];
  /** Every clip in play order: chime (when enabled), then each sentence. */
  clipIds: readonly ClipId[];
  /** All sentences' text, joined. */
  text: string;
}

/** The settings {@link buildAnnouncement} reads. */
export type AnnouncementSettings = Pick<
  VoiceConfig,
  'zeroTens' | 'thousand' | 'fourAfterTens' | 'template' | 'english' | 'englishTemplate' | 'chime'
>;

/**
 * Builds the announcement for `call`.
 * @throws RangeError when a label holds characters that cannot be read aloud.
 */
export function buildAnnouncement(call: CallToAnnounce, settings: AnnouncementSettings): Announcement {
  const counter = String(call.counter);
  const vietnamese = buildSentence('vi', settings.template, call.ticket, counter, (label) => readLabelVietnamese(label, settings));
  const sentences = [vietnamese];
  if (settings.english) {
    sentences.push(
      buildSentence('en', settings.englishTemplate, call.ticket, counter, (label, slot) =>
        readLabelEnglish(label, slot === 'number' ? 'digits' : 'cardinal'),
      ),
    );
  }
  const clipIds = [...(settings.chime ? [CHIME_CLIP] : []), ...sentences.flatMap((sentence) => sentence.clipIds)];
  return Object.freeze({
    call: Object.freeze({ ticket: call.ticket, counter: call.counter }),
    chime: settings.chime,
    sentences: Object.freeze(sentences),
    clipIds: Object.freeze(clipIds),
    text: sentences.map((sentence) => sentence.text).join(' '),
  });
}

function buildSentence(
  language: ClipLanguage,
  template: string,
  ticket: string,
  counter: string,
  read: (label: string, slot: TemplateSlot) => string[],
): SpokenSentence {
  const clipIds: ClipId[] = [];
  const spoken: string[] = [];
  const printed: string[] = [];
  for (const part of parseTemplate(template)) {
    if (part.kind === 'phrase') {
      if (part.spoken !== '') clipIds.push(clipId(language, part.spoken));
      spoken.push(part.text);
      printed.push(part.text);
      continue;
    }
    const label = part.slot === 'number' ? ticket : counter;
    const words = read(label, part.slot);
    clipIds.push(...words.map((word) => clipId(language, word)));
    spoken.push(words.join(' '));
    printed.push(label);
  }
  return Object.freeze({
    language,
    clipIds: Object.freeze(clipIds),
    text: joinSentence(spoken),
    caption: joinSentence(printed),
  });
}
