/**
 * What the announcement queue plays through. The queue never touches Web Audio or speech
 * synthesis itself, so tests drive it with a fake sink and the display picks the real one.
 */
import type { ClipId } from '../../protocol/voice/clip-id.ts';
import type { SpokenSentence } from './announcement.ts';

/** Which clip set a clip comes from: a generated voice (`'vi'`, …) or the centre's recorded pack (`'recorded'`). */
export type ClipSourceId = string;

/** One step of a pass: a clip of one source, or a silence. */
export type PlayStep = { kind: 'clip'; clipId: ClipId; source: ClipSourceId } | { kind: 'pause'; ms: number };

/** One pass of an announcement: chime (when wanted), sentences and pauses, in order, and the sentences they say. */
export interface Playable {
  steps: readonly PlayStep[];
  sentences: readonly SpokenSentence[];
}

/** How to play one {@link Playable}. */
export interface PlayOptions {
  /** Output volume from 0 to 1. */
  volume: number;
}

/** An audio output that plays one thing at a time. */
export interface AudioSink {
  /** Plays `item` to its end; rejects when it cannot be played. Resolves early after {@link stop}. */
  play(item: Playable, options: PlayOptions): Promise<void>;
  /** Cuts off whatever is playing. */
  stop(): void;
}

/** How long a pass lasts: its clips (`clipMs` gives each one's length) and its pauses. */
export function passDurationMs(item: Playable, clipMs: (source: ClipSourceId, id: ClipId) => number): number {
  return item.steps.reduce((sum, step) => sum + (step.kind === 'pause' ? step.ms : clipMs(step.source, step.clipId)), 0);
}

/** The clips of a pass, in order. */
export function clipsOf(item: Playable): ClipId[] {
  return item.steps.flatMap((step) => (step.kind === 'clip' ? [step.clipId] : []));
}

/** The browser has not allowed audio yet (autoplay policy); a user gesture must unlock it. */
export class SoundBlockedError extends Error {
  constructor() {
    super('audio is blocked until the user interacts with the page');
    this.name = 'SoundBlockedError';
  }
}

/** A clip that its source does not have, or that could not be loaded or decoded. */
export class MissingClipError extends Error {
  constructor(
    readonly clipId: ClipId,
    readonly source: ClipSourceId,
    detail = 'no such clip',
  ) {
    super(`clip "${clipId}" of voice "${source}": ${detail}`);
    this.name = 'MissingClipError';
  }
}
