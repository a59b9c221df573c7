import type { SeededRandom } from './seeded-random.ts';

/** What happens after a number is called. */
export type CallFate =
  /** The citizen comes up after `recalls` recalls. */
  | { kind: 'comes'; recalls: number }
  /** Nobody comes: the clerk recalls `recalls` times, then marks a no-show. */
  | { kind: 'absent'; recalls: number };

export interface ClerkHabits {
  /** Share of called citizens who never come. */
  noShowShare: number;
  /** Share of those who come only after a recall. */
  lateShare: number;
  /** Share of served citizens sent on to another service. */
  transferShare: number;
  /** Share of served citizens who rate on the tablet. */
  ratingShare: number;
}

export const DEFAULT_HABITS: ClerkHabits = { noShowShare: 0.05, lateShare: 0.08, transferShare: 0.04, ratingShare: 0.6 };

/** Decides whether the called citizen comes, and after how many recalls. */
export function drawCallFate(random: SeededRandom, habits: ClerkHabits, maxRecalls: number): CallFate {
  if (random.chance(habits.noShowShare)) return { kind: 'absent', recalls: Math.min(maxRecalls, random.int(1, 2)) };
  if (random.chance(habits.lateShare)) return { kind: 'comes', recalls: Math.min(maxRecalls, random.int(1, 2)) };
  return { kind: 'comes', recalls: 0 };
}

/** A rating on the tablet: mostly satisfied, some neutral, a few not. */
export function drawRating(random: SeededRandom, scale: 3 | 5): number {
  const x = random.next();
  if (scale === 3) return x < 0.72 ? 3 : x < 0.93 ? 2 : 1;
  return x < 0.55 ? 5 : x < 0.82 ? 4 : x < 0.93 ? 3 : x < 0.97 ? 2 : 1;
}

/** A short break (local minutes after midnight, and its length) outside the lunch pause, or none. */
export function drawShortBreak(random: SeededRandom): { at: number; minutes: number } | null {
  if (!random.chance(0.6)) return null;
  const morning = random.chance(0.5);
  const at = morning ? random.int(9 * 60, 10 * 60 + 45) : random.int(14 * 60, 15 * 60 + 30);
  return { at, minutes: random.int(10, 20) };
}
