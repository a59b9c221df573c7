import { describe, expect, it, vi } from 'vitest';
import { buildAnnouncement, type CallToAnnounce } from '../../../client/voice/announcement.ts';
import { AnnouncementQueue, type AnnouncementQueueOptions } from '../../../client/voice/announcement-queue.ts';
import {
  clipsOf,
  MissingClipError,
  SoundBlockedError,
  type AudioSink,
  type Playable,
  type PlayOptions,
} from '../../../client/voice/audio-sink.ts';
import { withoutSources, type Voicing } from '../../../client/voice/clip-choice.ts';
import { planAnnouncement } from '../../../client/voice/delivery.ts';
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

const everything = { has: () => true };
const voicing: Voicing = { vi: [{ id: 'vi', ...everything }], en: [{ id: 'vi', ...everything }], chime: { id: 'vi', ...everything } };
const plan: AnnouncementQueueOptions['plan'] = (announcement, delivery, excluded) =>
  planAnnouncement(announcement, delivery, withoutSources(voicing, excluded));
const announce = (call: CallToAnnounce) => buildAnnouncement(call, DEFAULT_VOICE_CONFIG);
const noWait = (): Promise<void> => Promise.resolve();
/** The words of each pass between the opening phrase and "đến quầy số". */
const ticketsSpoken = (sink: FakeSink): string[] =>
  sink.passes.map((pass) => {
    const clips = clipsOf(pass.item).filter((id) => id !== 'chime');
    return clips.slice(1, clips.indexOf('vi:đến quầy số')).join(' ');
  });

