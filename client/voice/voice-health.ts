/**
 * What a board knows about its own voice, kept for the admin's health page: whether its sound
 * is on, blocked or failing, which clip set it speaks with, and what it had to work around.
 * A board never fails silently: this is what its report to the server is made of.
 */
import type { BoardSound, BoardVoiceReport } from '../../protocol/voice/board-report.ts';
import type { AnnouncementOutcome, ClipFailure } from './announcement-queue.ts';
import { SoundBlockedError } from './audio-sink.ts';
import type { VoiceProblem } from './delivery.ts';
import type { SoundStatus } from './sound-gate.ts';

/** What an announcement could not do at all: a label it could not read, an output that failed. */
export interface VoiceFailure {
  code: 'voice:problem.failed';
  detail: string;
}

/** The report without the board's identity. */
export type VoiceHealthReport = Omit<BoardVoiceReport, 'board' | 'page'>;

const KEPT_PROBLEMS = 10;
/** Problems that mean the sound itself is failing, not only that a stand-in was used. */
const FAILING: ReadonlySet<string> = new Set(['voice:problem.clip_failed', 'voice:problem.chime_only', 'voice:problem.failed']);

/** Tracks one board's voice. */
export class VoiceHealth {
  private gate: SoundStatus | 'off' = 'off';
  private failingNow = false;
  private failedThisAnnouncement = false;
  private voice: string | null = null;
  private announced = 0;
  private lastAnnouncedAt: number | null = null;
  private readonly problems = new Map<string, BoardVoiceReport['problems'][number]>();
  private readonly listeners = new Set<() => void>();

  /** `now` gives wall-clock ms, as the admin reads them. */
  constructor(private readonly now: () => number = Date.now) {}

  /** The board's sound now. */
  get sound(): BoardSound {
    if (this.gate === 'off' || this.gate === 'unavailable') return this.gate;
    if (this.gate === 'blocked') return 'blocked';
    return this.failingNow ? 'failing' : 'on';
  }

  /** The autoplay status of the board's audio, or `'off'` for a board that does not speak. */
  setGate(status: SoundStatus | 'off'): void {
    this.gate = status;
    this.changed();
  }

  /** The clip set the board's announcements use first (`recorded`, or a generated voice). */
  setVoice(voice: string): void {
    this.voice = voice;
    this.changed();
  }

  noteProblem(problem: VoiceProblem | ClipFailure | VoiceFailure): void {
    const detail = 'detail' in problem && !('source' in problem) ? problem.detail : describe(problem);
    const key = `${problem.code}\n${detail}`;
    const earlier = this.problems.get(key);
    this.problems.delete(key);
    this.problems.set(key, { code: problem.code, detail: detail.slice(0, 300), count: (earlier?.count ?? 0) + 1, lastAt: this.now() });
    while (this.problems.size > KEPT_PROBLEMS) this.problems.delete(this.problems.keys().next().value!);
    if (FAILING.has(problem.code)) this.failedThisAnnouncement = true;
    this.changed();
  }

  /** How an announcement ended: a played one clears `failing`, unless it needed a stand-in for failing clips. */
  noteOutcome(outcome: AnnouncementOutcome): void {
    if (outcome.status === 'cancelled') return;
    if (outcome.status === 'failed' && !(outcome.error instanceof SoundBlockedError)) {
      this.noteProblem({
        code: 'voice:problem.failed',
        detail: outcome.error instanceof Error ? outcome.error.message : String(outcome.error),
      });
    }
    this.announced += 1;
    this.lastAnnouncedAt = this.now();
    this.failingNow = this.failedThisAnnouncement;
    this.failedThisAnnouncement = false;
    this.changed();
  }

  report(): VoiceHealthReport {
    return {
      sound: this.sound,
      voice: this.voice,
      announced: this.announced,
      lastAnnouncedAt: this.lastAnnouncedAt,
      problems: [...this.problems.values()],
    };
  }

  /** Calls `listener` after every change; returns the function that unsubscribes it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function describe(problem: VoiceProblem | ClipFailure): string {
  const clips = problem.clipIds.join(', ');
  if (problem.code === 'voice:problem.clip_failed') return `${problem.source}: ${clips} (${problem.detail})`;
  if (problem.code === 'voice:problem.substituted') return `${problem.source}: ${clips}`;
  return clips;
}
