import { describe, expect, it } from 'vitest';
import { sentenceGaps } from '../../../protocol/voice/sentence-check.ts';
import { DEFAULT_VOICE_CONFIG, type VoiceConfig } from '../../../protocol/voice/voice-config.ts';
import { loadGeneratedVoices } from '../../../server/voice/announcement-check.ts';
import { repoDir } from '../../../server/create-server.ts';
import type { ClipSource } from '../../../protocol/voice/clip-source.ts';

const shipped = loadGeneratedVoices(repoDir).get('vi')!;
const pack = (...ids: string[]): ClipSource => ({ id: 'recorded', has: (id) => ids.includes(id) });
const settings = (patch: Partial<VoiceConfig>): VoiceConfig => ({ ...DEFAULT_VOICE_CONFIG, ...patch });

describe('sentence check on save', () => {
  it('passes every built-in sentence with the shipped voice', () => {
    expect(sentenceGaps(settings({ english: true }), [shipped, pack()])).toEqual([]);
  });

  it('refuses a sentence with phrases no voice has, naming them', () => {
    expect(sentenceGaps(settings({ template: 'Xin mời số {number} tới bàn {counter}' }), [shipped, pack()])).toEqual([
      {
        field: 'template',
        language: 'vi',
        template: 'Xin mời số {number} tới bàn {counter}',
        voice: 'vi',
        missing: ['Xin mời số', 'tới bàn'],
      },
    ]);
  });

  it('passes it once the recorded pack has all its phrases', () => {
    const template = 'Xin mời số {number} tới bàn {counter}';
    expect(sentenceGaps(settings({ template }), [shipped, pack('vi:Xin mời số', 'vi:tới bàn')])).toEqual([]);
  });

  it('refuses a sentence that only two voices together could say, naming what the closer one lacks', () => {
    const template = 'Xin mời số {number} đến quầy số {counter}';
    const gaps = sentenceGaps(settings({ recallTemplate: template }), [shipped, pack('vi:Xin mời số')]);
    expect(gaps.map((g) => [g.field, g.voice, g.missing])).toEqual([['recallTemplate', 'vi', ['Xin mời số']]]);
  });

  it('checks the English sentences only while English is on', () => {
    const englishTemplate = 'Number {number} to desk {counter}';
    expect(sentenceGaps(settings({ englishTemplate }), [shipped, pack()])).toEqual([]);
    expect(sentenceGaps(settings({ englishTemplate, english: true }), [shipped, pack()]).map((g) => g.missing)).toEqual([
      ['Number', 'to desk'],
    ]);
  });
});
