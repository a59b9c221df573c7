import { describe, expect, it } from 'vitest';
import { RecordingAudioSink, type RecordedPlay } from '../../../display/recording-audio-sink.ts';
import { createAnnouncer } from '../../../client/voice/create-announcer.ts';
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
      expect(outcomes.map((o) => o.status)).toEqual(['played', 'played']);
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

describe('announcer voices', () => {
  const quiet = { createAudioContext: () => null, speechSynthesis: null, storage: null } as const;
  const sources = (log: RecordedPlay[]) =>
    log.map((play) => [...new Set(play.steps.flatMap((s) => (s.kind === 'clip' && s.clipId !== 'chime' ? [s.source] : [])))]);

  it('says the chime and the built-in sentence when the centre’s sentence has no clips, and reports it', async () => {
    const log: RecordedPlay[] = [];
    const problems: string[] = [];
    const announcer = await createAnnouncer(
      { ...DEFAULT_VOICE_CONFIG, template: 'Xin mời số {number} tới quầy {counter}' },
      { ...quiet, clipOutput: new RecordingAudioSink({ log, playMs: 5 }), onProblem: (problem) => problems.push(problem.code) },
    );
    expect((await announcer.announce({ ticket: '12', counter: 3 })).status).toBe('played');
    expect(log[0]?.clipIds).toEqual(['chime', 'vi:Mời công dân số', 'vi:mười', 'vi:hai', 'vi:đến quầy số', 'vi:ba']);
    expect(problems).toEqual(['voice:problem.fallback_sentence']);
  });

  it('speaks with the recorded pack where it is complete, and never mixes it with another voice in a sentence', async () => {
    const log: RecordedPlay[] = [];
    const problems: string[] = [];
    const announcer = await createAnnouncer(
      { ...DEFAULT_VOICE_CONFIG, english: true },
      { ...quiet, clipOutput: new RecordingAudioSink({ log, playMs: 5 }), onProblem: (problem) => problems.push(problem.code) },
    );
    const clips = Object.fromEntries(
      ['vi:Mời công dân số', 'vi:mười', 'vi:hai', 'vi:đến quầy số', 'vi:ba', 'vi:một'].map((id) => [
        id,
        { url: `/p/${id}`, durationMs: 300 },
      ]),
    );
    await announcer.configure({ ...DEFAULT_VOICE_CONFIG, english: true }, { version: 'v1', complete: { vi: true, en: false }, clips });
    await announcer.announce({ ticket: '12', counter: 3 });
    // "bảy" was never recorded: that whole sentence is said by the generated voice.
    await announcer.announce({ ticket: '17', counter: 3 });
    expect(sources(log)).toEqual([['recorded', 'vi'], ['vi']]);
    expect(
      log[0]!.steps
        .filter((s) => s.kind === 'clip' && s.clipId.startsWith('vi:'))
        .every((s) => s.kind === 'clip' && s.source === 'recorded'),
    ).toBe(true);
    expect(problems).toEqual(['voice:problem.substituted']);
  });
});
