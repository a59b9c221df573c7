import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterSnapshot, DisplaySnapshot, IssuedTicket } from '../../protocol/views.ts';
import { configureLogging } from '../../server/log.ts';
import { seededRandom } from '../support/server-process.ts';
import { command, TestServer, type ClientSocket } from '../support/test-server.ts';

// Wall displays and counter consoles drop off and come back (socket.io-client disconnect() and
// connect()) while counters call. Like the apps (client/connection.ts onOnline), a client
// subscribes again on every connect and shows the last snapshot it got. Once the burst is over
// each must show what a fresh client sees.

const seed = Number(process.env.MOTCUA_FAULT_SEED ?? 8_2026);
const counters = [1, 2, 3];

interface Watched<S> {
  socket: ClientSocket;
  latest: S | null;
  reconnects: number;
}

let server: TestServer;
beforeAll(async () => {
  configureLogging({ level: 'silent' });
  server = await TestServer.start({ flags: ['--always-open'] });
});
afterAll(() => server.close());

async function watchDisplay(token: string): Promise<Watched<DisplaySnapshot>> {
  const w: Watched<DisplaySnapshot> = { socket: await server.socket(token), latest: null, reconnects: 0 };
  w.socket.on('display:snapshot', (s) => (w.latest = s));
  const subscribe = async () => {
    const r = await command(w.socket, 'display:subscribe', {}).catch(() => null);
    if (r?.ok) w.latest = r.value;
  };
  w.socket.on('connect', () => void subscribe());
  await subscribe();
  return w;
}

async function watchConsole(token: string, counterId: number): Promise<Watched<CounterSnapshot>> {
  const w: Watched<CounterSnapshot> = { socket: await server.socket(token), latest: null, reconnects: 0 };
  w.socket.on('counter:snapshot', (s) => {
    if (s.counter.id === counterId) w.latest = s;
  });
  const subscribe = async () => {
    const r = await command(w.socket, 'counter:join', { counterId }).catch(() => null);
    if (r?.ok) w.latest = r.value;
  };
  w.socket.on('connect', () => void subscribe());
  await subscribe();
  return w;
}

/** The parts a screen shows; `serverTime` (and a console's `viewAt`) is only the moment it was sent. */
function shown<S extends { serverTime: number }>(s: S | null): Omit<S, 'serverTime' | 'viewAt'> | null {
  if (!s) return null;
  const { serverTime: _sent, viewAt: _made, ...rest } = s as S & { viewAt?: number };
  return rest;
}

async function settle<S extends { serverTime: number }>(w: Watched<S>, fresh: () => Promise<S>): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const truth = shown(await fresh());
    if (JSON.stringify(shown(w.latest)) === JSON.stringify(truth)) return;
    if (Date.now() > deadline) {
      expect(shown(w.latest)).toEqual(truth);
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('displays and consoles reconnecting during calls', () => {
  it(`each ends on the server's snapshot (seed ${seed})`, async () => {
    const random = seededRandom(seed);
    const admin = await server.adminToken();
    const clerks = await Promise.all(counters.map((id) => server.clerkToken(`clerk${id}`, [id])));
    const callers = await Promise.all(clerks.map((t) => server.socket(t)));
    for (const [i, id] of counters.entries()) expect((await command(callers[i]!, 'counter:join', { counterId: id })).ok).toBe(true);
    const displays = await Promise.all([0, 1, 2].map(async () => watchDisplay(await server.deviceToken('display'))));
    const consoles = await Promise.all(counters.map((id, i) => watchConsole(clerks[i]!, id)));
    const watched: Array<Watched<DisplaySnapshot> | Watched<CounterSnapshot>> = [...displays, ...consoles];

    let busy = true;
    const flapping = (async () => {
      while (busy) {
        const w = watched[Math.floor(random() * watched.length)]!;
        if (w.socket.connected) w.socket.disconnect();
        else {
          w.reconnects++;
          w.socket.connect();
        }
        await new Promise((r) => setTimeout(r, 5 + random() * 40));
      }
    })();
    let calls = 0;
    // Until every client has dropped and come back at least twice (and at least 40 rounds).
    for (let i = 0; i < 40 || watched.some((w) => w.reconnects < 2); i++) {
      if (i % 2 === 0) {
        // Staff issue at the desk: kiosks are rate-limited to a few numbers in a burst.
        const r = await server.request<IssuedTicket>(
          'POST',
          '/api/tickets',
          { serviceId: i % 4 ? 'certification' : 'civil-status' },
          admin,
        );
        expect(r.body.ok).toBe(true);
      }
      const at = Math.floor(random() * counters.length);
      const r = await command(callers[at]!, random() < 0.2 ? 'counter:recall' : 'counter:next', {
        counterId: counters[at]!,
      });
      if (r.ok && r.value.current) calls++;
    }
    busy = false;
    await flapping;
    for (const w of watched) if (!w.socket.connected) w.socket.connect();

    const freshDisplay = await server.socket(await server.deviceToken('display'));
    const freshConsoles = await Promise.all(clerks.map((t) => server.socket(t)));
    for (const w of displays) {
      await settle(w, async () => {
        const r = await command(freshDisplay, 'display:subscribe', {});
        if (!r.ok) throw new Error(r.error.code);
        return r.value;
      });
    }
    for (const [i, w] of consoles.entries()) {
      await settle(w, async () => {
        const r = await command(freshConsoles[i]!, 'counter:join', { counterId: counters[i]! });
        if (!r.ok) throw new Error(r.error.code);
        return r.value;
      });
    }
    expect(calls).toBeGreaterThan(0);
    expect(watched.every((w) => w.reconnects > 0)).toBe(true);
    console.info(`reconnect-snapshots: ${calls} calls, reconnects per client ${watched.map((w) => w.reconnects).join(' ')}`);
  }, 60_000);
});
