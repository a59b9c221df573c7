/**
 * Tells the server how this board's voice is doing (`display:voice`), on every (re)connect and
 * shortly after every change, so the admin's health page shows a board whose sound is blocked
 * or failing. The board's id is kept in its storage: a reload is the same board.
 */
import type { Connection } from '../client/connection.ts';
import type { VoiceHealth } from '../client/voice/voice-health.ts';

const BOARD_ID_KEY = 'motcua.display.boardId';
/** Changes in quick succession (a burst of calls) make one report. */
const REPORT_DELAY_MS = 500;

function boardId(storage: Pick<Storage, 'getItem' | 'setItem'> | null): string {
  const kept = storage?.getItem(BOARD_ID_KEY);
  if (kept && /^[A-Za-z0-9_-]{8,40}$/.test(kept)) return kept;
  // Not crypto.randomUUID(): the lobby screens include Chromium 69, which lacks it.
  const made = [...crypto.getRandomValues(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, '0')).join('');
  storage?.setItem(BOARD_ID_KEY, made);
  return made;
}

function localStorageOrNull(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can throw on access (privacy settings): the board is then new after every reload.
    return null;
  }
}

/** Starts reporting `health` for the board at `page`; returns the function that stops it. */
export function startBoardReport(connection: Connection, health: VoiceHealth, page: string): () => void {
  const board = boardId(localStorageOrNull());
  const send = (): void => void connection.command('display:voice', { board, page, ...health.report() });
  let timer: ReturnType<typeof setTimeout> | null = null;
  const offHealth = health.subscribe(() => {
    timer ??= setTimeout(() => {
      timer = null;
      send();
    }, REPORT_DELAY_MS);
  });
  const offOnline = connection.onOnline(send);
  return () => {
    offHealth();
    offOnline();
    if (timer) clearTimeout(timer);
  };
}
