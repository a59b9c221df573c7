import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../protocol/result.ts';
import { routes } from '../../protocol/routes.ts';
import { snapshotOf } from '../../server/core/queue-state.ts';
import { repoDir } from '../../server/create-server.ts';
import { command, TestServer } from '../support/test-server.ts';
import { FuzzRandom, fuzzSeed, junkObject, junkValue, PROTOTYPE_KEYS } from './generators.ts';

// Random requests under /api that must all be refused: unknown paths, wrong methods, protected
// routes without the right credentials, and body-taking routes with bodies that cannot be valid.
// (No `..` segments: the client resolves them before sending, so they would leave /api.)

const seed = fuzzSeed(process.env.MOTCUA_FUZZ_SEED, 0x5eed_0008);
const ROUNDS = 1500;
const BODY_LIMIT = 2 * 1024 * 1024;

let server: TestServer;
let tokens: string[];

/** Routes that need a signed-in user or device; asked without valid credentials they refuse. */
const PROTECTED_GETS = [
  '/api/admin/connections',
  '/api/auth/me',
  '/api/backup',
  '/api/config',
  '/api/devices',
  '/api/devices/health',
  '/api/export/tickets.csv',
  '/api/printers',
  '/api/reports',
  '/api/reports.csv',
  '/api/stats/today',
  '/api/users',
];
/** Routes that read a JSON body: a body that is not a valid payload is refused whatever the caller. */
const BODY_ROUTES: [string, string][] = [
  ['POST', '/api/auth/login'],
  ['POST', '/api/auth/setup'],
  ['POST', '/api/devices/pair'],
  ['POST', '/api/devices/pairing-codes'],
  ['POST', '/api/tickets'],
  ['POST', '/api/users'],
  ['POST', '/api/backup/restore'],
  ['PUT', '/api/catalogue/procedures/1.000001'],
  ['POST', '/api/reprints'],
  ['PUT', '/api/printers/p1'],
];
const KNOWN_PATHS = ['/api/health', '/api/site', '/api/catalogue', '/api/auth/status', ...PROTECTED_GETS, ...BODY_ROUTES.map(([, p]) => p)];

/** Whether the route map has `method path` (a path parameter matches any one segment). */
function isRoute(method: string, path: string): boolean {
  return Object.values(routes).some(
    (route) => route.method === method && new RegExp(`^${route.path.replace(/:[^/]+/g, '[^/]+')}$`).test(path),
  );
}

function isKnownCode(code: string): boolean {
  const [ns, key] = code.includes(':') ? (code.split(':', 2) as [string, string]) : ['errors', code];
  try {
    let node: unknown = JSON.parse(readFileSync(join(repoDir, 'locales/vi', `${ns}.json`), 'utf8'));
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    return typeof node === 'string';
  } catch {
    return false;
  }
}

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

function randomAuth(r: FuzzRandom, allowValid: boolean): Record<string, string> {
  const choice = r.int(0, allowValid ? 6 : 5);
  const bearer = (t: string): Record<string, string> => ({ authorization: t });
  switch (choice) {
    case 0:
      return {};
    case 1:
      return bearer(`Bearer ${r.text(r.int(0, 80))}`);
    case 2:
      return bearer(`Basic ${Buffer.from('admin:admin-password-1').toString('base64')}`);
    case 3:
      return bearer(r.pick(['Bearer', 'Bearer ', 'bearer x', `Bearer ${'a'.repeat(8000)}`, `Bearer ${PROTOTYPE_KEYS.join('.')}`]));
    case 4:
      return bearer(`Bearer ${r.pick(tokens)}x`);
    case 5:
      return bearer(`Bearer ${r.pick(tokens).slice(0, -1)}`);
    default:
      return bearer(`Bearer ${r.pick(tokens)}`);
  }
}

/** A body that no route accepts: broken JSON, JSON of the wrong shape, odd content types, huge. */
function badBody(r: FuzzRandom): { body: string | Buffer; type?: string } {
  const type = r.pick([
    'application/json',
    'application/json; charset=latin1',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    undefined,
  ]);
  switch (r.int(0, 6)) {
    case 0:
      return { body: r.pick(['{', '{"a":', '[1,2', "{'a':1}", 'undefined', 'NaN', '{"a":1}}', '\u0000', '{"__proto__":']), type };
    case 1:
      return { body: JSON.stringify(r.pick([null, 1, 'text', true, [], [1, 2]])), type };
    case 2:
      return { body: JSON.stringify(junkObject(r)) ?? '{}', type };
    case 3:
      return { body: JSON.stringify({ [r.pick(PROTOTYPE_KEYS)]: junkValue(r), extra: junkValue(r) }) ?? '{}', type };
    case 4:
      return { body: `{"x":"${'x'.repeat(r.chance(0.5) ? BODY_LIMIT - 100 : BODY_LIMIT + 10)}"}`, type };
    case 5:
      return { body: r.bytes(r.int(1, 2000)), type };
    default:
      return { body: `[${'['.repeat(r.int(100, 3000))}]`, type };
  }
}

