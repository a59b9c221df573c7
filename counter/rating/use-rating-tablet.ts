import { useEffect, useReducer, useState } from 'preact/hooks';
import type { Connection } from '../../client/connection.ts';
import type { RatingSnapshot } from '../../protocol/views.ts';
import { stepRating, type RatingEvent, type RatingScreen } from './rating-flow.ts';

export interface RatingTablet {
  info: RatingSnapshot | null;
  screen: RatingScreen;
  /** Why the tablet cannot work (not paired for this counter…), translated by the server. */
  problem: string | null;
  choose(level: number): void;
  giveReason(reason: string | null): void;
}

/**
 * Subscribes the tablet to its counter on every (re)connect, turns each finished ticket into a
 * prompt, sends the one rating per ticket and goes back to idle by itself.
 */
export function useRatingTablet(connection: Connection, counterId: number, onUnpaired: () => void): RatingTablet {
  const [info, setInfo] = useState<RatingSnapshot | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [screen, dispatch] = useReducer<RatingScreen, RatingEvent>(stepRating, { kind: 'idle' });

  useEffect(() => {
    const socket = connection.socket;
    const onRequest = (request: RatingSnapshot['pending']) => request && dispatch({ type: 'requested', request, now: Date.now() });
    const onWithdrawn = ({ ticketId }: { ticketId: string }) => dispatch({ type: 'withdrawn', ticketId });
    socket.on('rating:requested', onRequest);
    socket.on('rating:withdrawn', onWithdrawn);
    const off = connection.onOnline(() => {
      void connection.command('rating:subscribe', { counterId }).then((r) => {
        if (!r.ok) {
          if (r.error.code === 'unauthenticated') onUnpaired();
          else if (r.error.code !== 'offline') setProblem(r.error.message);
          return;
        }
        setProblem(null);
        setInfo(r.value);
        onRequest(r.value.pending);
      });
    });
    const timer = setInterval(() => dispatch({ type: 'tick', now: Date.now() }), 1000);
    return () => {
      socket.off('rating:requested', onRequest);
      socket.off('rating:withdrawn', onWithdrawn);
      off();
      clearInterval(timer);
    };
  }, [connection, counterId]);

  useEffect(() => {
    if (screen.kind !== 'sending') return;
    void connection
      .command('ticket:rate', { ticketId: screen.request.ticketId, level: screen.level, reason: screen.reason })
      .then((r) => dispatch(r.ok ? { type: 'sent', now: Date.now() } : { type: 'refused', message: r.error.message, now: Date.now() }));
  }, [screen]);

  return {
    info,
    screen,
    problem,
    choose: (level) => dispatch({ type: 'chose', level, now: Date.now() }),
    giveReason: (reason) => dispatch({ type: 'reason', reason, now: Date.now() }),
  };
}
