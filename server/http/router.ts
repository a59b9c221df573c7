import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Policy } from '../../protocol/access.ts';
import type { ResultError } from '../../protocol/result.ts';
import {
  type FileReply,
  type PathParams,
  pathParam,
  type RouteName,
  type RoutePath,
  type RouteReply,
  type RouteInfo,
  type RouteResult,
  routes,
} from '../../protocol/routes.ts';
import type { Principal } from '../auth/principal.ts';
import type { Lang } from '../i18n.ts';
import type { Credential } from './credential.ts';
import { BodyError, readRawBody } from './raw-body.ts';

/** What a route handler gets: the parsed request, who is asking (already allowed by the route's policy), and their language. */
export interface RouteRequest<K extends RouteName> extends IncomingRequest {
  params: PathParams<RoutePath<K>>;
}

/** A request before it is matched to a route. */
export interface IncomingRequest {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  principal: Principal;
  /** How the caller presented its token (Bearer or its app's cookie), and which browser app it is, if one. */
  credential: Credential;
  lang: Lang;
  /** The caller's address (through trusted proxies), for the limits. */
  address: string;
  /** Reached over HTTPS (directly, or through a trusted proxy that says so). */
  secure: boolean;
  /** The JSON body, parsed (read once, however often it is asked for); a bad or oversized body is answered for the route. */
  body(): Promise<unknown>;
}

/** A JSON refusal with its HTTP status. */
export interface Refused {
  status: number;
  result: { ok: false; error: ResultError };
}

/**
 * What a handler answers: its route's Result with an HTTP status; a file route writes the file
 * itself and answers `null`, or a refusal.
 */
export type RouteResponse<K extends RouteName> =
  RouteReply<K> extends FileReply ? Refused | null : { status: number; result: RouteResult<K> };
export type RouteHandler<K extends RouteName> = (r: RouteRequest<K>) => Promise<RouteResponse<K>> | RouteResponse<K>;

type Answer = Refused | { status: number; result: unknown } | null;

/** A matched route: its handler runs with the params the path captured. */
export interface RouteMatch {
  name: RouteName;
  policy: Policy;
  /** The handler reads the body itself, as a file (see `RouteInfo.upload`). */
  upload: boolean;
  run(r: IncomingRequest): Promise<Answer>;
}

interface Entry {
  name: RouteName;
  pattern: RegExp;
  names: string[];
  run: (r: IncomingRequest, params: Record<string, string>) => Promise<Answer>;
}

/** The routes of the map (`protocol/routes.ts`), each registered by its name with one handler. */
export class Router {
  private readonly entries: Entry[] = [];

  add<K extends RouteName>(name: K, handler: RouteHandler<K>): this {
    if (this.entries.some((e) => e.name === name)) throw new Error(`route ${name} registered twice`);
    const names: string[] = [];
    const pattern = new RegExp(
      `^${routes[name].path.replace(pathParam, (_m, param: string) => {
        names.push(param);
        return '([^/]+)';
      })}$`,
    );
    // The pattern was made from this route's path, so the params it captured are exactly the path's.
    const run = async (r: IncomingRequest, params: Record<string, string>) => handler({ ...r, params } as RouteRequest<K>);
    this.entries.push({ name, pattern, names, run });
    return this;
  }

  /** Routes of the map without a handler; the server does not start while there are any. */
  missing(): RouteName[] {
    return (Object.keys(routes) as RouteName[]).filter((name) => !this.entries.some((e) => e.name === name));
  }

  match(method: string, pathname: string): RouteMatch | 'method' | null {
    let pathMatched = false;
    for (const e of this.entries) {
      const m = e.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (routes[e.name].method !== method) continue;
      // A malformed escape (`%E0%A4%A`) names no resource; decoding it would throw outside the handler.
      let params: Record<string, string>;
      try {
        params = Object.fromEntries(e.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      } catch {
        return null;
      }
      const route: RouteInfo = routes[e.name];
      return { name: e.name, policy: route.policy, upload: route.upload === true, run: (r) => e.run(r, params) };
    }
    return pathMatched ? 'method' : null;
  }
}

export { BodyError };

/** Reads a JSON body of at most `limit` bytes; an empty body is `undefined`. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readRawBody(req, limit);
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new BodyError('invalid_json');
  }
}
