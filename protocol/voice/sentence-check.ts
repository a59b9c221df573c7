/**
 * Checks the centre's sentences against the clips that can say them, before they are saved
 * (issue 18: one edit with an unrecorded word silenced every board). A sentence passes when one
 * voice has every one of its phrases: the generated voice, or the recorded pack. Number words
 * and letter names need no check here: every generated voice has all of them, and a recorded
 * pack is only used once it is complete.
 */
import type { ClipLanguage } from './clip-id.ts';
import { phraseClips, templatesInUse, type TemplateField } from './recording-list.ts';
import type { VoiceConfig } from './voice-config.ts';
import type { ClipSource } from './clip-source.ts';

/** A sentence that no voice can say whole. */
export interface SentenceGap {
  field: TemplateField;
  language: ClipLanguage;
  template: string;
  /** The voice closest to saying it, and the phrases it lacks ("Xin mời số", "tới bàn"). */
  voice: string;
  missing: string[];
}

/** The sentences of `settings` that none of `voices` can say, with what is missing in the closest voice. */
export function sentenceGaps(settings: VoiceConfig, voices: readonly [ClipSource, ...ClipSource[]]): SentenceGap[] {
  const gaps: SentenceGap[] = [];
  for (const { field, language, template } of templatesInUse(settings)) {
    const phrases = phraseClips(language, template);
    const lacking = voices.map((voice) => ({ voice: voice.id, missing: phrases.filter((id) => !voice.has(id)) }));
    if (lacking.some((entry) => entry.missing.length === 0)) continue;
    const closest = lacking.reduce((best, entry) => (entry.missing.length < best.missing.length ? entry : best), lacking[0]!);
    gaps.push({
      field,
      language,
      template,
      voice: closest.voice,
      missing: [...new Set(closest.missing)].map((id) => id.slice(language.length + 1)),
    });
  }
  return gaps;
}
