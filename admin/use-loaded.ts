import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiError } from './admin-api.ts';
import { useAdmin } from './admin-context.ts';

/** A GET of the admin API as page state, with `reload` after a change; `everyMs` keeps it live. */
export function useLoaded<T>(
  path: string | null,
  everyMs?: number,
): { data: T | null; error: ApiError | null; reload: () => Promise<void> } {
  const { api } = useAdmin();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    if (path === null) return;
    const r = await api.get<T>(path);
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
  }, [api, path]);
  useEffect(() => {
    void reload();
    if (!everyMs) return;
    const timer = setInterval(() => void reload(), everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return { data, error, reload };
}
