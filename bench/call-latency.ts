import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { percentile } from '../server/core/statistics.ts';
import { ack, openSocket, round, startBenchServer, type BenchSocket } from './support/bench-server.ts';

export interface CallLatencyFigures {
  clients: number;
  calls: number;
  /** From the counter's `counter:next` to the last of the display clients receiving the call. */
  motcuaP50Ms: number | null;
  motcuaP99Ms: number | null;
  /** A bare Socket.IO broadcast of the same size to the same number of clients, same run. */
  bareP50Ms: number | null;
  bareP99Ms: number | null;
  /** motcua p99 ÷ bare p99 (target ≤ 2). */
  ratioP99: number | null;
}

/** Resolves when every client has received one `ticket:called`. */
function allReceive(clients: ReadonlyArray<{ once(e: string, f: () => void): unknown }>): Promise<void> {
  let left = clients.length;
  return new Promise((resolve) => {
    for (const c of clients) c.once('ticket:called', () => --left === 0 && resolve());
  });
}

async function measure(
  calls: number,
  once: () => Promise<unknown>,
  received: () => Promise<void>,
  /** Unmeasured, before each call. */
  prepare: () => Promise<unknown> = async () => {},
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    await prepare();
    const all = received();
    const t0 = performance.now();
    await once();
    await all;
    times.push(performance.now() - t0);
    // Calls a few per second, as at a busy centre, so each one is measured on its own.
    await new Promise((r) => setTimeout(r, 60));
  }
  return times;
}

/** A plain Socket.IO server that rebroadcasts a call to a room at once: the floor we compare with. */
async function bareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  io.on('connection', (s) => {
    void s.join('display');
    s.on('call', (payload: unknown, done: () => void) => {
      io.to('display').emit('ticket:called', payload);
      done();
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, close: () => new Promise((r) => io.close(() => r())) };
}

export async function run(clients = 150, calls = 200): Promise<CallLatencyFigures> {
  const bench = await startBenchServer({ printing: false });
  const bare = await bareServer();
  const sockets: Array<BenchSocket | Socket> = [];
  try {
    const displays: BenchSocket[] = [];
    for (let i = 0; i < clients; i++) {
      const s = await openSocket(bench.url);
      await ack(s, 'display:subscribe', {});
      displays.push(s);
    }
    const staff = await openSocket(bench.url, bench.adminToken);
    for (let i = 0; i < calls + 5; i++) await ack(staff, 'ticket:issue', { serviceId: 'civil-status' });
    const clerk = await openSocket(bench.url, bench.adminToken);
    await ack(clerk, 'counter:join', { counterId: 1 });
    sockets.push(...displays, staff, clerk);

    const bareClients: Socket[] = [];
    for (let i = 0; i < clients; i++) {
      const s = connect(bare.url, { transports: ['websocket'], reconnection: false, forceNew: true });
      await new Promise<void>((r) => s.once('connect', () => r()));
      bareClients.push(s);
    }
    const commander = bareClients[0]!;
    sockets.push(...bareClients);
    const payload = {
      ticketId: 'abcdefghij',
      label: '1023',
      counterId: 1,
      counterName: { vi: 'Quầy 1', en: 'Counter 1' },
      serviceId: 'civil-status',
      at: 0,
      recall: false,
    };

    // Alternate the two in blocks so both see the same machine load.
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let block = 0; block < 4; block++) {
      ours.push(
        ...(await measure(
          calls / 4,
          () => ack(clerk, 'counter:next', { counterId: 1 }),
          () => allReceive(displays),
          // The clerk finishes first: a Next seconds after a call finishes nobody and calls nobody.
          () => ack(clerk, 'counter:finish', { counterId: 1 }),
        )),
      );
      theirs.push(
        ...(await measure(
          calls / 4,
          () => commander.timeout(10_000).emitWithAck('call', payload),
          () => allReceive(bareClients),
        )),
      );
    }
    const p99 = percentile(ours, 0.99);
    const bareP99 = percentile(theirs, 0.99);
    return {
      clients,
      calls,
      motcuaP50Ms: round(percentile(ours, 0.5)),
      motcuaP99Ms: round(p99),
      bareP50Ms: round(percentile(theirs, 0.5)),
      bareP99Ms: round(bareP99),
      ratioP99: p99 && bareP99 ? round(p99 / bareP99) : null,
    };
  } finally {
    for (const s of sockets) s.disconnect();
    await bare.close();
    await bench.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const f = await run();
  process.stdout.write(
    `call → ${f.clients} display clients: motcua p50 ${f.motcuaP50Ms} ms, p99 ${f.motcuaP99Ms} ms; ` +
      `bare Socket.IO broadcast p50 ${f.bareP50Ms} ms, p99 ${f.bareP99Ms} ms (p99 ratio ×${f.ratioP99})\n`,
  );
}
