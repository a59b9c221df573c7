import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '../../protocol/routes.ts';

const repo = join(import.meta.dirname, '../..');

interface OpenApi {
  paths: Record<string, Record<string, { security?: Array<Record<string, string[]>>; summary?: string }>>;
}

/** Every `(method, path, policy)` registered in the given folder's sources, with OpenAPI's `{param}`. */
function registered(dir: string, pattern: RegExp): Array<{ key: string; policy: string | null }> {
  const found: Array<{ key: string; policy: string | null }> = [];
  for (const file of readdirSync(join(repo, dir)).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(repo, dir, file), 'utf8');
    for (const m of text.matchAll(pattern)) {
      const path = m[2]!.replace(/:([a-zA-Z]+)/g, '{$1}');
      found.push({ key: `${m[1]!.toLowerCase()} ${path}`, policy: m[3] ?? null });
    }
  }
  return found;
}

const documented = (file: string) => {
  const doc = JSON.parse(readFileSync(join(repo, 'docs/openapi', file), 'utf8')) as OpenApi;
  return new Map<string, OpenApi['paths'][string][string]>(
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [`${method} ${path}`, op] as const)),
  );
};

describe('the OpenAPI descriptions in docs/', () => {
  it('describe every route of the hub, and only those, with the security its policy declares', () => {
    const routes = registered('hub/http/routes', /routes\.add\(\s*'([A-Z]+)',\s*'([^']+)',\s*'([a-z_]+)'/g);
    const docs = documented('hub.json');
    expect([...docs.keys()].sort()).toEqual(routes.map((r) => r.key).sort());
    const schemes: Record<string, string[]> = {
      public: [],
      centre: ['centreToken'],
      signed_in: ['session'],
      province_admin: ['session'],
      status: ['session', 'machineToken'],
      reports: ['session', 'machineToken'],
    };
    for (const r of routes) {
      const security = (docs.get(r.key)!.security ?? []).flatMap((s) => Object.keys(s));
      expect(security, r.key).toEqual(schemes[r.policy!]);
    }
  });

  it("describe every route of a centre's route map, and only those", () => {
    const map = Object.values(routes).map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([a-zA-Z]+)/g, '{$1}')}`);
    expect([...documented('centre.json').keys()].sort()).toEqual(map.sort());
  });
});
