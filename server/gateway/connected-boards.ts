import type { BoardHealthView } from '../../protocol/voice/board-report.ts';
import type { GatewayServer } from './socket-types.ts';

/**
 * The boards connected now, with the last report of each about its voice: the admin's health
 * page shows from these whether every board's sound is on, blocked or failing. A board that
 * never reported (an old build, or one still starting) is not listed.
 */
export function connectedBoards(io: GatewayServer): BoardHealthView[] {
  const boards = new Map<string, BoardHealthView>();
  for (const socket of io.sockets.sockets.values()) {
    const voice = socket.data.voice;
    if (voice === null || !socket.rooms.has('display')) continue;
    const principal = socket.data.principal;
    const view: BoardHealthView = {
      ...voice.report,
      deviceName: principal.role === 'device' ? principal.device.name : null,
      connectedAt: socket.data.connectedAt,
      reportedAt: voice.at,
    };
    // The same screen on two connections for a moment (a reload): the newer report counts.
    const earlier = boards.get(view.board);
    if (!earlier || earlier.reportedAt <= view.reportedAt) boards.set(view.board, view);
  }
  return [...boards.values()].sort((a, b) => a.page.localeCompare(b.page) || a.board.localeCompare(b.board));
}
