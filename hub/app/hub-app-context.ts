import type { i18n, TFunction } from 'i18next';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { centreTimeFormatter, defaultCentreTimeZone } from '../../client/figures.ts';
import type { HubUserView } from '../../protocol/hub/hub-access.ts';
import type { ApiError, HubApi } from './hub-api.ts';
import type { HubConnection } from './hub-connection.ts';

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

/** A GET of the hub's API as page state, with `reload` after a change; `everyMs` keeps it live. */
export function useHubLoaded<T>(
  path: string | null,
  everyMs?: number,
): { data: T | null; error: ApiError | null; reload: () => Promise<void> } {
  const { api } = useHubApp();
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

/** Date and time as the province reads it: Vietnam's time, whatever the browser's zone. */
export function useHubTime(): (epochMs: number) => string {
  const { lang } = useHubApp();
  return useMemo(() => centreTimeFormatter(lang, defaultCentreTimeZone), [lang]);
}
