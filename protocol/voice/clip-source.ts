/**
 * A set of clips a board can play: a generated voice shipped with the apps, or the centre's
 * recorded pack. Clip choice and the sentence check only ask whether a set has a clip.
 */
import type { ClipId } from './clip-id.ts';

/** A set of clips, named by its id (`'vi'`, `'vi-vn-x-south'`, …, or {@link RECORDED_SOURCE}). */
export interface ClipSource {
  id: string;
  has(clipId: ClipId): boolean;
}

/** The clip source id of the centre's recorded pack. */
export const RECORDED_SOURCE = 'recorded';
