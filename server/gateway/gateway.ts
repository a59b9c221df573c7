import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { actorOf, resolvePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../app/context.ts';
import { isBudgeted } from '../app/limits.ts';
import { pickLang } from '../i18n.ts';
import { tokenOf } from '../http/credential.ts';
import { handshakeCredential } from '../http/request-credential.ts';
import { startBroadcasting } from './broadcaster.ts';
import { counterHandlers } from './counter-handlers.ts';
import { type CommandHandlers, handleCommands } from './handle.ts';
import { ratingHandlers } from './rating-handlers.ts';
import { startSessionSweep } from './session-sweep.ts';
import type { GatewayServer } from './socket-types.ts';
import { ticketHandlers } from './ticket-handlers.ts';
import { viewHandlers } from './view-handlers.ts';
import { voiceHandlers } from './voice-handlers.ts';

/** One handler per command, one module per feature. */
const handlers: CommandHandlers = { ...viewHandlers, ...voiceHandlers, ...ticketHandlers, ...counterHandlers, ...ratingHandlers };

/**
 * The Socket.IO side. A connection's role comes from the token in its handshake (a paired
 * device's or a signed-in user's: `auth.token`, else the cookie of the browser app named in
 * `auth.app`); without one it is public and may only read public views.
 */
export function createGateway(httpServer: HttpServer, ctx: AppContext): { io: GatewayServer; close(): Promise<void> } {
  const io: GatewayServer = new Server(httpServer, {
    // Commands are small; a client sending megabytes is not one of ours.
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
    connectionStateRecovery: undefined,
  });
  io.use((socket, next) => {
    const auth = socket.handshake.auth as Record<string, unknown>;
    const origin = ctx.addresses.origin(socket.conn.remoteAddress, socket.handshake.headers, socket.handshake.secure);
    const credential = handshakeCredential(auth, socket.handshake.headers);
    if (credential === 'cross_site') return next(Object.assign(new Error('cross_site'), { data: { code: 'cross_site' } }));
    const token = tokenOf(credential);
    socket.data.principal = resolvePrincipal(ctx.auth, token);
    socket.data.session = socket.data.principal.role === 'user' ? (token ?? null) : null;
    socket.data.cookieApp = credential.via === 'cookie' ? credential.app : null;
    // A new connection costs as much as a request: counted against its address, like HTTP.
    const wait = isBudgeted(socket.data.principal) ? ctx.guards.perAddress.take(origin.address) : 0;
    if (wait > 0) return next(Object.assign(new Error('too_many_requests'), { data: { code: 'too_many_requests', seconds: wait } }));
    socket.data.address = origin.address;
    socket.data.refusedInRow = 0;
    socket.data.lang = pickLang(auth.lang ?? socket.handshake.headers['accept-language']);
    socket.data.counterId = null;
    socket.data.consoleId = null;
    socket.data.following = new Set();
    socket.data.connectedAt = ctx.clock.now();
    socket.data.voice = null;
    next();
  });
  io.on('connection', (socket) => {
    socket.emit('server:hello', { build: ctx.build, serverTime: ctx.clock.now() });
    handleCommands(socket, ctx, handlers);
    socket.on('disconnect', () => {
      ctx.guards.perConnection.forget(socket.id);
      // A device connected for weeks was in touch all along: its last contact is when it left.
      const p = socket.data.principal;
      if (p.role === 'device') ctx.auth.touchDevice(p.device.id);
    });
  });
  const stopBroadcasting = startBroadcasting(io, ctx);
  const stopSweeping = startSessionSweep(io, ctx);
  // A socket keeps the principal it connected with, so when a user's sessions end (password
  // reset, account disabled) or a device is revoked, its live sockets are closed; clients
  // reconnect as public.
  const stopRevoking = ctx.auth.onAccessEnded((ended) => {
    for (const socket of io.sockets.sockets.values()) {
      const actor = actorOf(socket.data.principal);
      if (actor.kind === ended.kind && actor.id === ended.id) socket.disconnect(true);
    }
  });
  return {
    io,
    close: async () => {
      stopBroadcasting();
      stopRevoking();
      stopSweeping();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
