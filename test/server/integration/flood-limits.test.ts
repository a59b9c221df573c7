import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Socket as TcpSocket } from 'node:net';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LimitsInput } from '../../../protocol/limits.ts';
import { displayView } from '../../../server/app/live-views.ts';
import { repoDir } from '../../../server/create-server.ts';
import { SiteStore } from '../../../server/store/site-store.ts';
import { headOnly, pushingBody, send, via } from '../../support/network-client.ts';
import { rawCommand, TestServer } from '../../support/test-server.ts';
import { waitFor } from '../../support/wait-for.ts';

// Floods as one anonymous client on the guest Wi-Fi sends them, with the limits a technician
// set in the site config (small here, so a test needs few requests), behind a trusted proxy.

const limits: LimitsInput = { requests: { perConnection: { burst: 5, perSecond: 0.5 }, perAddress: { burst: 40, perSecond: 0.2 } } };

async function siteWith(dir: string, edit: (site: Record<string, unknown>) => void): Promise<void> {
  const site = JSON.parse(await readFile(join(repoDir, 'data/site.json'), 'utf8')) as Record<string, unknown>;
  edit(site);
  await writeFile(join(dir, 'site.json'), JSON.stringify(site));
}

/** An anonymous socket whose connection the proxy says comes from `address`; resolves once connected or refused. */
function socketFrom(url: string, address: string, token?: string): Promise<{ socket: Socket; refused: Error | null }> {
  const socket = connect(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { 'x-forwarded-for': address },
    auth: { lang: 'en', ...(token && { token }) },
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket, refused: null }));
    socket.once('connect_error', (e) => resolve({ socket, refused: e }));
  });
}

/** Asks for the board's snapshot `n` times at once; null for an ask never answered (the connection was dropped). */
async function answers(socket: Socket, n: number): Promise<Array<{ ok: boolean; error?: { code: string } } | null>> {
  const asks = Array.from(
    { length: n },
    () => socket.timeout(5000).emitWithAck('display:subscribe') as Promise<{ ok: boolean; error?: { code: string } }>,
  );
  return (await Promise.allSettled(asks)).map((s) => (s.status === 'fulfilled' ? s.value : null));
}

