import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Result, ResultError } from '../protocol/result.ts';
import { LatestCall } from './latest-call.ts';

export interface LoadedResult<T> {
  data: T | null;
  error: ResultError | null;
  reload: () => Promise<void>;
}

/**
 * The result of a GET call as page state, for the staff apps (the centre's admin and the
 * province's): loaded at once and again on `reload` after a change, every `everyMs` when given.
 * `load` null loads nothing. Callers pass a fresh closure every render, so the call is known by
 * `key` (its route and arguments): a new key loads again, a new closure alone does not.
 */
export function useLoadedResult<T>(load: (() => Promise<Result<T>>) | null, key: string, everyMs?: number): LoadedResult<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ResultError | null>(null);
  const latest = useRef(load);
  latest.current = load;
  const calls = useRef(new LatestCall());
  const active = load !== null;
  const reload = useCallback(async () => {
    const call = latest.current;
    if (!call) return;
    const current = calls.current.begin();
    const r = await call();
    // An earlier call (other arguments, an older reload) answering after a later one is dropped.
    if (!current()) return;
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
  }, [key, active]);
  useEffect(() => {
    void reload();
    if (!everyMs) return;
    const timer = setInterval(() => void reload(), everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return { data, error, reload };
}
