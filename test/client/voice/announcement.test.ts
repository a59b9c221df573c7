import { describe, expect, it } from 'vitest';
import { buildAnnouncement, type SentenceStep } from '../../../client/voice/announcement.ts';
import { parseTemplate } from '../../../protocol/voice/announcement-template.ts';
import { DEFAULT_VOICE_CONFIG, parseVoiceConfig } from '../../../protocol/voice/voice-config.ts';

/** Steps as short text: clip ids bare, pauses as "· 300". */
const script = (steps: readonly SentenceStep[]): string[] => steps.map((step) => (step.kind === 'clip' ? step.clipId : `· ${step.ms}`));

describe('announcement sentences', () => {
  it('says the default sentence with a short pause before the number and 300 ms after it', () => {
    const announcement = buildAnnouncement({ ticket: 'A1023', counter: 3 }, DEFAULT_VOICE_CONFIG);
    expect(script(announcement.full[0]!.steps)).toEqual([
      'vi:Mời công dân số',
      '· 100',
      'vi:a',
      '· 80',
      'vi:một',
      'vi:nghìn',
      'vi:không',
      'vi:trăm',
      'vi:hai',
      'vi:mươi',
      'vi:ba',
      '· 300',
      'vi:đến quầy số',
      '· 100',
      'vi:ba',
    ]);
    expect(announcement.full[0]?.text).toBe('Mời công dân số a một nghìn không trăm hai mươi ba đến quầy số ba');
    expect(announcement.full[0]?.caption).toBe('Mời công dân số A1023 đến quầy số 3');
    expect(announcement.chime).toBe(true);
  });

  it('words a recall apart from the first call, in both forms', () => {
    const first = buildAnnouncement({ ticket: '15', counter: 2 }, DEFAULT_VOICE_CONFIG);
    const recall = buildAnnouncement({ ticket: '15', counter: 2, recall: true }, DEFAULT_VOICE_CONFIG);
    expect(recall.full[0]?.caption).toBe('Nhắc lại, mời công dân số 15 đến quầy số 2');
    expect(recall.brief[0]?.caption).toBe('Nhắc lại số 15, quầy 2');
    expect(recall.full[0]?.clipIds[0]).not.toBe(first.full[0]?.clipIds[0]);
    expect(recall.brief[0]?.clipIds[0]).not.toBe(first.brief[0]?.clipIds[0]);
    expect(recall.call.recall).toBe(true);
  });

  it('has a brief form that reads the ticket digit by digit', () => {
    const announcement = buildAnnouncement({ ticket: 'B-1005', counter: 12 }, DEFAULT_VOICE_CONFIG);
    expect(announcement.brief.map((s) => s.caption)).toEqual(['Số B-1005, quầy 12']);
    expect(script(announcement.brief[0]!.steps)).toEqual([
      'vi:Số',
      '· 100',
      'vi:bê',
      '· 80',
      'vi:một',
      'vi:không',
      'vi:không',
      'vi:năm',
      '· 300',
      'vi:quầy',
      '· 100',
      'vi:mười',
      'vi:hai',
    ]);
    expect(announcement.brief[0]!.clipIds.length).toBeLessThan(announcement.full[0]!.clipIds.length);
  });

  it('adds the English sentence after the Vietnamese one when enabled', () => {
    const announcement = buildAnnouncement({ ticket: '1023', counter: '12' }, { ...DEFAULT_VOICE_CONFIG, english: true });
    const english = announcement.full[1];
    expect(english?.text).toBe('Ticket one zero two three, please go to counter twelve');
    expect(script(english!.steps)).toEqual([
      'en:Ticket',
      '· 100',
      'en:one',
      'en:zero',
      'en:two',
      'en:three',
      '· 300',
      'en:please go to counter',
      '· 100',
      'en:twelve',
    ]);
    const recall = buildAnnouncement({ ticket: '7', counter: 1, recall: true }, { ...DEFAULT_VOICE_CONFIG, english: true });
    expect(recall.full[1]?.caption).toBe('Calling again: ticket 7, please go to counter 1');
  });

  it('keeps the built-in sentence, in the centre’s words, as the fallback', () => {
    const south = parseVoiceConfig({ dialect: 'south', template: 'Quầy {counter} mời số {number}' });
    if (!south.ok) throw new Error(south.issues.join('; '));
    const announcement = buildAnnouncement({ ticket: 'V2005', counter: 24 }, south.value);
    expect(announcement.full[0]?.text).toBe('Quầy hai mươi bốn mời số vờ hai ngàn không trăm lẻ năm');
    expect(announcement.fallback.text).toBe('Mời công dân số vờ hai ngàn không trăm lẻ năm đến quầy số hai mươi bốn');
  });

  it('pauses between the digit runs of a label, and after the number only when more follows', () => {
    const announcement = buildAnnouncement({ ticket: '12-34', counter: 1 }, { ...DEFAULT_VOICE_CONFIG, template: 'Số {number}.' });
    expect(script(announcement.full[0]!.steps)).toEqual(['vi:Số', '· 100', 'vi:mười', 'vi:hai', '· 80', 'vi:ba', 'vi:mươi', 'vi:tư']);
  });

  it('is frozen, so a later call cannot change it', () => {
    const announcement = buildAnnouncement({ ticket: 'A1', counter: 1 }, DEFAULT_VOICE_CONFIG);
    expect(Object.isFrozen(announcement) && Object.isFrozen(announcement.full) && Object.isFrozen(announcement.full[0]?.steps)).toBe(true);
  });

  it('throws on a label it cannot read', () => {
    expect(() => buildAnnouncement({ ticket: 'A?1', counter: 1 }, DEFAULT_VOICE_CONFIG)).toThrow(RangeError);
  });
});

