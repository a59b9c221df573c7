import { describe, expect, it } from 'vitest';
import { buildAnnouncement } from '../../../display/voice/announcement.ts';
import { parseTemplate } from '../../../protocol/voice/announcement-template.ts';
import { DEFAULT_VOICE_CONFIG, parseVoiceConfig } from '../../../protocol/voice/voice-config.ts';

describe('announcement sentences', () => {
  it('builds the default Vietnamese sentence: chime, phrase clips and word clips', () => {
    const announcement = buildAnnouncement({ ticket: 'A1023', counter: 3 }, DEFAULT_VOICE_CONFIG);
    expect(announcement.clipIds).toEqual([
      'chime',
      'vi:Mời công dân có số thứ tự',
      'vi:a',
      'vi:một',
      'vi:nghìn',
      'vi:không',
      'vi:trăm',
      'vi:hai',
      'vi:mươi',
      'vi:ba',
      'vi:đến quầy số',
      'vi:ba',
    ]);
    expect(announcement.text).toBe('Mời công dân có số thứ tự a một nghìn không trăm hai mươi ba đến quầy số ba');
    expect(announcement.sentences[0]?.caption).toBe('Mời công dân có số thứ tự A1023 đến quầy số 3');
  });

  it('adds the English sentence after the Vietnamese one when enabled', () => {
    const announcement = buildAnnouncement({ ticket: '1023', counter: '12' }, { ...DEFAULT_VOICE_CONFIG, english: true });
    const english = announcement.sentences[1];
    expect(english?.text).toBe('Ticket number one zero two three, please go to counter twelve');
    expect(english?.caption).toBe('Ticket number 1023, please go to counter 12');
    expect(english?.clipIds).toEqual([
      'en:Ticket number',
      'en:one',
      'en:zero',
      'en:two',
      'en:three',
      'en:please go to counter',
      'en:twelve',
    ]);
    expect(announcement.clipIds.slice(-7)).toEqual(english?.clipIds);
  });

  it('leaves the chime out when disabled', () => {
    const announcement = buildAnnouncement({ ticket: '7', counter: 1 }, { ...DEFAULT_VOICE_CONFIG, chime: false });
    expect(announcement.clipIds[0]).toBe('vi:Mời công dân có số thứ tự');
  });

  it('follows a custom template and the reading options', () => {
    const announcement = buildAnnouncement(
      { ticket: 'B-105', counter: 24 },
      { ...DEFAULT_VOICE_CONFIG, template: 'Quầy {counter} mời số {number}', zeroTens: 'lẻ', fourAfterTens: 'bốn' },
    );
    expect(announcement.text).toBe('Quầy hai mươi bốn mời số bê một trăm lẻ năm');
    expect(announcement.clipIds.slice(0, 2)).toEqual(['chime', 'vi:Quầy']);
  });

  it('is frozen, so a later call cannot change it', () => {
    const announcement = buildAnnouncement({ ticket: 'A1', counter: 1 }, DEFAULT_VOICE_CONFIG);
    expect(Object.isFrozen(announcement) && Object.isFrozen(announcement.clipIds)).toBe(true);
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
  it('fills defaults for missing fields', () => {
    expect(parseVoiceConfig({ repeat: 2 })).toEqual({ ok: true, value: { ...DEFAULT_VOICE_CONFIG, repeat: 2 } });
  });

  it('rejects a bad template, volume or voice', () => {
    expect(parseVoiceConfig({ template: 'Mời {who}' }).ok).toBe(false);
    expect(parseVoiceConfig({ volume: 2 }).ok).toBe(false);
    expect(parseVoiceConfig({ voice: 'fr' }).ok).toBe(false);
  });
});
