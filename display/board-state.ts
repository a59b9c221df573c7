/**
 * The board's state, kept in step by two messages: `ticket:called` (at once, for each call and
 * recall) and `display:snapshot` (the whole truth, after every change and on every reconnect).
 *
 * Pure functions, so the rules are tested without a browser: which call is featured, how a
 * recall moves back to the top, and which calls the voice must speak — each call exactly once,
 * including calls made while the board was disconnected, but never the old ones a freshly
 * opened board finds in its first snapshot.
 */
import type { CallView, DisplaySnapshot } from '../protocol/views.ts';

/** How many calls a board keeps: the featured one and the history below it. */
export const BOARD_HISTORY = 8;
/** Calls missed while disconnected are still announced if they are at most this old. Defaults used by the app. */
export const MISSED_CALL_MAX_AGE_MS = 60_000;
/** How many call keys are remembered to avoid speaking a call twice; far more than a snapshot holds. */
const SEEN_LIMIT = 200;

export interface BoardState {
  /** The filtered snapshot as last known, with live calls applied; `null` until the first one. */
  board: DisplaySnapshot | null;
  /** Whether a first snapshot arrived (its calls are history, not news). */
  synced: boolean;
  /** Keys ({@link callKey}) of calls already announced or found on the board at start. */
  seen: readonly string[];
  /** Key of the newest call that arrived as news; the featured call is highlighted while it is this one. */
  freshKey: string | null;
}

/** What the app does after an update: show `state`, speak `announce` in order. */
export interface BoardUpdate {
  state: BoardState;
  announce: CallView[];
}

export const initialBoardState: BoardState = { board: null, synced: false, seen: [], freshKey: null };

/** One call or recall: the same ticket recalled later is a new key. */
export function callKey(call: Pick<CallView, 'ticketId' | 'at'>): string {
  return `${call.ticketId}@${call.at}`;
}

const remember = (seen: readonly string[], keys: string[]): string[] => [...seen, ...keys].slice(-SEEN_LIMIT);

/** A live `ticket:called` that the board shows (already filtered). */
export function applyCall(state: BoardState, call: CallView): BoardUpdate {
  const key = callKey(call);
  if (state.seen.includes(key)) return { state, announce: [] };
  const board = state.board && {
    ...state.board,
    calls: [call, ...state.board.calls.filter((c) => c.ticketId !== call.ticketId)].slice(0, BOARD_HISTORY),
    counters: state.board.counters.map((c) => (c.id === call.counterId ? { ...c, currentLabel: call.label } : c)),
  };
  return { state: { ...state, board, seen: remember(state.seen, [key]), freshKey: key }, announce: [call] };
}

/**
 * A snapshot (already filtered). After the first, calls it holds that the board never heard of
 * were made while it was offline: they are announced, oldest first, if still recent.
 */
export function applySnapshot(state: BoardState, snapshot: DisplaySnapshot, missedMaxAgeMs = MISSED_CALL_MAX_AGE_MS): BoardUpdate {
  const unseen = snapshot.calls.filter((call) => !state.seen.includes(callKey(call)));
  const announce = state.synced ? unseen.filter((call) => snapshot.serverTime - call.at <= missedMaxAgeMs).reverse() : [];
  const newest = announce.at(-1);
  return {
    state: {
      board: snapshot,
      synced: true,
      seen: remember(state.seen, unseen.map(callKey)),
      freshKey: newest ? callKey(newest) : state.freshKey,
    },
    announce,
  };
}
