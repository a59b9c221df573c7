import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../protocol/result.ts';
import type { Principal } from '../auth/principal.ts';
import type { Lang } from '../i18n.ts';
import { BodyError, readRawBody } from './raw-body.ts';

/** What a route handler gets: the parsed request, who is asking, and their language. */
export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  principal: Principal;
  lang: Lang;
  /** The caller's address, for attempt limits. */
  address: string;
  /** The JSON body, parsed; a bad or oversized body is answered for the route. */
  body(): Promise<unknown>;
}

/** A JSON Result with its HTTP status, or `null` when the handler wrote the response itself. */
export type RouteResponse = { status: number; result: Result<unknown> } | null;
export type RouteHandler = (r: RouteRequest) => Promise<RouteResponse> | RouteResponse;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

/** A small router: `/api/tickets/:ref` style paths, one handler per method and path. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: RouteHandler): this {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/:([a-zA-Z]+)/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    this.routes.push({ method, pattern, names, handler });
    return this;
  }

  match(method: string, pathname: string): { handler: RouteHandler; params: Record<string, string> } | 'method' | null {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      // A malformed escape (`%E0%A4%A`) names no resource; decoding it would throw outside the handler.
      let params: Record<string, string>;
      try {
        params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      } catch {
        return null;
      }
      return { handler: r.handler, params };
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
