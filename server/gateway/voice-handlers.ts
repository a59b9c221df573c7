import type { CommandHandlers } from './handle.ts';

/**
 * Boards report their sound (on, blocked, failing) and what their voice worked around, so a
 * silent board shows on the admin's health page instead of only in its own console. A report
 * replaces the connection's previous one and lives as long as the connection; it is listed only
 * while the connection is a board (subscribed to the display room), whichever came first.
 */
export const voiceHandlers = {
  'display:voice': ({ socket, ctx, payload }) => {
    socket.data.voice = { report: payload, at: ctx.clock.now() };
    return { ok: true, value: null };
  },
} satisfies Partial<CommandHandlers>;
