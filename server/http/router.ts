import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../protocol/result.ts';
import type { Principal } from '../auth/principal.ts';
import type { Lang } from '../i18n.ts';

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
      '^' + path.replace(/:([a-zA-Z]+)/g, (_m, name: string) => (names.push(name), '([^/]+)')) + '$',
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
      const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      return { handler: r.handler, params };
    }
    return pathMatched ? 'method' : null;
  }
}

export class BodyError extends Error {
  constructor(readonly code: 'invalid_json' | 'payload_too_large') {
    super(code);
  }
}

/** Reads a JSON body of at most `limit` bytes. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyError('payload_too_large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError('invalid_json');
  }
}
