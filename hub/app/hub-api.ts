import { type Caller, routeClient } from '../../client/http-api.ts';
import type { CallArgsOf, FileNames, JsonNames, ResultOf, UploadNames } from '../../protocol/route-map.ts';
import { type HubRouteName, type HubRouteTypes, hubRoutes } from '../../protocol/hub/hub-routes.ts';
import type { ResultError } from '../../protocol/result.ts';
import { hubApp } from '../../protocol/browser-apps.ts';

/** A refusal from the hub, translated; routes that list problems give them beside it (`problems`). */
export type ApiError = ResultError;

type Routes = typeof hubRoutes;
type Args<K extends HubRouteName> = CallArgsOf<Routes[K]['path'], HubRouteTypes[K]>;
export type HubJsonRoute = JsonNames<HubRouteTypes>;
export type HubResult<K extends HubRouteName> = ResultOf<HubRouteTypes[K]>;
export type HubReply<K extends HubRouteName> = HubRouteTypes[K]['reply'];

/** The hub's route map (`protocol/hub/hub-routes.ts`), called by name like the centre's. */
export const hub = routeClient<HubRouteTypes, Routes>(hubRoutes);

/** The hub's API as the signed-in person calls it: every call names the app (its cookie holds the session) and the language. */
export interface HubApi {
  call<K extends HubJsonRoute>(name: K, ...call: Args<K>): Promise<HubResult<K>>;
  /** Uploads a file's text as it is (a catalogue). */
  upload<K extends UploadNames<HubRouteTypes>>(name: K, file: Blob | string, contentType: string, ...call: Args<K>): Promise<HubResult<K>>;
  /** Fetches a file (CSV) with the session; null when refused. */
  download<K extends FileNames<HubRouteTypes>>(name: K, ...call: Args<K>): Promise<Blob | null>;
}

/** Builds the API for the signed-in app; `onExpired` runs when the hub no longer knows the session. */
export function hubApi(lang: string, onExpired: () => void): HubApi {
  const who: Caller = { app: hubApp, lang };
  const check = <R extends { ok: boolean; error?: ApiError }>(r: R): R => {
    if (!r.ok && r.error?.code === 'unauthenticated') onExpired();
    return r;
  };
  return {
    call: async (name, ...call) => check(await hub.request(who, name, ...call)),
    upload: async (name, file, contentType, ...call) => check(await hub.upload(who, name, file, contentType, ...call)),
    download: (name, ...call) => hub.download(who, name, ...call),
  };
}
