/**
 * What every HTTP route map shares: the centre's (`protocol/routes.ts`) and the province hub's
 * (`protocol/hub/hub-routes.ts`). A map names each route with how it is reached and who may call
 * it (`RouteEntry`), and a types interface of the same names says what goes in and comes back
 * (`RouteShape`); the types here turn the two into what a caller passes and what it gets, so the
 * apps' client (`client/http-api.ts`) calls either map by name.
 */
import type { ResultError } from './result.ts';

/** How a route is reached and who may call it (`P`: the map's own kind of policy). */
export interface RouteEntry<P> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `:name` segments are path params (`/api/users/:id/password`). */
  path: `/api/${string}`;
  policy: P;
  /**
   * The body is a file's bytes, read by the handler under its own limit (`RouteTypes` says
   * `upload: true` for the same routes); other bodies are JSON, limited before they are read.
   */
  upload?: true;
}

/** A reply that is a file (CSV, PNG, backup) rather than a JSON Result. */
export type FileReply = { file: true };

/**
 * What a route takes and gives: `reply` (the Result's value), `body` (JSON), `query`,
 * `upload: true` (the body is a file's bytes), `problems` (listed beside a refusal).
 */
export interface RouteShape {
  reply: unknown;
  body?: unknown;
  query?: object;
  upload?: true;
  problems?: unknown;
}

/** Names of a types interface's routes answered with a file, taking a file's bytes, or JSON both ways. */
export type FileNames<T> = { [K in keyof T]: T[K] extends { reply: FileReply } ? K : never }[keyof T];
export type UploadNames<T> = { [K in keyof T]: T[K] extends { upload: true } ? K : never }[keyof T];
export type JsonNames<T> = Exclude<keyof T, FileNames<T> | UploadNames<T>>;

/** The names of a path's `:params` (`/api/printers/:id/preview/:ticketId.png` has `id` and `ticketId`). */
type ParamNames<P extends string> = P extends `${string}:${infer Rest}`
  ? Rest extends `${infer Name}/${infer Tail}`
    ? BareName<Name> | ParamNames<`/${Tail}`>
    : BareName<Rest>
  : never;
type BareName<S extends string> = S extends `${infer N}.${string}` ? N : S;
export type PathParams<P extends string> = { [N in ParamNames<P>]: string };

/** What a caller passes to the route at `Path` typed by `S`: `params` when the path has any, `body` and `query` when it takes them. */
export type CallOf<Path extends string, S> = ([ParamNames<Path>] extends [never] ? { params?: never } : { params: PathParams<Path> }) &
  (S extends { body: infer B } ? { body: B } : { body?: never }) &
  (S extends { query: infer Q } ? { query?: Q } : { query?: never });

/** `[call]`, or `[call?]` for a route that needs nothing. */
export type CallArgsOf<Path extends string, S> = object extends CallOf<Path, S> ? [call?: CallOf<Path, S>] : [call: CallOf<Path, S>];

/** What a route answers: its value, or a refusal with the problems the route lists. */
export type ResultOf<S> =
  | { ok: true; value: S extends { reply: infer R } ? R : never }
  | { ok: false; error: ResultError; problems?: S extends { problems: infer P } ? P[] : never };

/** A path param: `:` and a name, as the routers match it. */
export const pathParam = /:([a-zA-Z]+)/g;

/** The address of a call: the path with its params filled in, and the query. */
export function fillPath(path: string, call?: object): string {
  const c = (call ?? {}) as { params?: Record<string, string>; query?: Record<string, string | number | undefined> };
  const filled = path.replace(pathParam, (_m, param: string) => encodeURIComponent(c.params?.[param] ?? ''));
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(c.query ?? {})) if (value !== undefined) query.set(key, String(value));
  const q = query.toString();
  return q ? `${filled}?${q}` : filled;
}
