import type { AppContext } from '../app/context.ts';
import type { GatewayServer } from './socket-types.ts';

/**
 * How often the signed-in connections are checked against their sessions. A check is a hash and
 * a lookup per connection of a person (clerks and admins, not screens), so it can be frequent.
 */
const sweepEveryMs = 2000;

/**
 * Ends the connections whose session is over: expired (sessions last 14 hours, on the monotonic
 * clock) or ended (signed out, password reset, account disabled). A socket is let in once at its
 * handshake; without this it would keep acting as its clerk for as long as it stays connected
 * (issue 14: a console still acted 20 hours after sign-in). The client reconnects as public.
 * Connected devices are in touch all along: their last contact is kept current, so a server
 * stopped without their disconnects does not remember them as silent since they connected.
 */
export function startSessionSweep(io: GatewayServer, ctx: AppContext): () => void {
  const timer = setInterval(() => {
    for (const socket of io.sockets.sockets.values()) {
      const token = socket.data.session;
      if (token !== null && ctx.auth.sessionUser(token) === null) socket.disconnect(true);
      const p = socket.data.principal;
      if (p.role === 'device') ctx.auth.touchDevice(p.device.id);
    }
  }, sweepEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
