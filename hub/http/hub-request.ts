import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../protocol/result.ts';
import { pathParam } from '../../protocol/routes.ts';
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

/**
 * Who a route admits, declared where the route is registered and checked in one place
 * (`hub-http.ts`): `status` and `reports` admit signed-in people and machine tokens with that scope.
 */
export type HubPolicy = 'public' | 'centre' | 'signed_in' | 'province_admin' | 'status' | 'reports';

export interface HubRequest<P extends HubPrincipal = HubPrincipal> {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  principal: P;
  lang: Lang;
  address: string;
  body(): Promise<unknown>;
}

/** A JSON Result with its status, or null when the handler wrote the response (a CSV). */
export type HubResponse = { status: number; result: Result<unknown> } | null;

type PrincipalOf<Policy extends HubPolicy> = Policy extends 'public'
  ? HubPrincipal
  : Policy extends 'centre'
    ? Extract<HubPrincipal, { kind: 'centre' }>
    : Policy extends 'signed_in' | 'province_admin'
      ? Extract<HubPrincipal, { kind: 'user' }>
      : Extract<HubPrincipal, { kind: 'user' | 'machine' }>;

export type HubHandler<Policy extends HubPolicy> = (r: HubRequest<PrincipalOf<Policy>>) => Promise<HubResponse> | HubResponse;

/** A route as registered: its policy travels with it. */
export interface HubRoute {
  method: string;
  path: string;
  policy: HubPolicy;
  handler: HubHandler<HubPolicy>;
}

/** Collects routes with their policies; the HTTP handler matches and guards them. */
export class HubRoutes {
  readonly list: HubRoute[] = [];
  private readonly patterns: Array<{ route: HubRoute; pattern: RegExp; names: string[] }> = [];

  add<Policy extends HubPolicy>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    policy: Policy,
    handler: HubHandler<Policy>,
  ): this {
    const route = { method, path, policy, handler: handler as HubHandler<HubPolicy> };
    const names: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(pathParam, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    this.list.push(route);
    this.patterns.push({ route, pattern, names });
    return this;
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
