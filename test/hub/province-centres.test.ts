import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { systemClock } from '../../server/clock.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Catalogue } from '../../protocol/catalogue.ts';
import type { HubLinkView } from '../../protocol/hub/hub-link.ts';
import type { IssuedTicket } from '../../protocol/views.ts';
import type { Result } from '../../protocol/result.ts';
import { applyEvent } from '../../server/core/apply-event.ts';
import type { QueueEvent } from '../../server/core/model.ts';
import { emptyDayState } from '../../server/core/queue-state.ts';
import { FileQueueStore } from '../../server/store/queue-store.ts';
import { startHubProcess, type HubProcess } from '../support/hub-process.ts';
import { createTestDatabase } from '../support/postgres.ts';
import { freePort, postJson, siteAtLocalNoon, startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';
import { command, type ClientSocket } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';

/**
 * A province on one machine: a hub process on a real PostgreSQL server and two real centre
 * processes, each behind its own TCP link to the hub that can be cut or slowed. The hub and a
 * centre are killed with SIGKILL in the middle of a transfer; at the end the hub holds every
 * event of both journals exactly once, and its tickets are the centres' tickets.
 */
const services = ['civil-status', 'certification', 'land', 'business'];

interface Centre {
  code: string;
  dataDir: string;
  port: number;
  link: TcpProxy;
  proc: ServerProcess;
  admin: string;
  issued: number;
}

let database: { url: string; drop(): Promise<void> };
let db: pg.Client;
let hubPort: number;
let hub: HubProcess;
let hubAdmin: string;
const centres: Centre[] = [];

const hubArgs = () => ['--database', database.url];
const centreArgs = (c: Pick<Centre, 'code' | 'link'>, joinCode?: string) => [
  '--hub',
  c.link.url,
  '--centre-code',
  c.code,
  ...(joinCode ? ['--hub-join-code', joinCode] : []),
];
// Small batches and frequent status reports, so a transfer is long enough to be cut in the middle.
const centreEnv = { MOTCUA_HUB_BATCH_EVENTS: '20', MOTCUA_HUB_STATUS_SECONDS: '1' };

async function hubCall<T>(method: string, path: string, body?: unknown): Promise<Result<T>> {
  const res = await fetch(hub.base + path, {
    method,
    headers: { authorization: `Bearer ${hubAdmin}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return (await res.json()) as Result<T>;
}

async function startCentre(code: string): Promise<Centre> {
  const joinCode = (await hubCall<{ code: string }>('POST', `/api/centres/${code}/join-code`)) as { ok: true; value: { code: string } };
  const dataDir = await mkdtemp(join(tmpdir(), `motcua-province-${code}-`));
  await siteAtLocalNoon(dataDir);
  const link = await TcpProxy.start(hubPort);
  const port = await freePort();
  const proc = await startServerProcess(dataDir, port, {
    flags: ['--always-open', ...centreArgs({ code, link }, joinCode.value.code)],
    env: centreEnv,
  });
  const setup = (await postJson(proc.base, '/api/auth/setup', {
    token: proc.setupToken,
    username: 'admin',
    name: 'Quản trị',
    password: 'admin-password-1',
  })) as Result<{
    token: string;
  }>;
  if (!setup.ok) throw new Error(`centre setup refused: ${setup.error.code}`);
  return { code, dataDir, port, link, proc, admin: setup.value.token, issued: 0 };
}

async function restartCentre(c: Centre): Promise<void> {
  c.proc = await startServerProcess(c.dataDir, c.port, { flags: ['--always-open', ...centreArgs(c)], env: centreEnv });
  const login = (await postJson(c.proc.base, '/api/auth/login', { username: 'admin', password: 'admin-password-1' })) as Result<{
    token: string;
  }>;
  if (!login.ok) throw new Error('sign-in refused after restart');
  c.admin = login.value.token;
}

/** Issues `n` tickets at the centre (four at a time, across services); each must be acknowledged. */
async function issue(c: Centre, n: number): Promise<void> {
  for (let i = 0; i < n; i += 4) {
    const batch = Array.from({ length: Math.min(4, n - i) }, (_, k) =>
      postJson(c.proc.base, '/api/tickets', { serviceId: services[(c.issued + i + k) % services.length] }, c.admin),
    );
    for (const r of (await Promise.all(batch)) as Result<IssuedTicket>[])
      if (!r.ok) throw new Error(`issue refused at ${c.code}: ${r.error.code}`);
  }
  c.issued += n;
}

/** Calls, serves and finishes `n` tickets at counter 1 (civil status) through a real socket. */
async function serve(c: Centre, n: number): Promise<void> {
  const s: ClientSocket = connect(c.proc.base, {
    auth: { token: c.admin, lang: 'vi' },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  try {
    await command(s, 'counter:join', { counterId: 1 });
    await command(s, 'counter:open', { counterId: 1 });
    for (let i = 0; i < n; i++) {
      const called = await command(s, 'counter:next', { counterId: 1 });
      if (!called.ok) break;
      await command(s, 'counter:start', { counterId: 1 });
      await command(s, 'counter:finish', { counterId: 1 });
    }
  } finally {
    s.disconnect();
  }
}

/** The centre's whole journal, as its own store reads it. */
async function journal(c: Centre): Promise<Array<{ day: string; events: QueueEvent[] }>> {
  const store = new FileQueueStore(c.dataDir, systemClock);
  return Promise.all((await store.listDays()).map(async (day) => ({ day, events: await store.readDay(day) })));
}

async function hubSeq(c: Centre): Promise<number> {
  const r = await db.query(
    'select coalesce(sum(d.seq), 0)::int as n from day_cursors d join centres x on x.id = d.centre_id where x.code = $1',
    [c.code],
  );
  return r.rows[0].n as number;
}

async function localSeq(c: Centre): Promise<number> {
  return (await journal(c)).reduce((n, d) => n + d.events.length, 0);
}

async function linkView(c: Centre): Promise<HubLinkView> {
  const res = await fetch(`${c.proc.base}/api/hub-link`, { headers: { authorization: `Bearer ${c.admin}` } });
  return ((await res.json()) as { value: { link: HubLinkView } }).value.link;
}

/** Polls an async condition (the hub's database, a centre's API) until it holds. */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  let holds = false;
  const poll = async () => {
    while (!holds) {
      holds = await condition().catch(() => false);
      if (!holds) await new Promise((r) => setTimeout(r, 50));
    }
  };
  const polling = poll();
  await waitFor(() => holds, what, timeoutMs);
  await polling;
}

beforeAll(async () => {
  database = await createTestDatabase(inject('postgresUrl'));
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  hubPort = await freePort();
  hub = await startHubProcess(hubPort, hubArgs());
  const setup = (await postJson(hub.base, '/api/auth/setup', {
    token: hub.setupToken,
    username: 'tinh',
    name: 'Quản trị tỉnh',
    password: 'province-password-1',
  })) as Result<{
    token: string;
  }>;
  if (!setup.ok) throw new Error(`hub setup refused: ${setup.error.code}`);
  hubAdmin = setup.value.token;
  for (const code of ['HN-BADINH', 'HN-HOANKIEM']) {
    await hubCall('POST', '/api/centres', { code, name: `Trung tâm ${code}`, level: 'commune' });
    centres.push(await startCentre(code));
  }
}, 240_000);

afterAll(async () => {
  for (const c of centres) {
    await c.proc.killHard();
    await c.link.close();
    await rm(c.dataDir, { recursive: true, force: true });
  }
  await hub?.killHard();
  await db?.end();
  await database?.drop();
});

describe('a province: a hub and two centres on patchy links', () => {
  it('ends with every event of both centres at the hub exactly once, through cut links and killed processes', async () => {
    const [a, b] = centres as [Centre, Centre];
    await Promise.all([issue(a, 12), issue(b, 12)]);
    await Promise.all([serve(a, 3), serve(b, 3)]);
    await until(
      async () => (await hubSeq(a)) === (await localSeq(a)) && (await hubSeq(b)) === (await localSeq(b)),
      'both centres to be shipped',
    );

    // A's link goes down: A keeps issuing, and knows the hub is behind.
    await a.link.cut();
    await issue(a, 150);
    await serve(a, 5);
    await until(async () => {
      const v = await linkView(a);
      return v.state === 'offline' && v.shipping.pendingEvents > 0;
    }, "A to see it can't reach the hub");
    expect(await hubSeq(a)).toBeLessThan(await localSeq(a));

    // The link comes back slow; the hub is killed in the middle of A's catch-up.
    a.link.delayMs = 50;
    await a.link.restore();
    const before = await hubSeq(a);
    const total = await localSeq(a);
    await until(async () => (await hubSeq(a)) > before, 'the catch-up to start');
    expect(await hubSeq(a)).toBeLessThan(total);
    await hub.killHard();

    // Both centres keep issuing while the hub is down.
    await Promise.all([issue(a, 20), issue(b, 20)]);
    await serve(b, 4);

    hub = await startHubProcess(hubPort, hubArgs());
    // Now the centre is killed in the middle of its catch-up, and restarted.
    const resumed = await hubSeq(a);
    await until(async () => (await hubSeq(a)) > resumed, 'the catch-up to resume');
    expect(await hubSeq(a)).toBeLessThan(await localSeq(a));
    await a.proc.killHard();
    await restartCentre(a);

    // Everything restored: the hub catches up with both.
    a.link.delayMs = 0;
    await issue(a, 4);
    await until(
      async () => (await hubSeq(a)) === (await localSeq(a)) && (await hubSeq(b)) === (await localSeq(b)),
      'the hub to hold both journals',
    );

    for (const c of [a, b]) {
      for (const { day, events } of await journal(c)) {
        const stored = await db.query(
          'select e.seq, e.body from events e join centres x on x.id = e.centre_id where x.code = $1 and e.day = $2 order by e.seq',
          [c.code, day],
        );
        expect(stored.rows.map((r) => r.seq)).toEqual(events.map((e) => e.seq));
        expect(stored.rows.map((r) => r.body)).toEqual(events);
        const state = emptyDayState(day);
        for (const e of events) applyEvent(state, e);
        const tickets = await db.query(
          'select t.id, t.status from tickets t join centres x on x.id = t.centre_id where x.code = $1 and t.day = $2 order by t.id',
          [c.code, day],
        );
        expect(tickets.rows).toEqual(
          [...state.tickets.values()].map((t) => ({ id: t.id, status: t.status })).sort((x, y) => x.id.localeCompare(y.id)),
        );
      }
      const issuedAtHub = await db.query(
        `select count(*)::int as n from tickets t join centres x on x.id = t.centre_id where x.code = $1`,
        [c.code],
      );
      expect(issuedAtHub.rows[0].n).toBe(c.issued);
    }
    const status = await hubCall<{ centres: Array<{ code: string; link: string; live: { shipping: { pendingEvents: number } } | null }> }>(
      'GET',
      '/api/status',
    );
    if (!status.ok) throw new Error(status.error.code);
    await until(async () => {
      const s = await hubCall<{ centres: Array<{ link: string; live: { shipping: { pendingEvents: number } } | null }> }>(
        'GET',
        '/api/status',
      );
      return s.ok && s.value.centres.every((c) => c.link === 'online' && c.live?.shipping.pendingEvents === 0);
    }, 'the board to show both centres up to date');
  }, 300_000);

  it('brings a published catalogue to both centres, keeping a centre’s own mapping, and keeps it while the hub is down', async () => {
    const [a, b] = centres as [Centre, Centre];
    // Centre A maps one procedure to another of its services before the province publishes.
    const own = (await (await fetch(`${a.proc.base}/api/catalogue`)).json()) as Result<Catalogue>;
    if (!own.ok) throw new Error('catalogue');
    const moved = { ...own.value.procedures[0]!, serviceId: 'social' };
    const { code: _code, ...body } = moved;
    const saved = await fetch(`${a.proc.base}/api/catalogue/procedures/${moved.code}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${a.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(saved.status).toBe(200);

    const file = await readFile(join(import.meta.dirname, '../../data/catalogue.json'), 'utf8');
    expect((await hubCall('POST', '/api/catalogue/import?name=province.json', file)).ok).toBe(true);
    const fee = { text: 'Lệ phí do tỉnh quy định: 8.000 đồng', amount: 8000 };
    const channel = moved.filing[0]!.channel;
    expect((await hubCall('PUT', '/api/catalogue/draft/fees', { code: moved.code, channel, fee })).ok).toBe(true);
    expect((await hubCall('POST', '/api/catalogue/publish', { note: 'Danh mục tỉnh' })).ok).toBe(true);

    for (const c of [a, b]) await until(async () => (await linkView(c)).catalogue.version === 1, `${c.code} to pull version 1`);
    const kiosk = async (c: Centre) => ((await (await fetch(`${c.proc.base}/api/catalogue`)).json()) as { value: Catalogue }).value;
    for (const c of [a, b]) {
      const got = (await kiosk(c)).procedures.find((p) => p.code === moved.code)!;
      expect(got.filing.find((m) => m.channel === channel)!.fee).toEqual(fee);
      expect(got.serviceId).toBe(c === a ? 'social' : own.value.procedures[0]!.serviceId);
    }

    // The hub goes away; a centre restarted meanwhile still shows the province's catalogue, and issues.
    await hub.killHard();
    await b.proc.killHard();
    await restartCentre(b);
    expect((await kiosk(b)).procedures.find((p) => p.code === moved.code)!.filing.find((m) => m.channel === channel)!.fee).toEqual(fee);
    await issue(b, 2);
    hub = await startHubProcess(hubPort, hubArgs());
    await until(async () => (await hubSeq(b)) === (await localSeq(b)), 'B to catch up after the hub came back');
  }, 240_000);
});
