import { describe, expect, it } from 'vitest';
import { buildAnnouncement } from '../../../client/voice/announcement.ts';
import { clipsOf, type AudioSink, type Playable } from '../../../client/voice/audio-sink.ts';
import { planAnnouncement } from '../../../client/voice/delivery.ts';
import {
  loadSystemVoices,
  pickSystemVoices,
  SpeechSynthesisSink,
  type SpeechSynthesisLike,
} from '../../../client/voice/speech-synthesis-sink.ts';
import { DEFAULT_VOICE_CONFIG } from '../../../protocol/voice/voice-config.ts';

const voice = (lang: string, localService = true) =>
  ({ lang, localService, name: lang, voiceURI: lang, default: false }) as SpeechSynthesisVoice;

class FakeSynthesis extends EventTarget {
  voices: SpeechSynthesisVoice[] = [];
  readonly spoken: { text: string; lang: string; volume: number }[] = [];
  getVoices(): SpeechSynthesisVoice[] {
    return this.voices;
  }
  speak(utterance: SpeechSynthesisUtterance): void {
    this.spoken.push({ text: utterance.text, lang: utterance.lang, volume: utterance.volume });
    setTimeout(() => utterance.onend?.call(utterance, {} as SpeechSynthesisEvent), 1);
  }
  cancel(): void {}
}

const fakeUtterance = (text: string) => ({ text }) as SpeechSynthesisUtterance;

describe('system voice path', () => {
  it('picks a Vietnamese voice, preferring a local one, and an English one if any', () => {
    const picked = pickSystemVoices([voice('en-US'), voice('vi-VN', false), voice('vi_VN')]);
    expect(picked?.vi.lang).toBe('vi_VN');
    expect(picked?.en?.lang).toBe('en-US');
  });

  it('is not used without a Vietnamese voice', () => {
    expect(pickSystemVoices([voice('en-US'), voice('fr-FR')])).toBeNull();
  });

  it('waits for the voice list to arrive', async () => {
    const synthesis = new FakeSynthesis();
    const loading = loadSystemVoices(synthesis as SpeechSynthesisLike, 1000);
    synthesis.voices = [voice('vi-VN')];
    synthesis.dispatchEvent(new Event('voiceschanged'));
    expect((await loading).map((v) => v.lang)).toEqual(['vi-VN']);
  });

  it('plays the chime clip, then speaks each sentence with its voice and the volume', async () => {
    const synthesis = new FakeSynthesis();
    const chimes: Playable[] = [];
    const chime: AudioSink = { play: async (item) => void chimes.push(item), stop: () => undefined };
    const sink = new SpeechSynthesisSink({
      synthesis: synthesis as SpeechSynthesisLike,
      voices: { vi: voice('vi-VN'), en: null },
      chime,
      createUtterance: fakeUtterance,
    });
    const announcement = buildAnnouncement({ ticket: 'A5', counter: 2 }, { ...DEFAULT_VOICE_CONFIG, english: true });
    const everything = { id: 'vi', has: () => true };
    const [pass] = planAnnouncement(
      announcement,
      { form: 'full', english: true, chime: true, repeat: 1 },
      { vi: [everything], en: [everything], chime: everything },
    ).passes;
    await sink.play(pass!, { volume: 0.5 });
    expect(chimes.map(clipsOf)).toEqual([['chime']]);
    // No English system voice: only the Vietnamese sentence is spoken.
    expect(synthesis.spoken).toEqual([{ text: 'Mời công dân số a năm đến quầy số hai', lang: 'vi-VN', volume: 0.5 }]);
  });
});
