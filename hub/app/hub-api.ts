import type { ResultError } from '../../protocol/result.ts';

/** A refusal from the hub, with the per-row problems a refused import lists beside it. */
export interface ApiError extends ResultError {
  problems?: unknown[];
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * The hub's JSON API as the signed-in person calls it, by path (docs/openapi/hub.json): every
 * call carries the session and the language; an unreachable hub is an `offline` refusal.
 */
export interface HubApi {
  get<T>(path: string): Promise<ApiResult<T>>;
  send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>>;
  /** Uploads a file's text as it is (a catalogue). */
  upload<T>(path: string, body: Blob | string, contentType: string): Promise<ApiResult<T>>;
  /** Fetches a file (CSV) with the session; null when refused. */
  download(path: string): Promise<Blob | null>;
}

const offline = { ok: false as const, error: { code: 'offline', message: 'offline' } };

/** Calls the hub without a session (sign-in status, first-run check). */
export function hubCall<T>(method: string, path: string, token?: string | null): Promise<ApiResult<T>> {
  return call<T>(path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** Builds the API for a session; `onExpired` runs when the hub no longer knows the session. */
export function hubApi(token: string, lang: string, onExpired: () => void): HubApi {
  const headers = { authorization: `Bearer ${token}`, 'accept-language': lang };
  const checked = async <T>(r: Promise<ApiResult<T>>): Promise<ApiResult<T>> => {
    const result = await r;
    if (!result.ok && result.error.code === 'unauthenticated') onExpired();
    return result;
  };
  return {
    get: (path) => checked(call(path, { headers })),
    send: (method, path, body) =>
      checked(
        call(path, {
          method,
          headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        }),
      ),
    upload: (path, body, contentType) =>
      checked(call(path, { method: 'POST', headers: { ...headers, 'content-type': contentType }, body })),
    async download(path) {
      try {
        const res = await fetch(path, { headers });
        return res.ok ? await res.blob() : null;
      } catch {
        return null;
      }
    },
  };
}

async function call<T>(path: string, init: RequestInit): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, init);
    const answer = (await res.json()) as ApiResult<T> & { problems?: unknown[] };
    // A refusal lists its problems beside the error; the pages read them with it.
    return answer.ok || !answer.problems ? answer : { ok: false, error: { ...answer.error, problems: answer.problems } };
  } catch {
    return offline;
  }
}
