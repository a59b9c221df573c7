import { describe, expect, it } from 'vitest';
import { createAnnouncer } from '../../../display/voice/create-announcer.ts';
import { DEFAULT_VOICE_CONFIG } from '../../../protocol/voice/voice-config.ts';

/** A context that is running and "plays" each scheduled clip at once, recording it. */
function fakeContext(played: string[]) {
  return {
    state: 'running',
    currentTime: 0,
    destination: {},
    addEventListener: () => undefined,
    createGain: () => ({ gain: { value: 1 }, connect: () => undefined, disconnect: () => undefined }),
    createBufferSource() {
      const source = {
        buffer: null as { id: string; duration: number } | null,
        onEnded: [] as (() => void)[],
        connect: () => undefined,
        start: () => {
          played.push(source.buffer?.id ?? '?');
          setTimeout(() => source.onEnded.forEach((listener) => listener()), 0);
        },
        stop: () => undefined,
        addEventListener: (_name: string, listener: () => void) => source.onEnded.push(listener),
      };
      return source;
    },
    decodeAudioData: async (data: ArrayBuffer) => ({ id: new TextDecoder().decode(data), duration: 0.1 }),
  } as unknown as AudioContext;
}

describe('announcer', () => {
  it('announces calls through the clip sink in the order they were made', async () => {
    const played: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (async (url: string) => new Response(decodeURIComponent(url.slice(1)))) as typeof fetch;
    try {
      const announcer = await createAnnouncer(DEFAULT_VOICE_CONFIG, {
        createAudioContext: () => fakeContext(played),
        speechSynthesis: null,
        storage: null,
        clips: () => ({ ids: [], url: (id) => `/${encodeURIComponent(id)}` }),
      });
      expect(announcer.sound.status).toBe('ready');
      const outcomes = await Promise.all([
        announcer.announce({ ticket: 'A1', counter: 1 }),
        announcer.announce({ ticket: 'A2', counter: 2 }),
      ]);
      expect(outcomes).toEqual([{ status: 'played' }, { status: 'played' }]);
      expect(played.filter((id) => id.startsWith('vi:a') || id === 'vi:một' || id === 'vi:hai')).toEqual([
        'vi:a',
        'vi:một',
        'vi:một',
        'vi:a',
        'vi:hai',
        'vi:hai',
      ]);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('reports a label it cannot read instead of throwing', async () => {
    const errors: unknown[] = [];
    const announcer = await createAnnouncer(DEFAULT_VOICE_CONFIG, {
      createAudioContext: () => null,
      speechSynthesis: null,
      storage: null,
      onError: (error) => errors.push(error),
    });
    expect(announcer.sound.status).toBe('unavailable');
    expect((await announcer.announce({ ticket: '#', counter: 1 })).status).toBe('failed');
    expect(errors).toHaveLength(1);
  });
});

describe('announcer settings', () => {
  it('reports template phrases the voice has no clips for', async () => {
    const missing: string[][] = [];
    await createAnnouncer(
      { ...DEFAULT_VOICE_CONFIG, template: 'Xin mời số {number} tới quầy {counter}' },
      { createAudioContext: () => null, speechSynthesis: null, storage: null, onMissingClips: (ids) => missing.push(ids) },
    );
    expect(missing).toEqual([['vi:Xin mời số', 'vi:tới quầy']]);
  });

  it('reports nothing for the default template with the shipped clips', async () => {
    const missing: string[][] = [];
    await createAnnouncer(
      { ...DEFAULT_VOICE_CONFIG, english: true },
      { createAudioContext: () => null, speechSynthesis: null, storage: null, onMissingClips: (ids) => missing.push(ids) },
    );
    expect(missing).toEqual([]);
  });
});
