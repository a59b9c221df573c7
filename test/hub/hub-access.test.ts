import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { JoinReceipt } from '../../protocol/hub/centres.ts';
import { hubPolicies, hubRoutes } from '../../protocol/hub/hub-routes.ts';
import type { ShippedEvent } from '../../protocol/hub/shipped-event.ts';
import type { QueueEvent } from '../../server/core/model.ts';
import { TestHub } from '../support/test-hub.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await TestHub.start();
});
afterAll(async () => {
  await hub.close();
});

describe('hub access', () => {
  it('declares a policy for every route of the map, printed here as the table reviewers read', () => {
    const declared = Object.entries(hubRoutes);
    const width = Math.max(...declared.map(([name]) => name.length));
    const table = declared.map(([name, r]) => `${name.padEnd(width)}  ${r.policy.padEnd(15)} ${r.method.padEnd(6)} ${r.path}`);
    expect(declared.length).toBeGreaterThan(20);
    for (const [, r] of declared) expect(hubPolicies).toContain(r.policy);
    // The hub serves exactly the map's routes, each with the policy the map gives it.
    expect(hub.hub.routes.missing()).toEqual([]);
    expect(hub.hub.routes.list.map((r) => `${r.name} ${r.policy} ${r.method} ${r.path}`).sort()).toEqual(
      declared.map(([name, r]) => `${name} ${r.policy} ${r.method} ${r.path}`).sort(),
    );
    // Only signing in, first-run set-up and joining are open to anyone.
    expect(
      declared
        .filter(([, r]) => r.policy === 'public')
        .map(([, r]) => r.path)
        .sort(),
    ).toEqual(['/api/auth/login', '/api/auth/setup', '/api/auth/status', '/api/hub/v1/join'].sort());
    expect(table.join('\n')).toMatchSnapshot();
  });

  it('refuses every guarded route to nobody, and the province routes to a centre token', async () => {
    const centre = await hub.centreToken('ACCESS-1');
    for (const r of hub.hub.routes.list.filter((x) => x.policy !== 'public')) {
      const path = r.path.replace(':code', 'ACCESS-1').replace(':id', '00000000-0000-0000-0000-000000000000');
      const anonymous = await fetch(hub.url + path, { method: r.method });
      expect(anonymous.status, `${r.method} ${r.path}`).toBe(401);
      if (r.policy === 'centre') continue;
      const asCentre = await fetch(hub.url + path, { method: r.method, headers: { authorization: `Bearer ${centre}` } });
      expect(asCentre.status, `${r.method} ${r.path} as a centre`).toBe(403);
    }
  });

  it('lets a join code be used once only, and never for another centre', async () => {
    const joinCode = await hub.centreJoinCode('ACCESS-2');
    await hub.centreJoinCode('ACCESS-3');
    const wrongCentre = await hub.request('POST', '/api/hub/v1/join', { centreCode: 'ACCESS-3', joinCode });
    expect(wrongCentre.body).toMatchObject({ ok: false, error: { code: 'hub:link.join_refused' } });
    const joined = await hub.request<JoinReceipt>('POST', '/api/hub/v1/join', { centreCode: 'access-2', joinCode: joinCode.toLowerCase() });
    expect(joined.body).toMatchObject({ ok: true, value: { centre: { code: 'ACCESS-2' } } });
    const again = await hub.request('POST', '/api/hub/v1/join', { centreCode: 'ACCESS-2', joinCode });
    expect(again.status).toBe(403);
  });

  it('gives a machine token only its scopes and its centre', async () => {
    const admin = await hub.adminToken();
    await hub.centreToken('ACCESS-4');
    const made = await hub.request<{ token: string }>(
      'POST',
      '/api/machine-tokens',
      { name: 'SMS', scopes: ['status:read'], centreCode: 'ACCESS-4' },
      admin,
    );
    if (!made.body.ok) throw new Error(made.body.error.code);
    const token = made.body.value.token;
    const status = await hub.request<{ centres: Array<{ code: string }> }>('GET', '/api/status', undefined, token);
    expect(status.body.ok && status.body.value.centres.map((c) => c.code)).toEqual(['ACCESS-4']);
    expect((await hub.request('GET', '/api/reports?from=2026-11-01&to=2026-11-30', undefined, token)).status).toBe(403);
    expect((await hub.request('GET', '/api/catalogue/draft', undefined, token)).status).toBe(403);
    expect((await hub.request('GET', '/api/users', undefined, token)).status).toBe(403);
  });

  it('ships events in exactly the shape the centre journals them', () => {
    // Both ways: every journal event passes the hub's schema type, and the hub folds nothing else.
    expectTypeOf<QueueEvent>().toExtend<ShippedEvent>();
    expectTypeOf<ShippedEvent>().toExtend<QueueEvent>();
  });
});
