import { describe, expect, it } from 'vitest';
import { missingRecordings, recordingList } from '../../../protocol/voice/recording-list.ts';
import { DEFAULT_VOICE_CONFIG, parseVoiceConfig, type VoiceConfig } from '../../../protocol/voice/voice-config.ts';

const south = (() => {
  const parsed = parseVoiceConfig({ dialect: 'south' });
  if (!parsed.ok) throw new Error(parsed.issues.join('; '));
  return parsed.value;
})();
const texts = (config: VoiceConfig, inUse: Parameters<typeof recordingList>[1], group?: string) =>
  recordingList(config, inUse)
    .filter((clip) => group === undefined || clip.group === group)
    .map((clip) => clip.id);

describe('clips to record', () => {
  const sample = { tickets: [{ prefix: '', from: 1001, to: 1999 }], counters: [1, 2, 3] };

  it('asks for the phrases of every sentence in use, then letters, then number words in counting order', () => {
    const list = recordingList(DEFAULT_VOICE_CONFIG, { tickets: [{ prefix: 'B', from: 1, to: 12 }], counters: [1] });
    expect(list.filter((c) => c.group === 'phrase').map((c) => c.text)).toEqual([
      'Mời công dân số',
      'đến quầy số',
      'Nhắc lại, mời công dân số',
      'Số',
      'quầy',
      'Nhắc lại số',
    ]);
    expect(list.filter((c) => c.group === 'letter').map((c) => c.text)).toEqual(['bê']);
    expect(list.filter((c) => c.group === 'number').map((c) => c.text)).toEqual([
      'một',
      'hai',
      'ba',
      'bốn',
      'năm',
      'sáu',
      'bảy',
      'tám',
      'chín',
      'mười',
      // The brief sentence reads 10, 11, 12 digit by digit.
      'không',
    ]);
    expect(list.map((c) => c.group)).toEqual([...Array(6).fill('phrase'), 'letter', ...Array(11).fill('number')]);
  });

  it('follows the numbers in use: a centre numbering from 1001 needs "nghìn", one up to 999 does not', () => {
    expect(texts(DEFAULT_VOICE_CONFIG, sample, 'number')).toEqual(
      expect.arrayContaining(['vi:nghìn', 'vi:không', 'vi:trăm', 'vi:linh', 'vi:mốt', 'vi:tư', 'vi:lăm']),
    );
    expect(texts(DEFAULT_VOICE_CONFIG, { tickets: [{ prefix: '', from: 1, to: 999 }], counters: [1] })).not.toContain('vi:nghìn');
  });

  it('follows the dialect words and letter names', () => {
    const ids = texts(south, { tickets: [{ prefix: 'V', from: 1, to: 1100 }], counters: [24] });
    expect(ids).toEqual(expect.arrayContaining(['vi:lẻ', 'vi:ngàn', 'vi:bốn', 'vi:vờ']));
    expect(ids).not.toEqual(expect.arrayContaining(['vi:linh']));
    expect(ids).not.toContain('vi:nghìn');
  });

  it('asks for English clips only while English is on: the digits of tickets, counters as numbers', () => {
    expect(texts(DEFAULT_VOICE_CONFIG, sample).some((id) => id.startsWith('en:'))).toBe(false);
    const english = texts({ ...DEFAULT_VOICE_CONFIG, english: true }, { tickets: [{ prefix: 'A', from: 10, to: 12 }], counters: [12] });
    expect(english.filter((id) => id.startsWith('en:'))).toEqual([
      'en:Ticket',
      'en:please go to counter',
      'en:Calling again: ticket',
      'en:A',
      'en:zero',
      'en:one',
      'en:two',
      'en:twelve',
    ]);
  });

  it('says what is missing per language', () => {
    const list = recordingList({ ...DEFAULT_VOICE_CONFIG, english: true }, { tickets: [{ prefix: '', from: 1, to: 3 }], counters: [1] });
    const missing = missingRecordings(list, (id) => id.startsWith('vi:'));
    expect(missing.vi).toEqual([]);
    expect(missing.en.length).toBeGreaterThan(0);
  });
});
