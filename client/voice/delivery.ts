/**
 * How an announcement is said when its turn comes: in full, or shortened because others are
 * waiting (issue 18: at a provincial centre's peak the voice fell minutes behind the board),
 * and with which clips. Nothing is ever dropped: a backlog shortens announcements, and a
 * sentence that cannot be voiced is replaced by the built-in one, never by silence.
 */
import type { Announcement, SpokenSentence } from './announcement.ts';
import type { ClipSourceId, Playable, PlayStep } from './audio-sink.ts';
import { missingClipsIn, sourcesFor, voiceSentence, type Voicing } from './clip-choice.ts';
import { CHIME_CLIP, type ClipId, type ClipLanguage } from '../../protocol/voice/clip-id.ts';
import { PAUSE_AFTER_CHIME_MS, PAUSE_BETWEEN_SENTENCES_MS } from './pacing.ts';

/**
 * Calls in the last minute from which the board is busy: every announcement is brief, even one
 * that finds the queue empty, because at this pace the next calls are seconds away (one call
 * every 10 s or faster: a provincial centre's peak hour).
 */
export const BUSY_CALLS_PER_MINUTE = 6;
/** The chime opens a burst of calls: it is played only after this much quiet, in ms. */
export const CHIME_AFTER_QUIET_MS = 3000;

/** The queue as an announcement starts. */
export interface Backlog {
  /** Announcements queued behind this one. */
  waiting: number;
  /** Calls that arrived in the last minute, this one included. */
  lastMinute: number;
  /** Milliseconds since the previous announcement ended; `null` for the first one. */
  quietMs: number | null;
}

/** How one announcement is said. */
export interface Delivery {
  form: 'full' | 'brief';
  /** The English sentence, when the centre has one: only while the board is not busy. */
  english: boolean;
  chime: boolean;
  /** Passes of the sentence: the centre's repeat count while the board is not busy, else one. */
  repeat: number;
}

/**
 * Picks the delivery for the queue's state. In full (both sentences, repeated) only while nothing
 * waits and calls come slower than {@link BUSY_CALLS_PER_MINUTE}; otherwise the brief sentence,
 * once, in Vietnamese.
 */
export function chooseDelivery(backlog: Backlog, settings: { chime: boolean; repeat: number }): Delivery {
  const quiet = backlog.waiting === 0 && backlog.lastMinute < BUSY_CALLS_PER_MINUTE;
  return {
    form: quiet ? 'full' : 'brief',
    english: quiet,
    chime: settings.chime && (backlog.quietMs === null || backlog.quietMs >= CHIME_AFTER_QUIET_MS),
    repeat: quiet ? settings.repeat : 1,
  };
}

/** Something a board had to work around; reported to the admin's health page (codes under `voice:problem.`). */
export type VoiceProblem =
  /** The preferred clip set lacks clips for a sentence; another voice said it. */
  | { code: 'voice:problem.substituted'; language: ClipLanguage; source: ClipSourceId; clipIds: ClipId[] }
  /** No clip set could say the centre's sentence: the built-in sentence was said instead. */
  | { code: 'voice:problem.fallback_sentence'; language: ClipLanguage; clipIds: ClipId[] }
  /** Not even the built-in sentence could be said: only the chime was played. */
  | { code: 'voice:problem.chime_only'; clipIds: ClipId[] };

/** The passes to play and what had to be worked around. */
export interface PlannedAnnouncement {
  passes: Playable[];
  problems: VoiceProblem[];
}

/** Voices `announcement` for `delivery` with the clip sets of `voicing`. */
export function planAnnouncement(announcement: Announcement, delivery: Delivery, voicing: Voicing): PlannedAnnouncement {
  const problems: VoiceProblem[] = [];
  const wanted = delivery.form === 'brief' ? announcement.brief : announcement.full.filter((s) => s.language === 'vi' || delivery.english);
  const said: Array<{ sentence: SpokenSentence; steps: PlayStep[] }> = [];
  for (const sentence of wanted) {
    const preferred = sourcesFor(voicing, sentence.language)[0];
    const voiced = voiceSentence(sentence, voicing);
    if (preferred && voiced && voiced.source !== preferred.id) {
      problems.push({
        code: 'voice:problem.substituted',
        language: sentence.language,
        source: preferred.id,
        clipIds: missingClipsIn(preferred, sentence),
      });
    }
    if (voiced) {
      said.push({ sentence, steps: voiced.steps });
      continue;
    }
    problems.push({
      code: 'voice:problem.fallback_sentence',
      language: sentence.language,
      clipIds: preferred ? missingClipsIn(preferred, sentence) : [...sentence.clipIds],
    });
    // An English sentence that cannot be said is left out; the Vietnamese one always has a stand-in.
    if (sentence.language !== 'vi' || said.some((s) => s.sentence === announcement.fallback)) continue;
    const fallback = voiceSentence(announcement.fallback, voicing);
    if (fallback) said.unshift({ sentence: announcement.fallback, steps: fallback.steps });
  }
  if (!said.some((s) => s.sentence.language === 'vi')) {
    problems.push({ code: 'voice:problem.chime_only', clipIds: [...announcement.fallback.clipIds] });
  }
  const body = said.flatMap(({ steps }, i) => (i === 0 ? steps : [{ kind: 'pause', ms: PAUSE_BETWEEN_SENTENCES_MS } as const, ...steps]));
  const sentences = said.map((s) => s.sentence);
  const chime: PlayStep[] =
    voicing.chime && (delivery.chime || said.length === 0)
      ? [
          { kind: 'clip', clipId: CHIME_CLIP, source: voicing.chime.id },
          ...(body.length ? [{ kind: 'pause', ms: PAUSE_AFTER_CHIME_MS } as const] : []),
        ]
      : [];
  const passes: Playable[] = [{ steps: [...chime, ...body], sentences }];
  for (let pass = 1; pass < delivery.repeat && body.length > 0; pass += 1) passes.push({ steps: body, sentences });
  return { passes: passes.filter((pass) => pass.steps.length > 0), problems };
}
