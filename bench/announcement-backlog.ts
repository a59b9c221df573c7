/**
 * The voice at a provincial centre's peak (issue 18): a 60-counter day (support/peak-day.ts: the
 * real queue core and the day simulator's models on a virtual clock) gives every call and recall
 * at the second it is made; each is handed, at that moment, to the board's real announcement
 * queue on a virtual clock, where a pass lasts exactly as long as its shipped clips and pauses.
 * The figure is the delay from a call to the start of its announcement over the busiest hour.
 * Run: `npx tsx bench/announcement-backlog.ts` (a few seconds).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildAnnouncement } from '../client/voice/announcement.ts';
import { AnnouncementQueue } from '../client/voice/announcement-queue.ts';
import { passDurationMs } from '../client/voice/audio-sink.ts';
import type { ClipManifest } from '../protocol/voice/clip-manifest.ts';
import { planAnnouncement, type Delivery } from '../client/voice/delivery.ts';
import { DEFAULT_VOICE_CONFIG, type VoiceConfig } from '../protocol/voice/voice-config.ts';
import type { CallView } from '../protocol/views.ts';
import { percentileMs } from './support/figures.ts';
import { simulateCalls } from './support/peak-day.ts';
import { VirtualClock } from './support/virtual-clock.ts';

export interface BacklogFigures {
  name: 'announcement-backlog';
  calls: number;
  recalls: number;
  /** Calls in the busiest hour, and when it began (local time). */
  peakCalls: number;
  peakFrom: string;
  /** Delay from call to announcement start over the busiest hour, in seconds. */
  p50Seconds: number;
  p95Seconds: number;
  maxSeconds: number;
  /** The same with English on: it is left out while announcements wait. */
  englishP95Seconds: number;
  /** Share of the peak hour's announcements said in the brief form. */
  briefShare: number;
  /** Announcements that never started: must be 0. */
  dropped: number;
}

const HOUR = 3_600_000;
const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../client/voice/clips/vi/manifest.json'), 'utf8')) as ClipManifest;
const shipped = { id: 'vi', has: (id: string) => Object.hasOwn(manifest.clips, id) };
const voicing = { vi: [shipped], en: [shipped], chime: shipped };

interface Started {
  call: CallView;
  delayMs: number;
  delivery: Delivery;
}

/** Replays `calls` into a board's queue on a virtual clock; the delay and delivery of each announcement. */
export async function replayCalls(calls: readonly CallView[], config: VoiceConfig): Promise<Started[]> {
  const clock = new VirtualClock(calls[0]?.at ?? 0);
  const started: Started[] = [];
  const callOf = new Map<object, CallView>();
  const queue = new AnnouncementQueue({
    sink: { play: (item) => clock.wait(passDurationMs(item, (_source, id) => manifest.clips[id]?.durationMs ?? 0)), stop: () => undefined },
    plan: (announcement, delivery) => planAnnouncement(announcement, delivery, voicing),
    settings: { repeat: config.repeat, repeatPauseMs: config.repeatPauseMs, chime: config.chime },
    wait: (ms) => clock.wait(ms),
    now: () => clock.now,
    onStart: (announcement, delivery) => {
      const call = callOf.get(announcement)!;
      started.push({ call, delayMs: clock.now - call.at, delivery });
    },
  });
  for (const call of calls) {
    clock.at(call.at, () => {
      const announcement = buildAnnouncement({ ticket: call.label, counter: call.counterId, recall: call.recall }, config);
      callOf.set(announcement, call);
      void queue.enqueue(announcement);
    });
  }
  await clock.run();
  return started;
}

/** The hour with the most calls. */
function busiestHour(calls: readonly CallView[]): { from: number; to: number; count: number } {
  let best = { from: calls[0]?.at ?? 0, to: (calls[0]?.at ?? 0) + HOUR, count: 0 };
  let end = 0;
  calls.forEach((call, start) => {
    while (end < calls.length && calls[end]!.at < call.at + HOUR) end += 1;
    if (end - start > best.count) best = { from: call.at, to: call.at + HOUR, count: end - start };
  });
  return best;
}

export async function run(options: { counters?: number; tickets?: number; seed?: number } = {}): Promise<BacklogFigures> {
  // 45 citizens a counter, as `npm run simulate` plans a day.
  const counters = options.counters ?? 60;
  const calls = await simulateCalls({ date: '2026-03-09', counters, tickets: options.tickets ?? counters * 45, seed: options.seed ?? 18 });
  const peak = busiestHour(calls);
  const inPeak = (s: Started) => s.call.at >= peak.from && s.call.at < peak.to;
  const vietnamese = (await replayCalls(calls, DEFAULT_VOICE_CONFIG)).filter(inPeak);
  const english = (await replayCalls(calls, { ...DEFAULT_VOICE_CONFIG, english: true })).filter(inPeak);
  const seconds = (s: Started[], p: number) =>
    Math.round(
      percentileMs(
        s.map((x) => x.delayMs),
        p,
      ) / 100,
    ) / 10;
  return {
    name: 'announcement-backlog',
    calls: calls.length,
    recalls: calls.filter((c) => c.recall).length,
    peakCalls: peak.count,
    peakFrom: new Date(peak.from).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }),
    p50Seconds: seconds(vietnamese, 0.5),
    p95Seconds: seconds(vietnamese, 0.95),
    maxSeconds: seconds(vietnamese, 1),
    englishP95Seconds: seconds(english, 0.95),
    briefShare: Math.round((vietnamese.filter((s) => s.delivery.form === 'brief').length / Math.max(1, vietnamese.length)) * 100) / 100,
    dropped: peak.count - vietnamese.length,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await run());
  process.exit(0);
}
