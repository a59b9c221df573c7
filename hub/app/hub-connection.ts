import { io, type Socket } from 'socket.io-client';
import type { ConnectionState } from '../../client/connection.ts';
import { hubApp } from '../../protocol/browser-apps.ts';
import type { HubSnapshot } from '../../protocol/hub/centres.ts';
import type { HubClientToServerEvents, HubServerToClientEvents } from '../../protocol/hub/hub-events.ts';
import type { Result } from '../../protocol/result.ts';

/** The province app's live link to the hub: the status board's subscription, healed on every reconnect. */
export interface HubConnection {
  state(): ConnectionState;
  onState(listener: (state: ConnectionState) => void): () => void;
  /** Calls `onSnapshot` with the board on every (re)connect and with each change pushed. */
  watch(onSnapshot: (s: HubSnapshot) => void, onRefused: (message: string) => void): () => void;
  close(): void;
}

/** Authenticated by the hub app's HttpOnly cookie, which the browser sends with the handshake. */
export function connectHub(lang: string): HubConnection {
  const socket: Socket<HubServerToClientEvents, HubClientToServerEvents> = io({
    auth: { app: hubApp, lang },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  let state: ConnectionState = 'connecting';
  const listeners = new Set<(s: ConnectionState) => void>();
  const set = (s: ConnectionState) => {
    state = s;
    for (const l of listeners) l(s);
  };
  socket.on('connect', () => set('online'));
  socket.on('connect_error', () => set('offline'));
  socket.on('disconnect', (reason) => {
    set('offline');
    // A hub that shut down on purpose leaves reconnecting to the client.
    if (reason === 'io server disconnect') socket.connect();
  });
  return {
    state: () => state,
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    watch(onSnapshot, onRefused) {
      const subscribe = () =>
        socket
          .timeout(8000)
          .emitWithAck('hub:subscribe')
          .then(
            (r: Result<HubSnapshot>) => (r.ok ? onSnapshot(r.value) : onRefused(r.error.message)),
            () => undefined,
          );
      socket.on('hub:snapshot', onSnapshot);
      socket.on('connect', subscribe);
      if (socket.connected) void subscribe();
      return () => {
        socket.off('hub:snapshot', onSnapshot);
        socket.off('connect', subscribe);
      };
    },
    close: () => socket.close(),
  };
}
