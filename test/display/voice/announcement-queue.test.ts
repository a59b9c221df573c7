import { describe, expect, it, vi } from 'vitest';
import { buildAnnouncement, type CallToAnnounce } from '../../../display/voice/announcement.ts';
import { AnnouncementQueue } from '../../../display/voice/announcement-queue.ts';
import { SoundBlockedError, type AudioSink, type Playable, type PlayOptions } from '../../../display/voice/audio-sink.ts';
import { DEFAULT_VOICE_CONFIG } from '../../../protocol/voice/voice-config.ts';

/** A sink that records every pass and finishes each one when the test says so (or at once). */
class FakeSink implements AudioSink {
  readonly passes: { item: Playable; options: PlayOptions }[] = [];
  readonly events: string[] = [];
  active = 0;
  maxActive = 0;
  stopped = 0;
  private finishers: (() => void)[] = [];

  constructor(private readonly manual = false) {}

  play(item: Playable, options: PlayOptions): Promise<void> {
    this.passes.push({ item, options });
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    const text = item.sentences.map((sentence) => sentence.text).join(' ');
    this.events.push(`start ${text}`);
    return new Promise((resolve) => {
      const finish = (): void => {
        this.active -= 1;
        this.events.push(`end ${text}`);
        resolve();
      };
      if (this.manual) this.finishers.push(finish);
      else setTimeout(finish, 5);
    });
  }

  stop(): void {
    this.stopped += 1;
    for (const finish of this.finishers.splice(0)) finish();
  }

  finishCurrent(): void {
    this.finishers.shift()?.();
  }
}

const announce = (call: CallToAnnounce) => buildAnnouncement(call, DEFAULT_VOICE_CONFIG);
const noWait = (): Promise<void> => Promise.resolve();
const ticketsSpoken = (sink: FakeSink): string[] =>
  sink.passes.map((pass) =>
    pass.item.clipIds
      .filter((id) => id !== 'chime')
      .slice(1, -2)
      .join(' '),
  );

describe('announcement queue', () => {
  it('plays three quick calls in order, one at a time, each with its own number', async () => {
    const sink = new FakeSink();
    const queue = new AnnouncementQueue({ sink, wait: noWait });
    const outcomes = await Promise.all([
      queue.enqueue(announce({ ticket: 'A1', counter: 1 })),
      queue.enqueue(announce({ ticket: 'A2', counter: 2 })),
      queue.enqueue(announce({ ticket: 'A3', counter: 3 })),
    ]);
    expect(outcomes).toEqual([{ status: 'played' }, { status: 'played' }, { status: 'played' }]);
    expect(sink.maxActive).toBe(1);
    expect(ticketsSpoken(sink)).toEqual(['vi:a vi:một', 'vi:a vi:hai', 'vi:a vi:ba']);
    expect(sink.events.map((event) => event.split(' ')[0])).toEqual(['start', 'end', 'start', 'end', 'start', 'end']);
  });

  it('says the call it was made for even when newer calls arrive before it starts', async () => {
    const sink = new FakeSink(true);
    const queue = new AnnouncementQueue({ sink, wait: noWait });
    const first = queue.enqueue(announce({ ticket: 'B10', counter: 4 }));
    const second = queue.enqueue(announce({ ticket: 'B11', counter: 5 }));
    const third = queue.enqueue(announce({ ticket: 'B12', counter: 6 }));
    expect(sink.passes).toHaveLength(1);
    expect(queue.pending).toBe(2);
    sink.finishCurrent();
    await first;
    await vi.waitFor(() => expect(sink.passes).toHaveLength(2));
    sink.finishCurrent();
    await second;
    await vi.waitFor(() => expect(sink.passes).toHaveLength(3));
    sink.finishCurrent();
    await third;
    expect(sink.passes.map((pass) => pass.item.sentences[0]?.caption)).toEqual([
      'Mời công dân có số thứ tự B10 đến quầy số 4',
      'Mời công dân có số thứ tự B11 đến quầy số 5',
      'Mời công dân có số thứ tự B12 đến quầy số 6',
    ]);
  });

  it('repeats the sentence the configured number of times, with the chime only before the first', async () => {
    const sink = new FakeSink();
    const waits: number[] = [];
    const queue = new AnnouncementQueue({
      sink,
      settings: { repeat: 3, repeatPauseMs: 400 },
      wait: async (ms) => {
        waits.push(ms);
      },
    });
    await Promise.all([queue.enqueue(announce({ ticket: '7', counter: 1 })), queue.enqueue(announce({ ticket: '8', counter: 1 }))]);
    expect(sink.passes.map((pass) => pass.item.clipIds[0] === 'chime')).toEqual([true, false, false, true, false, false]);
    expect(ticketsSpoken(sink)).toEqual(['vi:bảy', 'vi:bảy', 'vi:bảy', 'vi:tám', 'vi:tám', 'vi:tám']);
    expect(waits).toEqual([400, 400, 400, 400]);
    expect(sink.maxActive).toBe(1);
  });

  it('keeps the repeat count a call was queued with when settings change', async () => {
    const sink = new FakeSink();
    const queue = new AnnouncementQueue({ sink, wait: noWait, settings: { repeat: 2 } });
    const queued = queue.enqueue(announce({ ticket: '1', counter: 1 }));
    queue.configure({ repeat: 1 });
    await Promise.all([queued, queue.enqueue(announce({ ticket: '2', counter: 1 }))]);
    expect(ticketsSpoken(sink)).toEqual(['vi:một', 'vi:một', 'vi:hai']);
  });

  it('passes the configured volume to the sink', async () => {
    const sink = new FakeSink();
    const queue = new AnnouncementQueue({ sink, wait: noWait, settings: { volume: 0.4 } });
    await queue.enqueue(announce({ ticket: '1', counter: 1 }));
    expect(sink.passes[0]?.options).toEqual({ volume: 0.4 });
  });

  it('reports a failed announcement and goes on with the next', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const sink: AudioSink = {
      play: () => (++calls === 1 ? Promise.reject(new SoundBlockedError()) : Promise.resolve()),
      stop: () => undefined,
    };
    const queue = new AnnouncementQueue({ sink, wait: noWait, onError: (error) => errors.push(error) });
    const [first, second] = await Promise.all([
      queue.enqueue(announce({ ticket: '1', counter: 1 })),
      queue.enqueue(announce({ ticket: '2', counter: 1 })),
    ]);
    expect(first.status).toBe('failed');
    expect(second).toEqual({ status: 'played' });
    expect(errors[0]).toBeInstanceOf(SoundBlockedError);
  });

  it('cancels waiting calls and cuts off the playing one on clear', async () => {
    const sink = new FakeSink(true);
    const queue = new AnnouncementQueue({ sink, wait: noWait, settings: { repeat: 2 } });
    const playing = queue.enqueue(announce({ ticket: '1', counter: 1 }));
    const waiting = queue.enqueue(announce({ ticket: '2', counter: 1 }));
    queue.clear();
    expect(await playing).toEqual({ status: 'cancelled' });
    expect(await waiting).toEqual({ status: 'cancelled' });
    expect(sink.stopped).toBe(1);
    expect(sink.passes).toHaveLength(1);
  });

  it('starts again after going idle', async () => {
    const sink = new FakeSink();
    const queue = new AnnouncementQueue({ sink, wait: noWait });
    await queue.enqueue(announce({ ticket: '1', counter: 1 }));
    await queue.enqueue(announce({ ticket: '2', counter: 1 }));
    expect(ticketsSpoken(sink)).toEqual(['vi:một', 'vi:hai']);
  });
});
