/**
 * What the announcement queue plays through. The queue never touches Web Audio or speech
 * synthesis itself, so tests drive it with a fake sink and the display picks the real one.
 */
import type { ClipId } from '../../protocol/voice/clip-id.ts';
import type { SpokenSentence } from './announcement.ts';

/** One pass of an announcement: clips in order (the chime first when it is wanted) and the sentences they say. */
export interface Playable {
  clipIds: readonly ClipId[];
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

/** The browser has not allowed audio yet (autoplay policy); a user gesture must unlock it. */
export class SoundBlockedError extends Error {
  constructor() {
    super('audio is blocked until the user interacts with the page');
    this.name = 'SoundBlockedError';
  }
}

/** A clip id that the voice's manifest does not have (a custom template without regenerated clips). */
export class MissingClipError extends Error {
  constructor(readonly clipId: ClipId) {
    super(`no audio clip for "${clipId}"`);
    this.name = 'MissingClipError';
  }
}
