import { download, request, upload } from '../client/http-api.ts';
import type { ResultError } from '../protocol/result.ts';
import type { FileRouteName, JsonRouteName, RouteCallArgs, RouteResult, UploadRouteName } from '../protocol/routes.ts';

/** A refusal from the server, translated; routes that list problems give them beside it (`RouteResult.problems`). */
export type ApiError = ResultError;

/** The route map (`protocol/routes.ts`) as the signed-in admin calls it: every call names the admin app (whose cookie holds the session) and the language. */
export interface AdminApi {
  call<K extends JsonRouteName>(name: K, ...call: RouteCallArgs<K>): Promise<RouteResult<K>>;
  /** Uploads a file's bytes as they are (catalogue text, backup). */
  upload<K extends UploadRouteName>(name: K, file: Blob | string, contentType: string, ...call: RouteCallArgs<K>): Promise<RouteResult<K>>;
  /** Fetches a file (CSV, PNG, backup) with the session; null when refused. */
  download<K extends FileRouteName>(name: K, ...call: RouteCallArgs<K>): Promise<Blob | null>;
}

/** Builds the API for a session; `onExpired` runs when the server no longer knows the session. */
export function adminApi(lang: string, onExpired: () => void): AdminApi {
  const who = { app: 'admin' as const, lang };
  const check = <R extends { ok: boolean; error?: ApiError }>(r: R): R => {
    if (!r.ok && r.error?.code === 'unauthenticated') onExpired();
    return r;
  };
  return {
    call: async (name, ...call) => check(await request(who, name, ...call)),
    upload: async (name, file, contentType, ...call) => check(await upload(who, name, file, contentType, ...call)),
    download: (name, ...call) => download(who, name, ...call),
  };
}
