/**
 * Which clip set says each sentence. A board may hold several: the centre's recorded voice
 * pack (once complete) and the generated voices. A sentence is always said by one of them
 * whole, never a word from one and a word from another (issue 18: no mixed voices in a
 * sentence), so the choice is per sentence: the first source, in order of preference, that has
 * every clip the sentence needs.
 */
import type { SentenceStep, SpokenSentence } from './announcement.ts';
import type { ClipSource } from '../../protocol/voice/clip-source.ts';
import type { ClipSourceId, PlayStep } from './audio-sink.ts';
import type { ClipId, ClipLanguage } from '../../protocol/voice/clip-id.ts';

/** The sources for each language, most preferred first, and where the chime comes from. */
export interface Voicing {
  vi: readonly ClipSource[];
  en: readonly ClipSource[];
  chime: ClipSource | null;
}

/** The clips of `sentence` that `source` lacks, each once. */
export function missingClipsIn(source: ClipSource, sentence: SpokenSentence): ClipId[] {
  return [...new Set(sentence.clipIds.filter((id) => !source.has(id)))];
}

/** `steps` with every clip taken from `source`. */
export function fromSource(steps: readonly SentenceStep[], source: ClipSourceId): PlayStep[] {
  return steps.map((step) => (step.kind === 'clip' ? { ...step, source } : step));
}

/** The sentence voiced by its first complete source, or `null` when no source has every clip. */
export function voiceSentence(sentence: SpokenSentence, voicing: Voicing): { source: ClipSourceId; steps: PlayStep[] } | null {
  const source = sourcesFor(voicing, sentence.language).find((candidate) => missingClipsIn(candidate, sentence).length === 0);
  return source ? { source: source.id, steps: fromSource(sentence.steps, source.id) } : null;
}

/** The sources that may say `language`. */
export function sourcesFor(voicing: Voicing, language: ClipLanguage): readonly ClipSource[] {
  return language === 'vi' ? voicing.vi : voicing.en;
}

/** `voicing` without the sources in `excluded` (ones that failed to play on this board). */
export function withoutSources(voicing: Voicing, excluded: ReadonlySet<ClipSourceId>): Voicing {
  const keep = (source: ClipSource) => !excluded.has(source.id);
  return {
    vi: voicing.vi.filter(keep),
    en: voicing.en.filter(keep),
    chime: voicing.chime && keep(voicing.chime) ? voicing.chime : null,
  };
}
