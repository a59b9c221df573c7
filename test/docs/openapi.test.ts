import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type HubPolicy, hubRoutes } from '../../protocol/hub/hub-routes.ts';
import { routes } from '../../protocol/routes.ts';

const repo = join(import.meta.dirname, '../..');

interface OpenApi {
  paths: Record<string, Record<string, { security?: Array<Record<string, string[]>>; summary?: string }>>;
}

/** A route map's routes as OpenAPI keys (`get /api/users/{id}`), with their policies. */
function keysOf<P>(map: Record<string, { method: string; path: string; policy: P }>): Array<{ key: string; policy: P }> {
  return Object.values(map).map((r) => ({ key: `${r.method.toLowerCase()} ${r.path.replace(/:([a-zA-Z]+)/g, '{$1}')}`, policy: r.policy }));
}

const documented = (file: string) => {
  const doc = JSON.parse(readFileSync(join(repo, 'docs/openapi', file), 'utf8')) as OpenApi;
  return new Map<string, OpenApi['paths'][string][string]>(
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [`${method} ${path}`, op] as const)),
  );
};

describe('the OpenAPI descriptions in docs/', () => {
  it('describe every route of the hub, and only those, with the security its policy declares', () => {
    const routes = keysOf(hubRoutes);
    const docs = documented('hub.json');
    expect([...docs.keys()].sort()).toEqual(routes.map((r) => r.key).sort());
    const schemes: Record<HubPolicy, string[]> = {
      public: [],
      centre: ['centreToken'],
      signed_in: ['session'],
      province_admin: ['session'],
      status: ['session', 'machineToken'],
      reports: ['session', 'machineToken'],
    };
    for (const r of routes) {
      const security = (docs.get(r.key)!.security ?? []).flatMap((s) => Object.keys(s));
      expect(security, r.key).toEqual(schemes[r.policy]);
    }
  });

  it("describe every route of a centre's route map, and only those", () => {
    const map = keysOf(routes).map((r) => r.key);
    expect([...documented('centre.json').keys()].sort()).toEqual(map.sort());
  });
});
