import type { IncomingMessage, ServerResponse } from 'node:http';
import { type HubPolicy, type HubRouteName, type HubRouteTypes, hubRoutes } from '../../protocol/hub/hub-routes.ts';
import type { HubApp } from '../../protocol/browser-apps.ts';
import type { ResultError } from '../../protocol/result.ts';
import { type FileReply, type PathParams, pathParam } from '../../protocol/route-map.ts';
import type { Credential } from '../../server/http/credential.ts';
import type { Lang } from '../../server/i18n.ts';
import type { CentreRecord } from '../store/centre-registry.ts';
import type { HubUser } from '../store/hub-users.ts';
import type { MachineAccess } from '../store/machine-tokens.ts';

/** Who is asking the hub: a person, a centre's box, an integrator's program, or nobody known. */
export type HubPrincipal =
  | { kind: 'public' }
  | { kind: 'user'; user: HubUser }
  | { kind: 'centre'; centre: CentreRecord }
  | { kind: 'machine'; machine: MachineAccess };

export interface HubRequest<P extends HubPrincipal = HubPrincipal, Params = Record<string, string>> {
  req: IncomingMessage;
  res: ServerResponse;
  params: Params;
  query: URLSearchParams;
  principal: P;
  /** How the request carried its token: Bearer (integrators, centres), or the hub app's cookie. */
  credential: Credential<HubApp>;
  /** Whether it came over HTTPS (the socket's TLS: the hub has no trusted-proxy setting); the cookie is `Secure` then. */
  secure: boolean;
  lang: Lang;
  address: string;
  body(): Promise<unknown>;
}

/** A JSON refusal with its HTTP status. */
export interface HubRefused {
  status: number;
  result: { ok: false; error: ResultError };
}

/**
 * What a handler answers: its route's reply with an HTTP status, or a refusal; a file route
 * writes the file itself and answers null.
 */
export type HubResponse<K extends HubRouteName> = HubRouteTypes[K]['reply'] extends FileReply
  ? HubRefused | null
  : HubRefused | { status: number; result: { ok: true; value: HubRouteTypes[K]['reply'] } };

type PrincipalOf<Policy extends HubPolicy> = Policy extends 'public'
  ? HubPrincipal
  : Policy extends 'centre'
    ? Extract<HubPrincipal, { kind: 'centre' }>
    : Policy extends 'signed_in' | 'province_admin'
      ? Extract<HubPrincipal, { kind: 'user' }>
      : Extract<HubPrincipal, { kind: 'user' | 'machine' }>;

type Route<K extends HubRouteName> = (typeof hubRoutes)[K];

/** The request a route's handler gets: who its policy let in, and its path's params. */
export type HubRouteRequest<K extends HubRouteName> = HubRequest<PrincipalOf<Route<K>['policy']>, PathParams<Route<K>['path']>>;
export type HubHandler<K extends HubRouteName> = (r: HubRouteRequest<K>) => Promise<HubResponse<K>> | HubResponse<K>;

type AnyResponse = HubRefused | { status: number; result: unknown } | null;

/** A registered route of the map, as the HTTP handler matches and guards it. */
export interface HubRoute {
  name: HubRouteName;
  method: string;
  path: string;
  policy: HubPolicy;
  run(r: HubRequest): Promise<AnyResponse>;
}

/** The routes of the hub's map (`protocol/hub/hub-routes.ts`), each registered by its name with one handler. */
export class HubRoutes {
  readonly list: HubRoute[] = [];
  private readonly patterns: Array<{ route: HubRoute; pattern: RegExp; names: string[] }> = [];

  add<K extends HubRouteName>(name: K, handler: HubHandler<K>): this {
    if (this.list.some((r) => r.name === name)) throw new Error(`hub route ${name} registered twice`);
    const { method, path, policy } = hubRoutes[name];
    const names: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(pathParam, (_m, param: string) => {
        names.push(param);
        return '([^/]+)';
      })}$`,
    );
    // The HTTP handler runs this only for a principal the route's policy admits, with the params its path captured.
    const run = async (r: HubRequest) => handler(r as unknown as HubRouteRequest<K>);
    const route: HubRoute = { name, method, path, policy, run };
    this.list.push(route);
    this.patterns.push({ route, pattern, names });
    return this;
  }

  /** The routes of the map without a handler (the hub refuses to start with any). */
  missing(): HubRouteName[] {
    return (Object.keys(hubRoutes) as HubRouteName[]).filter((name) => !this.list.some((r) => r.name === name));
  }

  /** The route for a request, with its path params; `method` when only the method is wrong. */
  match(method: string, pathname: string): { route: HubRoute; params: Record<string, string> } | 'method' | null {
    let pathMatched = false;
    for (const { route, pattern, names } of this.patterns) {
      const m = pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      try {
        return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
      } catch {
        // A malformed escape names no resource.
        return null;
      }
    }
    return pathMatched ? 'method' : null;
  }
}

/** The centre a reader is limited to (a manager's, a centre-bound machine token's), or null for the whole province. */
export function readerCentre(p: Extract<HubPrincipal, { kind: 'user' | 'machine' }>): number | null {
  return p.kind === 'user' ? (p.user.role === 'province_admin' ? null : p.user.centreId) : p.machine.centreId;
}
