import { pathToFileURL } from 'node:url';
import { percentile } from '../server/core/statistics.ts';
import { ack, openSocket, round, startBenchServer } from './support/bench-server.ts';

export interface IssueThroughputFigures {
  /** Durable issues per second with 8 kiosks issuing at once through Socket.IO (display and kiosk rooms live). */
  issuesPerSecond: number;
  /** The same while eight counter consoles call numbers at once and receive their views. */
  issuesPerSecondWithCounters: number;
  /** Median latency of one issue (ms), around the 100th ticket of the day. */
  costAt100Ms: number | null;
  /** Median latency of one issue (ms), around the 10,000th ticket of the day. */
  costAt10000Ms: number | null;
  growth: number | null;
}

/**
 * Ticket issue through the real server: Socket.IO command, decision, journal write + fdatasync,
 * broadcasts to a connected display and kiosk room, while eight counters call numbers so the
 * queue stays as deep as on a busy day (a 10,000-ticket day, not 10,000 people waiting at once). Measures throughput with concurrent issuers
 * and whether a ticket costs more late in a 10,000-ticket day than early. By default without
 * printing (the printer's raster encoding, ~4 ms a ticket, is measured by print-encode.ts).
 */
export async function run(total = 10_000, printing = false): Promise<IssueThroughputFigures> {
  const bench = await startBenchServer({ printing });
  try {
    const staff = await Promise.all(Array.from({ length: 8 }, () => openSocket(bench.url, bench.adminToken)));
    const display = await openSocket(bench.url);
    await ack(display, 'display:subscribe', {});
    await ack(staff[0]!, 'kiosk:subscribe');
    const clerks = await Promise.all(
      bench.server.ctx.site.get().counters.map(async (c) => {
        const s = await openSocket(bench.url, bench.adminToken);
        await ack(s, 'counter:join', { counterId: c.id });
        return { s, id: c.id };
      }),
    );
    let stop = false;
    // During the concurrent phase counters keep the queue about 100 deep, calling whenever it is deeper.
    const calling = () =>
      clerks.map(async ({ s, id }) => {
        while (!stop) {
          if (bench.server.ctx.engine.state.waiting.size > 100) {
            // Finish, then call: a Next seconds after a call is refused as a slip.
            await ack(s, 'counter:finish', { counterId: id });
            await ack(s, 'counter:next', { counterId: id });
          } else await new Promise((r) => setTimeout(r, 2));
        }
      });
    const services = bench.server.ctx.site.get().services.map((s) => s.id);
    let issued = 0;
    const latencies: number[] = [];
    const issueOne = async (socket: (typeof staff)[number]) => {
      const n = issued++;
      const t0 = performance.now();
      const r = await ack(socket, 'ticket:issue', { serviceId: services[n % services.length]! });
      if (!r.ok) throw new Error(`issue refused: ${r.error.code}`);
      latencies[n] = performance.now() - t0;
    };
    // Serial issues first: a clean per-ticket cost early in the day (queue 0–150 deep).
    for (let i = 0; i < 150; i++) await issueOne(staff[0]!);
    const burst = async (until: number) => {
      const started = performance.now();
      const startCount = issued;
      await Promise.all(
        staff.map(async (socket) => {
          while (issued < until) await issueOne(socket);
        }),
      );
      return ((issued - startCount) / (performance.now() - started)) * 1000;
    };
    const issuesPerSecond = await burst(Math.floor(total / 3));
    const callers = calling();
    const issuesPerSecondWithCounters = await burst(total - 200);
    stop = true;
    await Promise.all(callers);
    // Then serial again, the counters resting: the same per-ticket cost late in the day (queue 100–200 deep).
    while (issued < total) await issueOne(staff[0]!);
    const early = latencies.slice(50, 150);
    const late = latencies.slice(total - 200, total - 100);
    const costAt100Ms = percentile(early, 0.5);
    const costAt10000Ms = percentile(late, 0.5);
    for (const s of [...staff, display, ...clerks.map((c) => c.s)]) s.disconnect();
    return {
      issuesPerSecond: Math.round(issuesPerSecond),
      issuesPerSecondWithCounters: Math.round(issuesPerSecondWithCounters),
      costAt100Ms: round(costAt100Ms, 3),
      costAt10000Ms: round(costAt10000Ms, 3),
      growth: costAt100Ms && costAt10000Ms ? round(costAt10000Ms / costAt100Ms) : null,
    };
  } finally {
    await bench.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const printing of [false, true]) {
    const f = await run(10_000, printing);
    process.stdout.write(
      `durable issue${printing ? ' + virtual raster print' : ''}: ${f.issuesPerSecond} issues/s (8 concurrent issuers), ` +
        `${f.issuesPerSecondWithCounters} issues/s while 8 counters call; ` +
        `per ticket ${f.costAt100Ms} ms at #100, ${f.costAt10000Ms} ms at #10,000 (×${f.growth})\n`,
    );
  }
}
