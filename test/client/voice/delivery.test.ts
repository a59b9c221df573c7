import { describe, expect, it } from 'vitest';
import { buildAnnouncement } from '../../../client/voice/announcement.ts';
import { clipsOf, type PlayStep } from '../../../client/voice/audio-sink.ts';
import { voiceSentence, withoutSources, type Voicing } from '../../../client/voice/clip-choice.ts';
import {
  BUSY_CALLS_PER_MINUTE,
  CHIME_AFTER_QUIET_MS,
  chooseDelivery,
  planAnnouncement,
  type Delivery,
} from '../../../client/voice/delivery.ts';
import { DEFAULT_VOICE_CONFIG } from '../../../protocol/voice/voice-config.ts';
import type { ClipSource } from '../../../protocol/voice/clip-source.ts';

const source = (id: string, has: (clip: string) => boolean = () => true): ClipSource => ({ id, has });
const generated = source('vi');
const voicing = (recorded?: ClipSource): Voicing => ({
  vi: [...(recorded ? [recorded] : []), generated],
  en: [generated],
  chime: generated,
});
const full: Delivery = { form: 'full', english: true, chime: true, repeat: 1 };
const sourcesOf = (steps: readonly PlayStep[]) => [
  ...new Set(steps.flatMap((s) => (s.kind === 'clip' && s.clipId !== 'chime' ? [s.source] : []))),
];

describe('delivery under backlog', () => {
  const settings = { chime: true, repeat: 2 };
  const quiet = { waiting: 0, lastMinute: 1, quietMs: null };

  it('says everything while nothing waits and calls come slowly', () => {
    expect(chooseDelivery(quiet, settings)).toEqual({ form: 'full', english: true, chime: true, repeat: 2 });
  });

  it('goes brief, once and in Vietnamese only, as soon as one waits', () => {
    expect(chooseDelivery({ ...quiet, waiting: 1, quietMs: 60_000 }, settings)).toEqual({
      form: 'brief',
      english: false,
      chime: true,
      repeat: 1,
    });
  });

  it('stays brief through a busy spell, even when the queue is empty for a moment', () => {
    expect(chooseDelivery({ ...quiet, lastMinute: BUSY_CALLS_PER_MINUTE }, settings).form).toBe('brief');
    expect(chooseDelivery({ ...quiet, lastMinute: BUSY_CALLS_PER_MINUTE - 1 }, settings).form).toBe('full');
  });

  it('plays the chime only after a quiet spell, and never when the centre turned it off', () => {
    expect(chooseDelivery({ ...quiet, quietMs: CHIME_AFTER_QUIET_MS - 1 }, settings).chime).toBe(false);
    expect(chooseDelivery({ ...quiet, quietMs: CHIME_AFTER_QUIET_MS }, settings).chime).toBe(true);
    expect(chooseDelivery(quiet, { chime: false, repeat: 1 }).chime).toBe(false);
  });
});

describe('clip choice', () => {
  const announcement = buildAnnouncement({ ticket: '27', counter: 4 }, { ...DEFAULT_VOICE_CONFIG, english: true });

  it('takes a sentence whole from the first source that has all its clips', () => {
    const recorded = source('recorded', (id) => id !== 'vi:bảy');
    expect(voiceSentence(announcement.full[0]!, voicing(recorded))?.source).toBe('vi');
    const complete = source('recorded');
    expect(voiceSentence(announcement.full[0]!, voicing(complete))?.source).toBe('recorded');
    expect(voiceSentence(announcement.full[0]!, { vi: [recorded], en: [], chime: null })).toBeNull();
  });

  it('plans the chime, the Vietnamese and the English sentence with a pause between them', () => {
    const { passes, problems } = planAnnouncement(announcement, full, voicing(source('recorded')));
    expect(problems).toEqual([]);
    expect(passes).toHaveLength(1);
    const steps = passes[0]!.steps;
    expect(steps.slice(0, 2)).toEqual([
      { kind: 'clip', clipId: 'chime', source: 'vi' },
      { kind: 'pause', ms: 150 },
    ]);
    expect(steps).toContainEqual({ kind: 'pause', ms: 500 });
    expect(passes[0]!.sentences.map((s) => s.language)).toEqual(['vi', 'en']);
  });

  it('never mixes voices in a sentence: one missing recording sends the whole sentence to the generated voice', () => {
    const recorded = source('recorded', (id) => id !== 'vi:bảy');
    const { passes, problems } = planAnnouncement(announcement, { ...full, english: false }, voicing(recorded));
    expect(sourcesOf(passes[0]!.steps)).toEqual(['vi']);
    expect(problems).toEqual([{ code: 'voice:problem.substituted', language: 'vi', source: 'recorded', clipIds: ['vi:bảy'] }]);
  });

  it('falls back to the built-in sentence when no voice can say the centre’s, and says so', () => {
    const custom = buildAnnouncement(
      { ticket: '3', counter: 1 },
      { ...DEFAULT_VOICE_CONFIG, template: 'Xin mời số {number} tới bàn {counter}' },
    );
    const shipped = source('vi', (id) => !['vi:Xin mời số', 'vi:tới bàn'].includes(id));
    const { passes, problems } = planAnnouncement(custom, full, { vi: [shipped], en: [shipped], chime: shipped });
    expect(clipsOf(passes[0]!)).toEqual(['chime', 'vi:Mời công dân số', 'vi:ba', 'vi:đến quầy số', 'vi:một']);
    expect(problems).toEqual([{ code: 'voice:problem.fallback_sentence', language: 'vi', clipIds: ['vi:Xin mời số', 'vi:tới bàn'] }]);
  });

  it('at worst plays the chime alone, and reports it', () => {
    const nothing = source('vi', (id) => id === 'chime');
    const { passes, problems } = planAnnouncement(
      announcement,
      { ...full, chime: false },
      { vi: [nothing], en: [nothing], chime: nothing },
    );
    expect(passes.map(clipsOf)).toEqual([['chime']]);
    expect(problems.map((p) => p.code)).toEqual([
      'voice:problem.fallback_sentence',
      'voice:problem.fallback_sentence',
      'voice:problem.chime_only',
    ]);
  });

  it('leaves out the sources that failed to play on this board', () => {
    const both = voicing(source('recorded'));
    const { passes } = planAnnouncement(announcement, { ...full, english: false }, withoutSources(both, new Set(['recorded'])));
    expect(sourcesOf(passes[0]!.steps)).toEqual(['vi']);
  });

  it('repeats the sentences without the chime', () => {
    const { passes } = planAnnouncement(announcement, { ...full, english: false, repeat: 3 }, voicing());
    expect(passes.map((pass) => clipsOf(pass)[0])).toEqual(['chime', 'vi:Mời công dân số', 'vi:Mời công dân số']);
  });
});
