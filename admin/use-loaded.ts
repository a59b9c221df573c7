import { useCallback, useEffect, useState } from 'preact/hooks';
import type { JsonRouteName, RouteCallArgs, RouteReply } from '../protocol/routes.ts';
import type { ApiError } from './admin-api.ts';
import { useAdmin } from './admin-context.ts';

/**
 * A GET route of the admin API as page state, with `reload` after a change; `everyMs` keeps it
 * live. `name` null loads nothing.
 */
export function useLoaded<K extends JsonRouteName>(
  name: K | null,
  everyMs?: number,
  ...call: RouteCallArgs<K>
): { data: RouteReply<K> | null; error: ApiError | null; reload: () => Promise<void> } {
  const { api } = useAdmin();
  const [data, setData] = useState<RouteReply<K> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const key = JSON.stringify(call);
  // The call is compared by its JSON (`key`): callers pass a fresh object every render.
  const reload = useCallback(async () => {
    if (name === null) return;
    const r = await api.call(name, ...call);
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
  }, [api, name, key]);
  useEffect(() => {
    void reload();
    if (!everyMs) return;
    const timer = setInterval(() => void reload(), everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return { data, error, reload };
}
