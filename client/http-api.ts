import type { CallArgsOf, FileNames, JsonNames, ResultOf, RouteEntry, UploadNames } from '../protocol/route-map.ts';
import { fillPath } from '../protocol/route-map.ts';
import { type RouteTypes, routes } from '../protocol/routes.ts';
import { appHeader, type CookieApp } from '../protocol/browser-apps.ts';

/**
 * Who calls: a browser app (a centre's, or the province hub's) names itself (`app`), and its
 * server reads and sets that app's HttpOnly cookie; a caller holding its token itself sends it
 * as a Bearer token. And the language refusals come back in.
 */
export interface Caller {
  app?: CookieApp;
  token?: string | null;
  lang?: string;
}

const offline = { ok: false as const, error: { code: 'offline', message: 'offline' } };

function headers(who: Caller, contentType?: string): Record<string, string> {
  return {
    'accept-language': who.lang ?? 'vi',
    ...(contentType && { 'content-type': contentType }),
    ...(who.app && { [appHeader]: who.app }),
    ...(who.token && { authorization: `Bearer ${who.token}` }),
  };
}

/** Chromium before 72 (lobby screens run 69) sent no cookies with `fetch` unless asked. */
const withCookies = { credentials: 'same-origin' } as const;

/**
 * The calls of one route map by name, typed by its types interface `T`: the centre's
 * (`request(who, 'resetPassword', { params: { id }, body })`) or the province hub's.
 */
export interface RouteClient<T, M extends { [K in keyof T]: RouteEntry<unknown> }> {
  /** Calls a JSON route; an unreachable server becomes an `offline` error. */
  request<K extends JsonNames<T>>(who: Caller, name: K, ...call: CallArgsOf<M[K]['path'], T[K]>): Promise<ResultOf<T[K]>>;
  /** Sends a file's bytes as they are (a catalogue's text, a backup) to an upload route. */
  upload<K extends UploadNames<T>>(
    who: Caller,
    name: K,
    file: Blob | string,
    contentType: string,
    ...call: CallArgsOf<M[K]['path'], T[K]>
  ): Promise<ResultOf<T[K]>>;
  /** Fetches a file route (CSV, PNG, backup); null when it is refused or the server is unreachable. */
  download<K extends FileNames<T>>(who: Caller, name: K, ...call: CallArgsOf<M[K]['path'], T[K]>): Promise<Blob | null>;
}

/** The client of a route map, on the page's own server. */
export function routeClient<T, M extends { [K in keyof T]: RouteEntry<unknown> }>(map: M): RouteClient<T, M> {
  return {
    request(who, name, ...[call]) {
      const body = call && 'body' in call ? JSON.stringify(call.body) : undefined;
      return fetchResult(fillPath(map[name].path, call), {
        ...withCookies,
        method: map[name].method,
        headers: headers(who, body === undefined ? undefined : 'application/json'),
        ...(body !== undefined && { body }),
      });
    },
    upload(who, name, file, contentType, ...[call]) {
      return fetchResult(fillPath(map[name].path, call), {
        ...withCookies,
        method: map[name].method,
        headers: headers(who, contentType),
        body: file,
      });
    },
    async download(who, name, ...[call]) {
      try {
        const res = await fetch(fillPath(map[name].path, call), { ...withCookies, method: map[name].method, headers: headers(who) });
        return res.ok ? await res.blob() : null;
      } catch {
        return null;
      }
    },
  };
}

async function fetchResult<R>(url: string, init: RequestInit): Promise<R> {
  try {
    const res = await fetch(url, init);
    // The server answers every route of its map with the route's Result (see `server/http/router.ts`).
    return (await res.json()) as R;
  } catch {
    return offline as R;
  }
}

/** The centre's route map (`protocol/routes.ts`), as every centre app calls it. */
export const { request, upload, download } = routeClient<RouteTypes, typeof routes>(routes);
