import { io } from 'socket.io-client';
import type { CommandName, CommandReply } from '../protocol/events.ts';
import type { Result } from '../protocol/result.ts';
import { type CommandArgs, type CommandSocket, emitCommand } from './command.ts';
import { APP_BUILD } from './build-id.ts';
import type { BrowserApp } from '../protocol/browser-apps.ts';
import { request } from './http-api.ts';

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
  /** The server's build when it is newer than this page's scripts (an upgrade), else null. */
  upgrade(): string | null;
  /** Called once the server announces a build other than this page's; returns the unsubscribe function. */
  onUpgrade(listener: (build: string) => void): () => void;
  /**
   * Reloads the page to load the server's build. Once per build: if the reloaded page is still
   * older (a cache in between), it stays rather than reloading forever.
   */
  reloadForUpgrade(): void;
  /** Emits a command and resolves with its Result; a timeout becomes an `offline` error. */
  command<E extends CommandName>(event: E, ...args: CommandArgs<E>): Promise<Result<CommandReply<E>>>;
  close(): void;
}

export interface ConnectionOptions {
  /**
   * The app this page is: its connection is authenticated by that app's HttpOnly cookie, which
   * the browser sends with the handshake (without one, or with none stored, it is public).
   */
  app?: BrowserApp;
  lang?: string;
  /**
   * Reload the page as soon as the server reports a new build (wall displays upgrade by
   * themselves). Apps with someone at them reload at a safe moment instead (use-upgrade-reload.ts).
   */
  reloadOnUpgrade?: boolean;
}

/** One Socket.IO connection with automatic reconnection, for every motcua app. */
export function connect(options: ConnectionOptions = {}): Connection {
  const socket: AppSocket = io({
    auth: { ...(options.app && { app: options.app }), lang: options.lang ?? 'vi' },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  let state: ConnectionState = 'connecting';
  // Without a build id written in, the first server this page met stands for its build.
  let build: string | null = APP_BUILD;
  let upgrade: string | null = null;
  const upgradeListeners = new Set<(build: string) => void>();
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
  // The admin gave this device a new token: its claim, redeemed over HTTP, sets the new cookie
  // (the old token stops working once this answers true; the next reconnect sends the new one).
  socket.on('device:token-claim', (claim, stored) => {
    const app = options.app;
    if (!app) return stored(false);
    void request({ app, lang: options.lang ?? 'vi' }, 'claimDeviceToken', { body: { claim } }).then((r) => stored(r.ok));
  });
  const reloadForUpgrade = () => {
    if (upgrade === null) return;
    const key = 'motcua.reloadedFor';
    if (sessionStorage.getItem(key) === upgrade) return;
    sessionStorage.setItem(key, upgrade);
    location.reload();
  };
  socket.on('server:hello', (hello) => {
    build ??= hello.build;
    if (hello.build === build || hello.build === upgrade) return;
    upgrade = hello.build;
    for (const l of upgradeListeners) l(hello.build);
    if (options.reloadOnUpgrade) reloadForUpgrade();
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
    upgrade: () => upgrade,
    onUpgrade(listener) {
      upgradeListeners.add(listener);
      return () => upgradeListeners.delete(listener);
    },
    reloadForUpgrade,
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
