import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CommandArgs } from '../../client/command.ts';
import type { Connection } from '../../client/connection.ts';
import type { CounterCommandEvent } from '../../protocol/events.ts';
import type { CounterSnapshot } from '../../protocol/views.ts';
import { consoleId } from './console-id.ts';

export interface CounterSession {
  snapshot: CounterSnapshot | null;
  /** Server clock minus this machine's clock, so live timers count on the server's time. */
  clockOffsetMs: number;
  /** When (this machine's `Date.now()`) the snapshot arrived: Undo's time left counts from it. */
  receivedAt: number;
  /** The last refusal, already translated by the server; cleared by the next success. */
  error: string | null;
  /** True while a command is on its way: a second press is ignored, so nobody is called twice. */
  busy: boolean;
  /** Sends a command for this counter; false when it was refused (the error says why) or is already busy. */
  run<E extends CounterCommandEvent>(event: E, ...args: CommandArgs<E>): Promise<boolean>;
  /** Takes the counter over from the console holding it, after the clerk confirmed. */
  takeOver(): Promise<boolean>;
  /** Shows a message of the console's own (a scan without a citizen at the counter). */
  showError(message: string): void;
  dismissError(): void;
}

/**
 * Joins the counter on every (re)connect and keeps its latest snapshot: from acks and from the
 * server's pushes alike (another console or a call button on the same counter), newest wins.
 */
export function useCounterSession(
  connection: Connection,
  counterId: number,
  offlineText: string,
  onUnauthenticated: () => void,
): CounterSession {
  const [snapshot, setSnapshot] = useState<CounterSnapshot | null>(null);
  const [clockOffsetMs, setOffset] = useState(0);
  const [receivedAt, setReceivedAt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const latest = useRef(Number.NEGATIVE_INFINITY);

  const apply = useCallback((s: CounterSnapshot) => {
    if (s.viewAt < latest.current) return;
    latest.current = s.viewAt;
    setSnapshot(s);
    setReceivedAt(Date.now());
    setOffset(s.serverTime - Date.now());
  }, []);

  useEffect(() => {
    const socket = connection.socket;
    socket.on('counter:snapshot', apply);
    const off = connection.onOnline(() => {
      // A new connection may be to a restarted server, whose monotonic clock started again.
      latest.current = Number.NEGATIVE_INFINITY;
      void connection.command('counter:join', { counterId, consoleId: consoleId() }).then((r) => {
        if (r.ok) {
          apply(r.value);
          setError(null);
        } else if (r.error.code === 'unauthenticated') onUnauthenticated();
        else setError(r.error.code === 'offline' ? offlineText : r.error.message);
      });
    });
    return () => {
      socket.off('counter:snapshot', apply);
      off();
    };
  }, [connection, counterId]);

  const run = useCallback(
    async <E extends CounterCommandEvent>(event: E, ...args: CommandArgs<E>) => {
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy(true);
      const r = await connection.command(event, ...args);
      busyRef.current = false;
      setBusy(false);
      if (r.ok) {
        apply(r.value);
        setError(null);
        return true;
      }
      if (r.error.code === 'unauthenticated') onUnauthenticated();
      setError(r.error.code === 'offline' ? offlineText : r.error.message);
      return false;
    },
    [connection, counterId],
  );

  return {
    snapshot,
    clockOffsetMs,
    receivedAt,
    error,
    busy,
    run,
    takeOver: () => run('counter:take-over', { counterId, consoleId: consoleId() }),
    showError: setError,
    dismissError: () => setError(null),
  };
}
