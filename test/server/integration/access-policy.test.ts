import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePolicy, type Policy } from '../../../protocol/access.ts';
import { commandRules } from '../../../protocol/command-rules.ts';
import type { CommandName } from '../../../protocol/events.ts';
import { type RouteName, routes } from '../../../protocol/routes.ts';
import { snapshotOf } from '../../../server/core/queue-state.ts';
import { type ClientSocket, command, rawCommand, TestServer } from '../../support/test-server.ts';

const policyKinds = new Set<string>([
  'public',
  'signed-in',
  'staff',
  'admin',
  'device',
  'device-of-counter',
  'staff-for-counter',
  'clerk-at-counter',
  'setup-token',
  'either',
]);

/** A policy as the server can enforce it: a known kind, and every part of an `either` one too. */
function isPolicy(p: unknown): p is Policy {
  if (typeof p !== 'object' || p === null || !('kind' in p) || typeof p.kind !== 'string' || !policyKinds.has(p.kind)) return false;
  return p.kind !== 'either' || ('of' in p && Array.isArray(p.of) && p.of.length > 0 && p.of.every(isPolicy));
}

describe('access policy: declared for every route and command', () => {
  it('prints the whole table, and no route or command is without a policy', () => {
    const rows = [
      ...Object.entries(routes).map(([name, r]) => ({ what: `${r.method} ${r.path}`, name, policy: r.policy as unknown })),
      ...Object.entries(commandRules).map(([name, c]) => ({ what: 'socket', name, policy: c.policy as unknown })),
    ];
    const width = Math.max(...rows.map((r) => `${r.what} (${r.name})`.length));
    const table = rows.map(
      (r) => `${`${r.what} (${r.name})`.padEnd(width)}  ${isPolicy(r.policy) ? describePolicy(r.policy) : 'NO POLICY'}`,
    );
    console.log(`Access policy of every route and command:\n${table.join('\n')}`);
    expect(rows.filter((r) => !isPolicy(r.policy)).map((r) => r.name)).toEqual([]);
    expect(rows.length).toBeGreaterThan(60);
  });
});

/** The callers the policies tell apart. */
type CallerName = 'public' | 'kiosk' | 'display' | 'rating1' | 'clerk1' | 'clerk2' | 'admin';

