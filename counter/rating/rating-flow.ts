import type { RatingRequest } from '../../protocol/views.ts';

/** How long the faces stay up waiting for a tap, as the design asks ("about 30 s"). */
export const ASK_MS = 30_000;
/** How long the thanks (or a refusal) stays before the idle screen returns. */
export const THANKS_MS = 6_000;

/** What the tablet shows; `until` is when it gives up and goes back to idle (local clock). */
export type RatingScreen =
  | { kind: 'idle' }
  | { kind: 'asking'; request: RatingRequest; until: number }
  | { kind: 'reason'; request: RatingRequest; level: number; until: number }
  | { kind: 'sending'; request: RatingRequest; level: number; reason: string | null }
  | { kind: 'thanks'; until: number }
  | { kind: 'refused'; message: string; until: number };

export type RatingEvent =
  | { type: 'requested'; request: RatingRequest; now: number }
  | { type: 'chose'; level: number; now: number }
  | { type: 'reason'; reason: string | null; now: number }
  /** The clerk undid that finish: the citizen is back at the counter, nothing to rate. */
  | { type: 'withdrawn'; ticketId: string }
  | { type: 'sent'; now: number }
  | { type: 'refused'; message: string; now: number }
  | { type: 'tick'; now: number };

/** A rating low enough to ask why: the bottom face, or one or two stars. */
export function isLowRating(level: number, scale: 3 | 5): boolean {
  return scale === 3 ? level === 1 : level <= 2;
}

/** The tablet's screen after an event. One rating per ticket: a choice is taken only while asking. */
export function stepRating(screen: RatingScreen, event: RatingEvent): RatingScreen {
  switch (event.type) {
    case 'requested':
      // Never interrupt a rating on its way to the server; a repeat of the same ticket changes nothing.
      if (screen.kind === 'sending') return screen;
      if ((screen.kind === 'asking' || screen.kind === 'reason') && screen.request.ticketId === event.request.ticketId) return screen;
      return { kind: 'asking', request: event.request, until: event.now + ASK_MS };
    case 'chose':
      if (screen.kind !== 'asking' || event.level < 1 || event.level > screen.request.scale) return screen;
      if (isLowRating(event.level, screen.request.scale))
        return { kind: 'reason', request: screen.request, level: event.level, until: event.now + ASK_MS };
      return { kind: 'sending', request: screen.request, level: event.level, reason: null };
    case 'reason':
      if (screen.kind !== 'reason') return screen;
      return { kind: 'sending', request: screen.request, level: screen.level, reason: event.reason };
    case 'withdrawn':
      return (screen.kind === 'asking' || screen.kind === 'reason') && screen.request.ticketId === event.ticketId
        ? { kind: 'idle' }
        : screen;
    case 'sent':
      return screen.kind === 'sending' ? { kind: 'thanks', until: event.now + THANKS_MS } : screen;
    case 'refused':
      return screen.kind === 'sending' ? { kind: 'refused', message: event.message, until: event.now + THANKS_MS } : screen;
    case 'tick':
      return 'until' in screen && event.now >= screen.until ? { kind: 'idle' } : screen;
  }
}
