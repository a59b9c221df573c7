import { describe, expect, it } from 'vitest';
import { MissingClipError, SoundBlockedError } from '../../../client/voice/audio-sink.ts';
import { WebAudioSink, type AudioContextLike } from '../../../client/voice/web-audio-sink.ts';

/** Just enough of an AudioContext to see what the sink schedules. */
class FakeContext {
  state: AudioContextState = 'running';
  currentTime = 10;
  readonly destination = { name: 'destination' };
  readonly starts: { clip: string; at: number }[] = [];
  readonly gains: { gain: { value: number }; connectedTo: unknown; disconnected: boolean }[] = [];
  decoded = 0;

  createGain() {
    const node = {
      gain: { value: 1 },
      connectedTo: null as unknown,
      disconnected: false,
      connect: (target: unknown) => {
        node.connectedTo = target;
      },
      disconnect: () => {
        node.disconnected = true;
      },
    };
    this.gains.push(node);
    return node;
  }

  createBufferSource() {
    const listeners: (() => void)[] = [];
    const source = {
      buffer: null as { clip: string; duration: number } | null,
      connect: () => undefined,
      start: (at: number) => {
        this.starts.push({ clip: source.buffer?.clip ?? '?', at });
        // The clip "plays" instantly: the test checks scheduling, not real time.
        setTimeout(() => listeners.forEach((listener) => listener()), 1);
      },
      stop: () => undefined,
      addEventListener: (_name: string, listener: () => void) => listeners.push(listener),
    };
    return source;
  }

  async decodeAudioData(data: ArrayBuffer) {
    this.decoded += 1;
    const [clip, seconds] = new TextDecoder().decode(data).split('|');
    return { clip: clip ?? '', duration: Number(seconds) };
  }
}

const durations: Record<string, number> = { chime: 1.5, 'vi:một': 0.25, 'vi:hai': 0.5 };

function makeSink(context: FakeContext, fetched: string[] = []) {
  return new WebAudioSink({
    context: context as unknown as AudioContextLike,
    resolveUrl: (source, id) => (source === 'vi' && id in durations ? `/clips/${encodeURIComponent(id)}.ogg` : undefined),
    load: async (url) => {
      fetched.push(url);
      const id = decodeURIComponent(url.slice('/clips/'.length, -'.ogg'.length));
      return new TextEncoder().encode(`${id}|${durations[id]}`).buffer;
    },
    leadInSeconds: 0.1,
  });
}

const item = (clipIds: Array<string | number>) => ({
  steps: clipIds.map((id) =>
    typeof id === 'number' ? { kind: 'pause' as const, ms: id } : { kind: 'clip' as const, clipId: id, source: 'vi' },
  ),
  sentences: [],
});

describe('Web Audio sink', () => {
  it('schedules clips back to back on the context clock', async () => {
    const context = new FakeContext();
    await makeSink(context).play(item(['chime', 'vi:một', 'vi:hai', 'vi:một']), { volume: 1 });
    expect(context.starts).toEqual([
      { clip: 'chime', at: 10.1 },
      { clip: 'vi:một', at: 11.6 },
      { clip: 'vi:hai', at: 11.85 },
      { clip: 'vi:một', at: 12.35 },
    ]);
  });

  it('leaves exactly the pauses asked for between clips', async () => {
    const context = new FakeContext();
    await makeSink(context).play(item(['chime', 150, 'vi:một', 300, 'vi:hai']), { volume: 1 });
    expect(context.starts.map((start) => ({ ...start, at: Math.round(start.at * 1000) / 1000 }))).toEqual([
      { clip: 'chime', at: 10.1 },
      { clip: 'vi:một', at: 11.75 },
      { clip: 'vi:hai', at: 12.3 },
    ]);
  });

  it('fetches and decodes each clip once', async () => {
    const context = new FakeContext();
    const fetched: string[] = [];
    const sink = makeSink(context, fetched);
    await sink.play(item(['vi:một', 'vi:một']), { volume: 1 });
    await sink.play(item(['vi:một', 'vi:hai']), { volume: 1 });
    expect(fetched).toHaveLength(2);
    expect(context.decoded).toBe(2);
  });

  it('sets the volume on a gain node to the output and releases it afterwards', async () => {
    const context = new FakeContext();
    await makeSink(context).play(item(['vi:hai']), { volume: 0.3 });
    expect(context.gains).toHaveLength(1);
    expect(context.gains[0]?.gain.value).toBe(0.3);
    expect(context.gains[0]?.connectedTo).toBe(context.destination);
    expect(context.gains[0]?.disconnected).toBe(true);
  });

  it('refuses to play while the context is suspended', async () => {
    const context = new FakeContext();
    context.state = 'suspended';
    await expect(makeSink(context).play(item(['vi:một']), { volume: 1 })).rejects.toBeInstanceOf(SoundBlockedError);
    expect(context.starts).toEqual([]);
  });

  it('names a clip the voice does not have', async () => {
    const context = new FakeContext();
    await expect(makeSink(context).play(item(['vi:một', 'vi:xin chào']), { volume: 1 })).rejects.toEqual(
      new MissingClipError('vi:xin chào', 'vi'),
    );
    expect(context.starts).toEqual([]);
  });

  it('names the clip and voice of a file that does not load', async () => {
    const context = new FakeContext();
    const sink = new WebAudioSink({
      context: context as unknown as AudioContextLike,
      resolveUrl: () => '/gone.wav',
      load: async () => {
        throw new Error('clip /gone.wav: HTTP 404');
      },
    });
    const failure = await sink.play(item(['vi:một']), { volume: 1 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MissingClipError);
    expect(failure).toMatchObject({ clipId: 'vi:một', source: 'vi' });
  });
});
