import { type HubRouteTypes, hubRoutes } from '../../protocol/hub/hub-routes.ts';
import type { Result } from '../../protocol/result.ts';
import { type CallArgsOf, fillPath } from '../../protocol/route-map.ts';

/** The hub's routes a centre's box calls (`/api/hub/v1/…`), by their names in the hub's route map. */
export type LinkRoute = 'join' | 'cursor' | 'shipEvents' | 'reportStatus' | 'publishedCatalogue';

/** An answer from the hub: its value, its refusal, or that it could not be reached at all. */
export type HubAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'refused'; status: number; code: string; params: Record<string, string | number> }
  | { ok: false; kind: 'unreachable'; error: string };

/** A hub that has not answered within this long is treated as unreachable for this call. */
const callTimeoutMs = 30_000;

/** The centre's side of the hub's HTTP API, with the centre token once it has one. */
export class HubClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => string | null,
  ) {}

  /** Calls a link route by name (`client.call('shipEvents', { body })`), typed by the hub's route map. */
  async call<K extends LinkRoute>(
    name: K,
    ...[call]: CallArgsOf<(typeof hubRoutes)[K]['path'], HubRouteTypes[K]>
  ): Promise<HubAnswer<HubRouteTypes[K]['reply']>> {
    const { method } = hubRoutes[name];
    const path = fillPath(hubRoutes[name].path, call);
    const body = call && 'body' in call ? call.body : undefined;
    const token = this.token();
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(token && { authorization: `Bearer ${token}` }),
          'accept-language': 'vi',
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(callTimeoutMs),
      });
    } catch (e) {
      const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
      return { ok: false, kind: 'unreachable', error: cause.slice(0, 200) };
    }
    let result: Result<HubRouteTypes[K]['reply']>;
    try {
      result = (await res.json()) as Result<HubRouteTypes[K]['reply']>;
    } catch {
      // A proxy's error page, a half-written answer: not the hub speaking.
      return { ok: false, kind: 'unreachable', error: `HTTP ${res.status} without a hub answer` };
    }
    if (result.ok) return { ok: true, value: result.value };
    return { ok: false, kind: 'refused', status: res.status, code: result.error?.code ?? 'unknown', params: result.error?.params ?? {} };
  }
}