describe('one anonymous client flooding, with the site config’s limits', () => {
  let dir: string;
  let server: TestServer;
  let kiosk: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-flood-'));
    await siteWith(dir, (site) => {
      site.limits = limits;
    });
    server = await TestServer.start({ dataDir: dir, flags: ['--trusted-proxies', '127.0.0.1'] });
    kiosk = await server.deviceToken('kiosk');
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('HTTP requests past the address’s budget are refused; other addresses and the kiosk go on', async () => {
    const started = performance.now();
    const replies = await Promise.all(Array.from({ length: 60 }, () => send(server.url, 'GET', '/api/site', undefined, via('10.7.0.1'))));
    // Refusals of a flood are held back a second (a lower bound only: a slow machine only adds to it).
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    const refused = replies.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(19);
    expect(refused[0]?.body.error).toMatchObject({
      code: 'too_many_requests',
      message: 'Too many requests from this device. Please wait 5 s and try again.',
    });
    expect(refused[0]?.headers.get('retry-after')).toBe('5');
    // Pages count too: the same budget.
    expect((await fetch(`${server.url}/display/`, { headers: via('10.7.0.1') })).status).toBe(429);
    expect((await send(server.url, 'GET', '/api/site', undefined, via('10.7.0.2'))).status).toBe(200);
    const issued = await send(
      server.url,
      'POST',
      '/api/tickets',
      { serviceId: 'civil-status' },
      { ...via('10.7.0.1'), authorization: `Bearer ${kiosk}` },
    );
    expect(issued.status).toBe(200);
  });

  it('a socket asking for the board’s snapshot as fast as it can is held to its connection’s budget', async () => {
    const { socket } = await socketFrom(server.url, '10.8.0.1');
    sockets.push(socket);
    const replies = await answers(socket, 30);
    expect(replies.filter((r) => r?.ok)).toHaveLength(5);
    // Told to wait at least its burst's worth and once more; then (once the events that arrived
    // together are answered: how many did depends on the network's batching) it is dropped.
    const refused = replies.filter((r) => r?.error?.code === 'too_many_requests').length;
    expect(refused).toBeGreaterThanOrEqual(6);
    expect(5 + refused + replies.filter((r) => r === null).length).toBe(30);
    await waitFor(() => !socket.connected, 'the flooding socket to be dropped');
    // A second screen at the same address still gets its snapshot: the connection, not the address, ran out.
    const other = await socketFrom(server.url, '10.8.0.1');
    sockets.push(other.socket);
    expect(await rawCommand(other.socket, 'display:subscribe')).toMatchObject({ ok: true });
  });

  it('the board’s snapshot is built once per state and shared between boards', async () => {
    const ctx = server.server.ctx;
    const a = displayView(ctx);
    const b = displayView(ctx);
    expect(b.services).toBe(a.services);
    expect(b.calls).toBe(a.calls);
    await send(server.url, 'POST', '/api/tickets', { serviceId: 'civil-status' }, { authorization: `Bearer ${kiosk}` });
    expect(displayView(ctx).services).not.toBe(a.services);
  });

  it('new connections past the address’s budget are refused at the handshake', async () => {
    const attempts = await Promise.all(Array.from({ length: 50 }, () => socketFrom(server.url, '10.9.0.1')));
    for (const a of attempts) sockets.push(a.socket);
    const refused = attempts.filter((a) => a.refused !== null);
    expect(refused.length).toBeGreaterThanOrEqual(9);
    expect(refused[0]?.refused?.message).toBe('too_many_requests');
    expect((await socketFrom(server.url, '10.9.0.2')).refused).toBeNull();
  });

  it('a lobby board’s token grants nothing beyond the public views, and is held to the same budgets', async () => {
    const display = await server.deviceToken('display');
    const { socket } = await socketFrom(server.url, '10.10.0.1', display);
    sockets.push(socket);
    expect(await rawCommand(socket, 'ticket:issue', { serviceId: 'civil-status' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await rawCommand(socket, 'counter:next', { counterId: 1 })).toMatchObject({ ok: false });
    const http = await send(server.url, 'POST', '/api/tickets', { serviceId: 'civil-status' }, { authorization: `Bearer ${display}` });
    expect(http.status).toBe(403);
    expect((await send(server.url, 'GET', '/api/config', undefined, { authorization: `Bearer ${display}` })).status).toBe(403);
    const replies = await answers(socket, 10);
    // Two of the connection's five went on the refused commands.
    expect(replies.filter((r) => r?.ok)).toHaveLength(3);
  });

  it('a body is refused by its declared size before it is read, and an anonymous one before the route’s policy lets it in', async () => {
    // 1.9 MB announced to the sign-in route (public: 8 kB) and to an admin route (staff: 1 MB).
    expect(await headOnly(server.port, 'POST', '/api/auth/login', 1_900_000, via('10.11.0.1'))).toEqual({
      statusLine: 'HTTP/1.1 413 Payload Too Large',
      closed: true,
    });
    expect(await headOnly(server.port, 'PUT', '/api/config/centre', 1_900_000, via('10.11.0.1'))).toEqual({
      statusLine: 'HTTP/1.1 413 Payload Too Large',
      closed: true,
    });
    // 500 kB to an admin route without a token: refused by its policy, body unread.
    expect(await headOnly(server.port, 'PUT', '/api/config/centre', 500_000, via('10.11.0.1'))).toEqual({
      statusLine: 'HTTP/1.1 401 Unauthorized',
      closed: true,
    });
  });
});

describe('a flood of bodies too big to read', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ flags: ['--trusted-proxies', '127.0.0.1'] });
  });
  afterAll(() => server.close());

  it('an anonymous caller’s is refused late, and the server reads little of each', async () => {
    const read: number[] = [];
    server.server.http.on('connection', (s: TcpSocket) => s.once('close', () => read.push(s.bytesRead)));
    const pushes = await Promise.all(
      Array.from({ length: 10 }, () => pushingBody(server.port, 'POST', '/api/auth/login', 20_000_000, via('10.12.0.1'))),
    );
    await waitFor(() => read.length === 10, 'the server to close the ten connections');
    for (const p of pushes) {
      // Held back a second like any refusal of a flood (a lower bound: a slow machine only adds to it).
      expect(p.elapsedMs).toBeGreaterThanOrEqual(950);
      // The answer, unless the reset of the unread body overtook it (a flooder's loss, not the server's).
      if (p.statusLine) expect(p.statusLine).toBe('HTTP/1.1 413 Payload Too Large');
    }
    // Of 20 MB pushed at it for a second, the server took in what its buffers hold, then closed the connection.
    for (const bytes of read) expect(bytes).toBeLessThan(1_000_000);
  });

  it('a member of staff’s is refused at once, and the answer surely arrives: the body is read to its end and thrown away', async () => {
    const token = await server.adminToken();
    const res = await fetch(`${server.url}/api/config/centre`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'en' },
      body: new Uint8Array(10_000_000).fill(0x61),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(res.headers.get('connection')).not.toBe('close');
  });
});

describe('limits in the site config are validated', () => {
  it('a wrong limit stops the start with the field named, and nothing is written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-limits-'));
    try {
      await siteWith(dir, (site) => {
        site.limits = { kioskIssue: { perMinute: 0 }, signIn: { windowMinutes: 'ten' } };
      });
      const before = await readFile(join(dir, 'site.json'), 'utf8');
      const opened = SiteStore.open(join(dir, 'site.json'), join(repoDir, 'data/site.json'), Date.now());
      await expect(opened).rejects.toThrow(/limits\.kioskIssue\.perMinute/);
      await expect(opened).rejects.toThrow(/limits\.signIn\.windowMinutes/);
      expect(await readFile(join(dir, 'site.json'), 'utf8')).toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('limits left out get the defaults', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-limits-'));
    try {
      await siteWith(dir, (site) => {
        site.limits = { signIn: { failuresPerAccount: 5 } };
      });
      const store = await SiteStore.open(join(dir, 'site.json'), join(repoDir, 'data/site.json'), Date.now());
      expect(store.get().limits).toMatchObject({
        kioskIssue: { burst: 6, perMinute: 6 },
        signIn: { failuresPerAddress: 10, failuresPerAccount: 5, windowMinutes: 15 },
        hashing: { concurrent: 1, queued: 8 },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
