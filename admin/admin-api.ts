import { api } from '../client/stored-token.ts';

/** A refusal from the server, with the per-row or per-file problems some routes list. */
export interface ApiError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
  problems?: unknown[];
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The JSON API as the signed-in admin: every call carries the session and the language. */
export interface AdminApi {
  get<T>(path: string): Promise<ApiResult<T>>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>>;
  /** Uploads a file's bytes as they are (catalogue text, backup). */
  upload<T>(path: string, body: Blob | string, contentType: string): Promise<ApiResult<T>>;
  /** Fetches a file (CSV, PNG, backup) with the session; null when refused. */
  download(path: string): Promise<Blob | null>;
}

/** Builds the API for a session; `onExpired` runs when the server no longer knows the session. */
export function adminApi(token: string, lang: string, onExpired: () => void): AdminApi {
  const check = <T>(r: ApiResult<T>): ApiResult<T> => {
    if (!r.ok && r.error.code === 'unauthenticated') onExpired();
    return r;
  };
  const headers = { authorization: `Bearer ${token}`, 'accept-language': lang };
  return {
    get: async <T>(path: string) => check((await api<T>('GET', path, undefined, token, lang)) as ApiResult<T>),
    send: async <T>(method: string, path: string, body?: unknown) => check((await api<T>(method, path, body, token, lang)) as ApiResult<T>),
    async upload<T>(path: string, body: Blob | string, contentType: string) {
      try {
        const res = await fetch(path, { method: 'POST', headers: { ...headers, 'content-type': contentType }, body });
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