describe('access policy: each policy refuses the wrong callers, over real HTTP and Socket.IO', () => {
  let server: TestServer;
  const tokens = {} as Record<CallerName, string | undefined>;
  const sockets = {} as Record<CallerName, ClientSocket>;
  let ticketId: string;

  beforeAll(async () => {
    server = await TestServer.start({ flags: ['--always-open'] });
    tokens.public = undefined;
    tokens.admin = await server.adminToken();
    tokens.kiosk = await server.deviceToken('kiosk');
    tokens.display = await server.deviceToken('display');
    tokens.rating1 = await server.deviceToken('rating', 1);
    tokens.clerk1 = await server.clerkToken('clerk1', [1]);
    tokens.clerk2 = await server.clerkToken('clerk2', [2]);
    for (const name of Object.keys(tokens) as CallerName[]) sockets[name] = await server.socket(tokens[name]);
    const issued = await command(sockets.kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    if (!issued.ok) throw new Error(issued.error.code);
    ticketId = issued.value.ticket.id;
  });
  afterAll(() => server?.close());

  it('the gateway listens for exactly the commands of the map', async () => {
    const [serverSide] = server.server.io.sockets.sockets.values();
    // socket.io's own reserved events are not commands.
    const reserved = new Set(['error', 'disconnect', 'disconnecting']);
    const listened = (serverSide?.eventNames() ?? [])
      .map(String)
      .filter((e) => !reserved.has(e))
      .sort();
    expect(listened).toEqual(Object.keys(commandRules).sort());
  });

  /** The refusal an HTTP route's policy gives this caller, or null when it lets the caller in. */
  function httpRefusal(policy: Policy, caller: CallerName): string | null {
    const person = caller === 'clerk1' || caller === 'clerk2' || caller === 'admin';
    const device = caller === 'kiosk' || caller === 'display' || caller === 'rating1';
    const deny = caller === 'public' ? 'unauthenticated' : 'forbidden';
    switch (policy.kind) {
      case 'public':
        return null;
      case 'signed-in':
        return person || device ? null : 'unauthenticated';
      case 'staff':
        return person ? null : 'unauthenticated';
      case 'admin':
        return caller === 'admin' ? null : deny;
      case 'device':
        return (policy.device === 'kiosk' && caller === 'kiosk') || (policy.device === 'display' && caller === 'display') ? null : deny;
      case 'setup-token':
        return 'setup_done';
      case 'either':
        return policy.of.some((p) => httpRefusal(p, caller) === null) ? null : deny;
      default:
        throw new Error(`no HTTP route should need ${policy.kind}`);
    }
  }

  const statusOf: Record<string, number> = { unauthenticated: 401, forbidden: 403 };

  /** An HTTP call with no body; `code` is the refusal's, null for a success (a JSON Result or a file). */
  async function call(method: string, path: string, token: string | undefined): Promise<{ status: number; code: string | null }> {
    const res = await fetch(server.url + path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (!res.headers.get('content-type')?.startsWith('application/json')) return { status: res.status, code: null };
    const body = (await res.json()) as { ok: boolean; error?: { code: string } };
    return { status: res.status, code: body.ok ? null : (body.error?.code ?? 'no code') };
  }
  const callerNames: CallerName[] = ['public', 'kiosk', 'display', 'rating1', 'clerk1', 'admin'];

  it('every HTTP route answers each kind of caller as its policy says, before its handler touches anything', async () => {
    const before = JSON.stringify(snapshotOf(server.server.ctx.engine.state));
    const mismatches: string[] = [];
    for (const name of Object.keys(routes) as RouteName[]) {
      const route = routes[name];
      // Params that name nothing: an allowed caller gets the handler's own answer (not found, bad payload…).
      const path = route.path.replace(/:([a-zA-Z]+)/g, 'nothing-here');
      // Logging out would end the callers' sessions (and close their sockets) for the tests below.
      for (const caller of name === 'logout' ? (['public'] as const) : callerNames) {
        const expected = httpRefusal(route.policy, caller);
        const { status, code } = await call(route.method, path, tokens[caller]);
        const refusedByPolicy = code === 'unauthenticated' || code === 'forbidden' || code === 'setup_done';
        if (expected === null ? refusedByPolicy : code !== expected || (statusOf[expected] && status !== statusOf[expected]))
          mismatches.push(`${route.method} ${route.path} as ${caller}: expected ${expected ?? 'to get in'}, got ${status} ${code ?? 'ok'}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(JSON.stringify(snapshotOf(server.server.ctx.engine.state))).toBe(before);
  });

  it('public, device and staff commands refuse the callers their policy excludes', async () => {
    const expectCode = async (caller: CallerName, event: CommandName, payload: unknown, code: string | null) => {
      const r = (await rawCommand(sockets[caller], event, ...(payload === undefined ? [] : [payload]))) as {
        ok: boolean;
        error?: { code: string };
      };
      expect(r.ok ? null : r.error?.code, `${event} as ${caller}`).toBe(code);
    };
    // Public: anyone.
    for (const caller of callerNames) await expectCode(caller, 'display:subscribe', {}, null);
    // A kiosk device, or staff at the help desk.
    for (const [caller, code] of [
      ['public', 'unauthenticated'],
      ['display', 'forbidden'],
      ['rating1', 'forbidden'],
      ['kiosk', null],
      ['clerk1', null],
    ] as const)
      await expectCode(caller, 'kiosk:subscribe', undefined, code);
    // Staff only: a device is told to sign in.
    for (const caller of ['public', 'kiosk', 'rating1'] as const)
      await expectCode(caller, 'ticket:cancel', { ticketId }, 'unauthenticated');
    // A rating tablet or an admin; the tablet only for the ticket just finished at its own counter (none is yet).
    for (const caller of ['kiosk', 'display', 'clerk1'] as const)
      await expectCode(caller, 'ticket:rate', { ticketId, level: 3 }, 'forbidden');
    await expectCode('public', 'ticket:rate', { ticketId, level: 3 }, 'unauthenticated');
    await expectCode('rating1', 'ticket:rate', { ticketId, level: 3 }, 'rating_not_open');
    // Admin only.
    for (const [caller, code] of [
      ['public', 'unauthenticated'],
      ['kiosk', 'forbidden'],
      ['clerk1', 'forbidden'],
      ['admin', null],
    ] as const)
      await expectCode(caller, 'admin:subscribe', undefined, code);
  });

  it('counter policies: staff allowed at the counter join it, only a connection signed in to it acts on it, only its tablet listens to it', async () => {
    const next = (caller: CallerName, counterId: number) => command(sockets[caller], 'counter:next', { counterId });
    const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : (r.error?.code ?? null));

    expect(code(await command(sockets.kiosk, 'counter:join', { counterId: 1 }))).toBe('unauthenticated');
    expect(code(await command(sockets.clerk2, 'counter:join', { counterId: 1 }))).toBe('forbidden');
    expect(code(await next('clerk1', 1))).toBe('not_signed_in_to_counter');
    expect(code(await command(sockets.clerk1, 'counter:join', { counterId: 1 }))).toBe(null);
    expect(code(await next('clerk1', 2))).toBe('not_signed_in_to_counter');
    expect(code(await next('kiosk', 1))).toBe('unauthenticated');
    expect(code(await next('clerk1', 1))).toBe(null);

    expect(code(await command(sockets.public, 'rating:subscribe', { counterId: 1 }))).toBe('unauthenticated');
    expect(code(await command(sockets.rating1, 'rating:subscribe', { counterId: 2 }))).toBe('forbidden');
    expect(code(await command(sockets.display, 'rating:subscribe', { counterId: 1 }))).toBe('forbidden');
    expect(code(await command(sockets.admin, 'rating:subscribe', { counterId: 1 }))).toBe('forbidden');
    expect(code(await command(sockets.rating1, 'rating:subscribe', { counterId: 1 }))).toBe(null);
  });

  it('the set-up token is the policy of first-run set-up: wrong before, done after', async () => {
    const fresh = await TestServer.start();
    try {
      const body = { username: 'admin', name: 'Quản trị', password: 'admin-password-1' };
      expect((await fresh.request('POST', '/api/auth/setup', { ...body, token: 'x'.repeat(24) })).body).toMatchObject({
        ok: false,
        error: { code: 'setup_token_invalid' },
      });
      const token = fresh.server.ctx.setup.token;
      expect((await fresh.request('POST', '/api/auth/setup', { ...body, token })).status).toBe(200);
      expect((await fresh.request('POST', '/api/auth/setup', { ...body, token })).body).toMatchObject({
        ok: false,
        error: { code: 'setup_done' },
      });
    } finally {
      await fresh.close();
    }
  });
});
