import { io } from 'socket.io-client';
import type { CommandName, CommandReply } from '../protocol/events.ts';
import type { Result } from '../protocol/result.ts';
import { type CommandArgs, type CommandSocket, emitCommand } from './command.ts';

export type AppSocket = CommandSocket;
export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface Connection {
  socket: AppSocket;
  state(): ConnectionState;
  /** Called with every state change; returns the unsubscribe function. */
  onState(listener: (state: ConnectionState) => void): () => void;
  /**
   * Runs `subscribe` on every (re)connect: the server answers a subscription with the full
   * snapshot, so a screen that missed messages repairs itself.
   */
  onOnline(subscribe: () => void): () => void;
  /** Emits a command and resolves with its Result; a timeout becomes an `offline` error. */
  command<E extends CommandName>(event: E, ...args: CommandArgs<E>): Promise<Result<CommandReply<E>>>;
  close(): void;
}

export interface ConnectionOptions {
  token?: string | null;
  lang?: string;
  /** Reload the page when the server reports a new build (wall displays upgrade by themselves). */
  reloadOnUpgrade?: boolean;
}

/** One Socket.IO connection with automatic reconnection, for every motcua app. */
export function connect(options: ConnectionOptions = {}): Connection {
  const socket: AppSocket = io({
    auth: { ...(options.token && { token: options.token }), lang: options.lang ?? 'vi' },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  let state: ConnectionState = 'connecting';
  let build: string | null = null;
  const stateListeners = new Set<(s: ConnectionState) => void>();
  const onlineListeners = new Set<() => void>();
  const set = (s: ConnectionState) => {
    state = s;
    for (const l of stateListeners) l(s);
  };
  socket.on('connect', () => {
    set('online');
    for (const l of onlineListeners) l();
  });
  socket.on('disconnect', (reason) => {
    set('offline');
    // A server shutting down (restart, upgrade) disconnects every socket on purpose, and
    // socket.io leaves reconnecting after that to the app; without this, screens stayed offline.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', () => set('offline'));
  socket.on('server:hello', (hello) => {
    if (options.reloadOnUpgrade && build !== null && hello.build !== build) location.reload();
    build = hello.build;
  });
  return {
    socket,
    state: () => state,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onOnline(subscribe) {
      onlineListeners.add(subscribe);
      if (socket.connected) subscribe();
      return () => onlineListeners.delete(subscribe);
    },
    async command(event, ...args) {
      try {
        return await emitCommand(socket, 8000, event, ...args);
      } catch {
        return { ok: false, error: { code: 'offline', message: 'offline' } };
      }
    },
    close: () => socket.close(),
  };
}