describe('templates', () => {
  it('cuts a template into phrases and slots, keeping punctuation out of clip text', () => {
    expect(parseTemplate('Ticket  {number}, counter {counter}.')).toEqual([
      { kind: 'phrase', text: 'Ticket', spoken: 'Ticket' },
      { kind: 'slot', slot: 'number' },
      { kind: 'phrase', text: ', counter', spoken: 'counter' },
      { kind: 'slot', slot: 'counter' },
      { kind: 'phrase', text: '.', spoken: '' },
    ]);
  });

  it('rejects an unknown slot and a template without the number', () => {
    expect(() => parseTemplate('Số {ticket}')).toThrow(/unknown slot/u);
    expect(() => parseTemplate('Quầy {counter}')).toThrow(/never says/u);
  });
});

describe('voice settings', () => {
  it('fills defaults for missing fields: the northern preset', () => {
    expect(parseVoiceConfig({ repeat: 2 })).toEqual({ ok: true, value: { ...DEFAULT_VOICE_CONFIG, repeat: 2 } });
    expect(DEFAULT_VOICE_CONFIG).toMatchObject({ dialect: 'north', voice: 'vi', zeroTens: 'linh', thousand: 'nghìn', fourAfterTens: 'tư' });
  });

  it('sets the voice and the words of a dialect preset', () => {
    const of = (input: unknown) => {
      const parsed = parseVoiceConfig(input);
      if (!parsed.ok) throw new Error(parsed.issues.join('; '));
      const { dialect, voice, zeroTens, thousand, fourAfterTens } = parsed.value;
      return { dialect, voice, zeroTens, thousand, fourAfterTens };
    };
    expect(of({ dialect: 'south' })).toEqual({
      dialect: 'south',
      voice: 'vi-vn-x-south',
      zeroTens: 'lẻ',
      thousand: 'ngàn',
      fourAfterTens: 'bốn',
    });
    expect(of({ dialect: 'central' })).toEqual({
      dialect: 'central',
      voice: 'vi-vn-x-central',
      zeroTens: 'lẻ',
      thousand: 'ngàn',
      fourAfterTens: 'tư',
    });
    // Settings saved before presets named only the voice: the southern voice now says southern words.
    expect(of({ voice: 'vi-vn-x-south' })).toMatchObject({ dialect: 'south', zeroTens: 'lẻ', thousand: 'ngàn' });
    // A word the centre set itself is kept.
    expect(of({ dialect: 'south', thousand: 'nghìn' })).toMatchObject({ thousand: 'nghìn', zeroTens: 'lẻ' });
  });

  it('rejects a bad template, volume, voice or dialect', () => {
    expect(parseVoiceConfig({ template: 'Mời {who}' }).ok).toBe(false);
    expect(parseVoiceConfig({ recallTemplate: 'Mời lại quầy {counter}' }).ok).toBe(false);
    expect(parseVoiceConfig({ volume: 2 }).ok).toBe(false);
    expect(parseVoiceConfig({ voice: 'fr' }).ok).toBe(false);
    expect(parseVoiceConfig({ dialect: 'west' }).ok).toBe(false);
  });
});
