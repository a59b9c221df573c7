import type { MotcuaServer } from './create-server.ts';
import { logger } from './log.ts';

const log = logger('serve');

/** Builds one server for the port; `restart` asks for it to be replaced by a new one. */
export type ServerBuild = (port: number, restart: () => void) => Promise<MotcuaServer>;

export type RestartOutcome = { ok: true; server: MotcuaServer } | { ok: false; error: unknown };

export interface ServedInPlace {
  /** The server serving now (a new one after each restart). */
  readonly current: MotcuaServer;
  readonly port: number;
  /** Called after each restart, with the new server or why there is none. */
  onRestart(listener: (outcome: RestartOutcome) => void): () => void;
  /** Stops the current server (and waits for a restart under way first). */
  close(): Promise<void>;
}

/**
 * Runs a server that can be rebuilt in place: the running one stops (every write finished, the
 * port freed) and a new one is built from the data directory and listens on the same port, in
 * the same process. A confirmed restore takes effect this way at once; screens see a short
 * disconnection and reconnect on their own. The data directory's lock is the process's (the
 * caller's `build` hands it to each server) and is never let go in between.
 */
export async function serveInPlace(build: ServerBuild, port: number): Promise<ServedInPlace> {
  const listeners = new Set<(outcome: RestartOutcome) => void>();
  let restarting: Promise<void> | null = null;
  let closed = false;
  const restart = () => {
    if (restarting || closed) return;
    restarting = (async () => {
      log.info('restarting in place', { port });
      let outcome: RestartOutcome;
      try {
        await current.stop();
        const next = await build(port, restart);
        await next.listen();
        current = next;
        outcome = { ok: true, server: next };
      } catch (error) {
        log.error('restart failed', { error });
        outcome = { ok: false, error };
      }
      restarting = null;
      for (const l of listeners) l(outcome);
    })();
  };
  let current = await build(port, restart);
  const listening = await current.listen();
  // Port 0 picks a free port once; the next servers take the same one, where the screens are.
  port = listening;
  return {
    get current() {
      return current;
    },
    port: listening,
    onRestart(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      while (restarting) await restarting;
      await current.close();
    },
  };
}
