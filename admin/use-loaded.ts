import type { JsonRouteName, RouteCallArgs, RouteReply } from '../protocol/routes.ts';
import { type LoadedResult, useLoadedResult } from '../client/use-loaded-result.ts';
import { useAdmin } from './admin-context.ts';

/**
 * A GET route of the admin API as page state, with `reload` after a change; `everyMs` keeps it
 * live. `name` null loads nothing.
 */
export function useLoaded<K extends JsonRouteName>(
  name: K | null,
  everyMs?: number,
  ...call: RouteCallArgs<K>
): LoadedResult<RouteReply<K>> {
  const { api } = useAdmin();
  return useLoadedResult(name === null ? null : () => api.call(name, ...call), JSON.stringify([name, call]), everyMs);
}
