import type { i18n, TFunction } from 'i18next';
import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { centreTimeFormatter, defaultCentreTimeZone } from '../../client/figures.ts';
import type { HubUserView } from '../../protocol/hub/hub-access.ts';
import type { HubRouteTypes, hubRoutes } from '../../protocol/hub/hub-routes.ts';
import type { CallArgsOf } from '../../protocol/route-map.ts';
import type { HubApi, HubJsonRoute, HubReply } from './hub-api.ts';
import type { HubConnection } from './hub-connection.ts';
import { type LoadedResult, useLoadedResult } from '../../client/use-loaded-result.ts';

/** What every page of the province app needs: strings, the API as the signed-in person, the live board. */
export interface HubAppValue {
  i18n: i18n;
  t: TFunction;
  lang: 'vi' | 'en';
  api: HubApi;
  connection: HubConnection;
  user: HubUserView;
}

export const HubAppContext = createContext<HubAppValue | null>(null);

export function useHubApp(): HubAppValue {
  const value = useContext(HubAppContext);
  if (!value) throw new Error('useHubApp outside the signed-in province app');
  return value;
}

/**
 * A GET route of the hub's API as page state, with `reload` after a change; `everyMs` keeps it
 * live. `name` null loads nothing.
 */
export function useHubLoaded<K extends HubJsonRoute>(
  name: K | null,
  everyMs?: number,
  ...call: CallArgsOf<(typeof hubRoutes)[K]['path'], HubRouteTypes[K]>
): LoadedResult<HubReply<K>> {
  const { api } = useHubApp();
  return useLoadedResult(name === null ? null : () => api.call(name, ...call), JSON.stringify([name, call]), everyMs);
}

/** Date and time as the province reads it: Vietnam's time, whatever the browser's zone. */
export function useHubTime(): (epochMs: number) => string {
  const { lang } = useHubApp();
  return useMemo(() => centreTimeFormatter(lang, defaultCentreTimeZone), [lang]);
}
