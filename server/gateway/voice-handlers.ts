import { BoardVoiceReportPayload } from '../../protocol/voice/board-report.ts';
import type { AppContext } from '../app/context.ts';
import { parsePayload } from '../app/results.ts';
import { handle, refuse } from './handle.ts';
import type { GatewaySocket } from './socket-types.ts';

/**
 * Boards report their sound (on, blocked, failing) and what their voice worked around, so a
 * silent board shows on the admin's health page instead of only in its own console. A report
 * replaces the connection's previous one and lives as long as the connection; it is listed only
 * while the connection is a board (subscribed to the display room), whichever came first.
 */
export function registerVoiceHandlers(socket: GatewaySocket, ctx: AppContext): void {
  handle(socket, ctx, 'display:voice', (payload) => {
    const p = parsePayload(BoardVoiceReportPayload, payload);
    if (!p.ok) return refuse(ctx, socket, p.refusal.code, p.refusal.params);
    socket.data.voice = { report: p.value, at: ctx.clock() };
    return { ok: true, value: null };
  });
}
