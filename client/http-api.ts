import {
  type FileRouteName,
  type JsonRouteName,
  type RouteCallArgs,
  type RouteName,
  type RouteResult,
  routes,
  routeUrl,
  type UploadRouteName,
} from '../protocol/routes.ts';

/** Who calls: the session or device token, if any, and the language refusals come back in. */
export interface Caller {
  token?: string | null;
  lang?: string;
}

const offline = { ok: false as const, error: { code: 'offline', message: 'offline' } };

function headers(who: Caller, contentType?: string): Record<string, string> {
  return {
    'accept-language': who.lang ?? 'vi',
    ...(contentType && { 'content-type': contentType }),
    ...(who.token && { authorization: `Bearer ${who.token}` }),
  };
}

/**
 * Calls a JSON route of the route map by its name (`request(who, 'resetPassword', { params: { id }, body })`),
 * typed by `protocol/routes.ts`; an unreachable server becomes an `offline` error.
 */
export async function request<K extends JsonRouteName>(who: Caller, name: K, ...[call]: RouteCallArgs<K>): Promise<RouteResult<K>> {
  const body = call && 'body' in call ? JSON.stringify(call.body) : undefined;
  return fetchResult<K>(name, routeUrl(name, call), {
    method: routes[name].method,
    headers: headers(who, body === undefined ? undefined : 'application/json'),
    ...(body !== undefined && { body }),
  });
}

/** Sends a file's bytes as they are (a catalogue's text, a backup) to an upload route. */
export async function upload<K extends UploadRouteName>(
  who: Caller,
  name: K,
  file: Blob | string,
  contentType: string,
  ...[call]: RouteCallArgs<K>
): Promise<RouteResult<K>> {
  return fetchResult<K>(name, routeUrl(name, call), { method: routes[name].method, headers: headers(who, contentType), body: file });
}

/** Fetches a file route (CSV, PNG, backup); null when it is refused or the server is unreachable. */
export async function download<K extends FileRouteName>(who: Caller, name: K, ...[call]: RouteCallArgs<K>): Promise<Blob | null> {
  try {
    const res = await fetch(routeUrl(name, call), { method: routes[name].method, headers: headers(who) });
    return res.ok ? await res.blob() : null;
  } catch {
    return null;
  }
}

async function fetchResult<K extends RouteName>(_name: K, url: string, init: RequestInit): Promise<RouteResult<K>> {
  try {
    const res = await fetch(url, init);
    // The server answers every route of the map with its RouteResult (see `server/http/router.ts`).
    return (await res.json()) as RouteResult<K>;
  } catch {
    return offline;
  }
}
