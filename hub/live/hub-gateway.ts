import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { HubSnapshot } from '../../protocol/hub/centres.ts';
import type { HubClientToServerEvents, HubServerToClientEvents } from '../../protocol/hub/hub-events.ts';
import { handshakeAmong, tokenOf } from '../../server/http/credential.ts';
import { pickLang } from '../../server/i18n.ts';
import { hubApps } from '../http/hub-http.ts';
import type { HubContext } from '../hub-context.ts';
import type { HubUser } from '../store/hub-users.ts';

interface SocketData {
  user: HubUser | null;
  /** The session it was let in with, checked again by the sweep. */
  session: string | null;
}

export type HubIo = Server<HubClientToServerEvents, HubServerToClientEvents, Record<string, never>, SocketData>;

const provinceRoom = 'province';
const centreRoom = (code: string) => `centre:${code}`;

/**
 * The status board over Socket.IO: a signed-in person subscribes and gets the snapshot their role
 * may see, then every change. Rooms are per province and per centre, so with a Socket.IO adapter
 * (PostgreSQL or Redis) several hub processes reach everyone (docs/hub.md, "Growing past one hub").
 */
function onlyCentre(snapshot: HubSnapshot, code: string): HubSnapshot {
  return { ...snapshot, centres: snapshot.centres.filter((c) => c.code === code) };
}

export function createHubGateway(http: HttpServer, ctx: HubContext): { io: HubIo; close(): Promise<void> } {
  const io: HubIo = new Server(http, { serveClient: false, cors: { origin: false } });
  // A person's session: `auth.token`, else the hub app's cookie when `auth.app` names it. A
  // handshake from another site's page that would use the cookie is refused (WebSockets are
  // not held back by CORS).
  io.use((socket, next) => {
    const credential = handshakeAmong((socket.handshake.auth ?? {}) as Record<string, unknown>, socket.handshake.headers, hubApps);
    socket.data.user = null;
    socket.data.session = null;
    if (credential === 'cross_site') return next(Object.assign(new Error('cross_site'), { data: { code: 'cross_site' } }));
    const token = tokenOf(credential);
    if (token === undefined || !token.startsWith('ses_')) return next();
    ctx.users.sessionUser(token, ctx.clock()).then(
      (user) => {
        socket.data.user = user;
        socket.data.session = user ? token : null;
        next();
      },
      () => next(new Error('store_unavailable')),
    );
  });
  io.on('connection', (socket) => {
    const lang = pickLang(socket.handshake.auth?.lang);
    socket.on('hub:subscribe', (ack) => {
      if (typeof ack !== 'function') return;
      const user = socket.data.user;
      if (!user) {
        ack({ ok: false, error: { code: 'unauthenticated', message: ctx.translator.message(lang, 'unauthenticated') } });
        return;
      }
      const only = user.role === 'province_admin' ? null : (user.centreCode ?? '');
      void socket.join(only === null ? provinceRoom : centreRoom(only));
      ctx.live.snapshot().then(
        (snapshot) => ack({ ok: true, value: only === null ? snapshot : onlyCentre(snapshot, only) }),
        () => ack({ ok: false, error: { code: 'store_unavailable', message: ctx.translator.message(lang, 'store_unavailable') } }),
      );
    });
  });
  // Emitted to every room whether or not this process holds its sockets: behind a Socket.IO
  // adapter the people watching may be connected to another hub process.
  ctx.live.attach((snapshot) => {
    io.to(provinceRoom).emit('hub:snapshot', snapshot);
    for (const c of snapshot.centres) io.to(centreRoom(c.code)).emit('hub:snapshot', onlyCentre(snapshot, c.code));
  });
  const stopSweeping = startSessionSweep(io, ctx);
  return {
    io,
    close: () => {
      stopSweeping();
      return new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
}

/** How often live connections are checked against their sessions: one query for all of them. */
const sweepEveryMs = 5000;

/**
 * Ends the connections whose session is over (signed out, expired, account disabled). A socket
 * is let in once, at its handshake; without this it would go on getting the board as its person
 * for as long as it stays connected. The app connects again and is asked to sign in.
 */
function startSessionSweep(io: HubIo, ctx: HubContext): () => void {
  let checking = false;
  const timer = setInterval(() => {
    const signedIn = [...io.sockets.sockets.values()].filter((s) => s.data.session !== null);
    if (checking || signedIn.length === 0) return;
    checking = true;
    ctx.users
      .liveSessions(
        signedIn.map((s) => s.data.session!),
        ctx.clock(),
      )
      .then(
        (live) => {
          for (const s of signedIn) if (!live.has(s.data.session!)) s.disconnect(true);
        },
        // The database is away: nobody is let go on a guess; the next sweep asks again.
        () => undefined,
      )
      .finally(() => {
        checking = false;
      });
  }, sweepEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
