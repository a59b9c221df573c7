import { download, request, upload } from '../client/http-api.ts';
import type { ResultError } from '../protocol/result.ts';
import type { FileRouteName, JsonRouteName, RouteCallArgs, RouteResult, UploadRouteName } from '../protocol/routes.ts';

/** A refusal from the server, translated; routes that list problems give them beside it (`RouteResult.problems`). */
export type ApiError = ResultError;

/** The route map (`protocol/routes.ts`) as the signed-in admin calls it: every call carries the session and the language. */
export interface AdminApi {
  get<T>(path: string): Promise<ApiResult<T>>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>>;
  /** Uploads a file's bytes as they are (catalogue text, backup, a voice clip). Defaults to POST. */
  upload<T>(path: string, body: Blob | string, contentType: string, method?: 'POST' | 'PUT'): Promise<ApiResult<T>>;
  /** Fetches a file (CSV, PNG, backup) with the session; null when refused. */
  download<K extends FileRouteName>(name: K, ...call: RouteCallArgs<K>): Promise<Blob | null>;
}

/** Builds the API for a session; `onExpired` runs when the server no longer knows the session. */
export function adminApi(token: string, lang: string, onExpired: () => void): AdminApi {
  const who = { token, lang };
  const check = <R extends { ok: boolean; error?: ApiError }>(r: R): R => {
    if (!r.ok && r.error?.code === 'unauthenticated') onExpired();
    return r;
  };
  return {
    get: async <T>(path: string) => check((await api<T>('GET', path, undefined, token, lang)) as ApiResult<T>),
    send: async <T>(method: string, path: string, body?: unknown) => check((await api<T>(method, path, body, token, lang)) as ApiResult<T>),
    async upload<T>(path: string, body: Blob | string, contentType: string, method: 'POST' | 'PUT' = 'POST') {
      try {
        const res = await fetch(path, { method, headers: { ...headers, 'content-type': contentType }, body });
        return check((await res.json()) as ApiResult<T>);
      } catch {
        return { ok: false, error: { code: 'offline', message: 'offline' } };
      }
    },
    async download(path: string) {
      try {
        const res = await fetch(path, { headers });
        return res.ok ? await res.blob() : null;
      } catch {
        return null;
      }
    },
  };
}

/** Hands a downloaded file to the browser under its name. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