describe('announcement queue', () => {
  it('plays three quick calls in order, one at a time, each with its own number', async () => {
    const sink = new FakeSink();
    const queue = new AnnouncementQueue({ sink, plan, wait: noWait });
    const outcomes = await Promise.all([
      queue.enqueue(announce({ ticket: 'A1', counter: 1 })),
      queue.enqueue(announce({ ticket: 'A2', counter: 2 })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['played', 'played']);
    expect(sink.maxActive).toBe(1);
    expect(ticketsSpoken(sink)).toEqual(['vi:a vi:một', 'vi:a vi:hai']);
    expect(sink.events.map((event) => event.split(' ')[0])).toEqual(['start', 'end', 'start', 'end']);
  });

  it('says the call it was made for even when newer calls arrive before it starts', async () => {
    const sink = new FakeSink(true);
    const queue = new AnnouncementQueue({ sink, plan, wait: noWait });
    const first = queue.enqueue(announce({ ticket: 'B10', counter: 4 }));
    const second = queue.enqueue(announce({ ticket: 'B11', counter: 5 }));
    expect(sink.passes).toHaveLength(1);
    expect(queue.pending).toBe(1);
    sink.finishCurrent();
    await first;
    await vi.waitFor(() => expect(sink.passes).toHaveLength(2));
    sink.finishCurrent();
    await second;
    expect(sink.passes.map((pass) => pass.item.sentences[0]?.caption)).toEqual([
      'Mời công dân số B10 đến quầy số 4',
      'Mời công dân số B11 đến quầy số 5',
    ]);
  });

  it('shortens announcements while others wait and never drops one', async () => {
    const sink = new FakeSink(true);
    const queue = new AnnouncementQueue({ sink, plan, wait: noWait, settings: { repeat: 2 } });
    const calls = [1, 2, 3, 4, 5].map((n) =>
      queue.enqueue(buildAnnouncement({ ticket: String(n), counter: n }, { ...DEFAULT_VOICE_CONFIG, english: true })),
    );
    for (let played = 1; played <= 7; played += 1) {
      await vi.waitFor(() => expect(sink.passes).toHaveLength(played));
      sink.finishCurrent();
    }
    const outcomes = await Promise.all(calls);
    // The first starts alone (full, English, repeated); the three it kept waiting are brief; the
    // last finds the queue empty and the minute not yet busy (five calls), so it is said in full.
    expect(outcomes.map((o) => (o.status === 'played' ? o.delivery.form : o.status))).toEqual(['full', 'brief', 'brief', 'brief', 'full']);
    expect(sink.passes.map((p) => p.item.sentences.map((s) => s.caption).join(' | '))).toEqual([
      'Mời công dân số 1 đến quầy số 1 | Ticket 1, please go to counter 1',
      'Mời công dân số 1 đến quầy số 1 | Ticket 1, please go to counter 1',
      'Số 2, quầy 2',
      'Số 3, quầy 3',
      'Số 4, quầy 4',
      'Mời công dân số 5 đến quầy số 5 | Ticket 5, please go to counter 5',
      'Mời công dân số 5 đến quầy số 5 | Ticket 5, please go to counter 5',
    ]);
  });

  it('plays the chime once for a burst of back-to-back calls, and again after a quiet spell', async () => {
    let clock = 0;
    const sink = new FakeSink();
    const queue = new AnnouncementQueue({ sink, plan, now: () => clock, wait: async (ms) => void (clock += ms) });
    await Promise.all([queue.enqueue(announce({ ticket: '1', counter: 1 })), queue.enqueue(announce({ ticket: '2', counter: 1 }))]);
    clock += 10_000;
    await queue.enqueue(announce({ ticket: '3', counter: 1 }));
    expect(sink.passes.map((pass) => clipsOf(pass.item)[0] === 'chime')).toEqual([true, false, true]);
  });

  it('keeps the repeat count a call was queued with when settings change', async () => {
    const sink = new FakeSink();
    const queue = new AnnouncementQueue({ sink, plan, wait: noWait, settings: { repeat: 2 } });
    const queued = queue.enqueue(announce({ ticket: '1', counter: 1 }));
    queue.configure({ repeat: 1 });
    await queued;
    await queue.enqueue(announce({ ticket: '2', counter: 1 }));
    expect(ticketsSpoken(sink)).toEqual(['vi:một', 'vi:một', 'vi:hai']);
  });

  it('waits the repeat pause between repeats, with the chime only before the first', async () => {
    const sink = new FakeSink();
    const waits: number[] = [];
    const queue = new AnnouncementQueue({
      sink,
      plan,
      settings: { repeat: 3, repeatPauseMs: 400 },
      wait: async (ms) => void waits.push(ms),
    });
    await queue.enqueue(announce({ ticket: '7', counter: 1 }));
    expect(sink.passes.map((pass) => clipsOf(pass.item)[0] === 'chime')).toEqual([true, false, false]);
    expect(waits).toEqual([400, 400]);
  });

  it('passes the configured volume to the sink', async () => {
    const sink = new FakeSink();
    const queue = new AnnouncementQueue({ sink, plan, wait: noWait, settings: { volume: 0.4 } });
    await queue.enqueue(announce({ ticket: '1', counter: 1 }));
    expect(sink.passes[0]?.options).toEqual({ volume: 0.4 });
  });

  it('says the announcement again with the next voice when a clip set fails to play, and reports it', async () => {
    const played: string[][] = [];
    const sink: AudioSink = {
      play: async (item) => {
        const sources = item.steps.flatMap((step) => (step.kind === 'clip' ? [step.source] : []));
        if (sources.includes('recorded')) throw new MissingClipError('vi:ba', 'recorded', 'HTTP 404');
        played.push(sources);
      },
      stop: () => undefined,
    };
    const recorded = { id: 'recorded', has: () => true };
    const both: Voicing = { ...voicing, vi: [recorded, ...voicing.vi] };
    const problems: string[] = [];
    const queue = new AnnouncementQueue({
      sink,
      wait: noWait,
      plan: (a, d, excluded) => planAnnouncement(a, d, withoutSources(both, excluded)),
      onProblem: (problem) => problems.push(problem.code),
    });
    expect((await queue.enqueue(announce({ ticket: '3', counter: 1 }))).status).toBe('played');
    expect(played).toHaveLength(1);
    expect(new Set(played[0])).toEqual(new Set(['vi']));
    expect(problems).toEqual(['voice:problem.clip_failed']);
  });

  it('reports a blocked announcement and goes on with the next', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const sink: AudioSink = {
      play: () => (++calls === 1 ? Promise.reject(new SoundBlockedError()) : Promise.resolve()),
      stop: () => undefined,
    };
    const queue = new AnnouncementQueue({ sink, plan, wait: noWait, onError: (error) => errors.push(error) });
    const [first, second] = await Promise.all([
      queue.enqueue(announce({ ticket: '1', counter: 1 })),
      queue.enqueue(announce({ ticket: '2', counter: 1 })),
    ]);
    expect(first.status).toBe('failed');
    expect(second.status).toBe('played');
    expect(errors[0]).toBeInstanceOf(SoundBlockedError);
  });

  it('cancels waiting calls and cuts off the playing one on clear', async () => {
    const sink = new FakeSink(true);
    const queue = new AnnouncementQueue({ sink, plan, wait: noWait, settings: { repeat: 2 } });
    const playing = queue.enqueue(announce({ ticket: '1', counter: 1 }));
    const waiting = queue.enqueue(announce({ ticket: '2', counter: 1 }));
    queue.clear();
    expect(await playing).toEqual({ status: 'cancelled' });
    expect(await waiting).toEqual({ status: 'cancelled' });
    expect(sink.stopped).toBe(1);
    expect(sink.passes).toHaveLength(1);
  });
});