function randomRequest(r: FuzzRandom): FuzzRequest {
  switch (r.int(0, 4)) {
    case 0: {
      const segments = Array.from({ length: r.int(1, 4) }, () =>
        r.pick([r.text(r.int(1, 12)), '.%2e%2f', '%00', '%E0%A4%A', '%', '__proto__', 'constructor', encodeURIComponent('đăng ký')]),
      );
      return {
        method: r.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']),
        path: `/api/x${r.text(3)}/${segments.join('/')}`,
        headers: randomAuth(r, true),
      };
    }
    case 1: {
      const path = r.pick(KNOWN_PATHS);
      const allowed =
        path === '/api/auth/status' ||
        path === '/api/health' ||
        path === '/api/site' ||
        path === '/api/catalogue' ||
        PROTECTED_GETS.includes(path)
          ? 'GET'
          : 'POST';
      const method = r.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].filter((m) => m !== allowed && !isRoute(m, path)));
      return { method, path, headers: randomAuth(r, true) };
    }
    case 2:
      return { method: 'GET', path: r.pick(PROTECTED_GETS), headers: randomAuth(r, false) };
    case 3:
      return {
        method: 'GET',
        path: `/api/tickets/${r.pick([encodeURIComponent(r.text(r.int(1, 80))), 'abcd.AAAAAAAAAAAA', '%E0%A4%A', '%', '__proto__', 'x'.repeat(3000)])}`,
        headers: randomAuth(r, true),
      };
    default: {
      const [method, path] = r.pick(BODY_ROUTES);
      const { body, type } = badBody(r);
      return { method, path, headers: { ...randomAuth(r, true), ...(type && { 'content-type': type }) }, body };
    }
  }
}

async function send(req: FuzzRequest): Promise<{ status: number; text: string }> {
  const res = await fetch(server.url + req.path, {
    method: req.method,
    headers: req.headers,
    signal: AbortSignal.timeout(10_000),
    redirect: 'manual',
    ...(req.body !== undefined && { body: typeof req.body === 'string' ? req.body : new Uint8Array(req.body) }),
  });
  return { status: res.status, text: await res.text() };
}

function problemWith(res: { status: number; text: string }): string | null {
  if (res.status < 400 || res.status >= 500) return `status ${res.status}`;
  let body: Result<unknown>;
  try {
    body = JSON.parse(res.text) as Result<unknown>;
  } catch {
    return `not JSON: ${res.text.slice(0, 100)}`;
  }
  if (body.ok !== false) return 'accepted';
  if (!isKnownCode(body.error.code)) return `unknown code ${body.error.code}`;
  if (!body.error.message || body.error.message === body.error.code) return `untranslated ${body.error.code}`;
  return null;
}

beforeAll(async () => {
  // Thousands of requests at full speed from one address are a flood: the budgets (tested in
  // flood-limits.test.ts) would answer most of them before the validation this test is about.
  const wide = { burst: 10_000, perSecond: 10_000 };
  server = await TestServer.start({ flags: ['--always-open'], limits: { requests: { perAddress: wide, perConnection: wide } } });
  const kiosk = await server.deviceToken('kiosk');
  tokens = [await server.adminToken(), await server.clerkToken('fuzzclerk'), kiosk, await server.deviceToken('rating', 1)];
  const k = await server.socket(kiosk);
  const issued = await command(k, 'ticket:issue', { serviceId: 'civil-status' });
  if (!issued.ok) throw new Error('issue refused');
});

afterAll(async () => {
  await server?.close();
});

describe(`HTTP fuzz (seed ${seed}; rerun with MOTCUA_FUZZ_SEED=${seed})`, () => {
  it(`refuses ${ROUNDS} malformed requests under /api with a translated 4xx, never a 5xx`, async () => {
    const r = new FuzzRandom(seed);
    const before = snapshotOf(server.server.ctx.engine.state);
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    const requests = Array.from({ length: ROUNDS }, (_, i) => {
      const req = randomRequest(r);
      const label = `#${i} ${req.method} ${req.path.slice(0, 100)} auth=${(req.headers.authorization ?? '').slice(0, 30)} body=${String(req.body ?? '').slice(0, 60)}`;
      return { req, label };
    });
    // Twenty in flight at any time: an anonymous caller's body too big for its route is answered
    // a second late (the tarpit), so one at a time would spend most of the test waiting.
    let next = 0;
    const worker = async () => {
      while (next < requests.length && failures.length < 10) {
        const { req, label } = requests[next++]!;
        try {
          const res = await send(req);
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          const problem = problemWith(res);
          if (problem) failures.push(`${label}: ${problem}`);
        } catch (e) {
          failures.push(`${label}: no response (${String(e)})`);
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    expect(failures.slice(0, 10), `seed ${seed}`).toEqual([]);
    console.info(`http fuzz seed ${seed}: statuses`, statuses);
    expect(snapshotOf(server.server.ctx.engine.state)).toEqual(before);
    const health = await server.request('GET', '/api/health');
    expect(health.status).toBe(200);
  });
});

describe('HTTP fuzz regressions', () => {
  it('answers a path parameter with a malformed percent escape with 404, not a hung request and an unhandled rejection', async () => {
    for (const path of ['/api/tickets/%E0%A4%A', '/api/tickets/%', '/api/printers/p1/preview/%zz.png', '/api/devices/%E0']) {
      const method = path.startsWith('/api/devices/') ? 'DELETE' : 'GET';
      const res = await send({ method, path, headers: { authorization: `Bearer ${tokens[0]}` } });
      expect(res.status, path).toBe(404);
      expect(problemWith(res), path).toBeNull();
    }
  });
});
