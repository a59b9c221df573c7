/**
 * The clips a centre's announcer must record: exactly what its announcements can say, found
 * from the settings (sentences, dialect words, English on or off) and the numbers in use (each
 * service's prefix and number range, the counters), so nothing needless is asked for and
 * nothing needed is forgotten (issue 18).
 */
import { parseTemplate } from './announcement-template.ts';
import { clipId, type ClipId, type ClipLanguage } from './clip-id.ts';
import { readEnglishNumber } from './english-number.ts';
import { englishLetterName, vietnameseLetterName } from './letter-names.ts';
import { digitWord, readVietnameseNumber } from './vietnamese-number.ts';
import type { VoiceConfig } from './voice-config.ts';

/** The ticket numbers and counters a centre announces. */
export interface NumbersInUse {
  /** Each service's prefix letters and number range. */
  tickets: ReadonlyArray<{ prefix: string; from: number; to: number }>;
  counters: readonly number[];
}

/** What kind of clip a recording is, for grouping on the recording page. */
export type RecordingGroup = 'phrase' | 'letter' | 'number';

/** One clip to record. */
export interface ClipToRecord {
  id: ClipId;
  language: ClipLanguage;
  /** What the announcer says, e.g. "Mời công dân số", "mươi", "e-lờ". */
  text: string;
  group: RecordingGroup;
}

/** The template fields of each language that announcements use with these settings. */
export function templatesInUse(settings: VoiceConfig): Array<{ field: TemplateField; language: ClipLanguage; template: string }> {
  const vi = (['template', 'recallTemplate', 'briefTemplate', 'briefRecallTemplate'] as const).map((field) => ({
    field,
    language: 'vi' as const,
    template: settings[field],
  }));
  const en = (['englishTemplate', 'englishRecallTemplate'] as const).map((field) => ({
    field,
    language: 'en' as const,
    template: settings[field],
  }));
  return settings.english ? [...vi, ...en] : vi;
}

/** A settings field that holds a sentence. */
export type TemplateField =
  | 'template'
  | 'recallTemplate'
  | 'briefTemplate'
  | 'briefRecallTemplate'
  | 'englishTemplate'
  | 'englishRecallTemplate';

/** The phrase clips of one template, in order. */
export function phraseClips(language: ClipLanguage, template: string): ClipId[] {
  return parseTemplate(template).flatMap((part) => (part.kind === 'phrase' && part.spoken !== '' ? [clipId(language, part.spoken)] : []));
}

/** Every clip to record for `settings` and `inUse`: phrases first, then letters, then number words in counting order. */
export function recordingList(settings: VoiceConfig, inUse: NumbersInUse): ClipToRecord[] {
  const list = new Map<ClipId, ClipToRecord>();
  const add = (language: ClipLanguage, text: string, group: RecordingGroup): void => {
    const id = clipId(language, text);
    if (!list.has(id)) list.set(id, { id, language, text: id.slice(language.length + 1), group });
  };
  for (const { language, template } of templatesInUse(settings)) {
    for (const id of phraseClips(language, template)) add(language, id.slice(language.length + 1), 'phrase');
  }
  const letters = [...new Set(inUse.tickets.flatMap((range) => [...range.prefix.toUpperCase()]))].sort();
  for (const letter of letters) add('vi', vietnameseLetterName(letter, settings.dialect), 'letter');
  if (settings.english) for (const letter of letters) add('en', englishLetterName(letter), 'letter');

  const numbers = new Set<number>(inUse.counters);
  for (const range of mergedRanges(inUse.tickets)) for (let n = range.from; n <= range.to; n += 1) numbers.add(n);
  const counting = [...numbers].sort((a, b) => a - b);
  for (const n of counting) for (const word of readVietnameseNumber(n, settings)) add('vi', word, 'number');
  // The brief announcement reads tickets digit by digit.
  for (const range of mergedRanges(inUse.tickets))
    for (let n = range.from; n <= range.to; n += 1) for (const d of String(n)) add('vi', digitWord(Number(d)), 'number');
  if (settings.english) {
    const ticketDigits = new Set<number>();
    for (const range of mergedRanges(inUse.tickets))
      for (let n = range.from; n <= range.to; n += 1) for (const d of String(n)) ticketDigits.add(Number(d));
    const englishWords = [
      ...[...ticketDigits].sort().flatMap((d) => readEnglishNumber(d, 'digits')),
      ...inUse.counters.flatMap((c) => readEnglishNumber(c, 'cardinal')),
    ];
    for (const word of englishWords) add('en', word, 'number');
  }
  return [...list.values()].sort((a, b) => GROUP_ORDER[a.group] - GROUP_ORDER[b.group]);
}

const GROUP_ORDER: Readonly<Record<RecordingGroup, number>> = { phrase: 0, letter: 1, number: 2 };

/** Ranges merged where they overlap, so a number shared by two services is read once. */
function mergedRanges(ranges: NumbersInUse['tickets']): Array<{ from: number; to: number }> {
  const sorted = ranges.map(({ from, to }) => ({ from, to })).sort((a, b) => a.from - b.from);
  const merged: Array<{ from: number; to: number }> = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push(range);
  }
  return merged;
}

/** The clips of `list` that `has` lacks, per language. */
export function missingRecordings(list: readonly ClipToRecord[], has: (id: ClipId) => boolean): Record<ClipLanguage, ClipToRecord[]> {
  const missing = list.filter((clip) => !has(clip.id));
  return { vi: missing.filter((clip) => clip.language === 'vi'), en: missing.filter((clip) => clip.language === 'en') };
}
