/**
 * A province against one hub on this machine: 100 centres, a working day each, shipped to the hub
 * over HTTP all at once (as after a morning's outage of the province network), on the embedded
 * PostgreSQL that `npm run hub` uses. Measures the ingest rate into PostgreSQL, how long one busy
 * centre takes to catch up after a day offline (the centre's own shipper reading its journal),
 * and how long province reports take, in SQL and, for comparison, through the centre's pure
 * report functions over the same tickets.
 */
import { systemClock } from '../server/clock.ts';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as v from 'valibot';
import { createHub } from '../hub/create-hub.ts';
import { resolveHubSettings } from '../hub/config.ts';
import { openDatabase } from '../hub/db/database.ts';
import { startEmbeddedPostgres } from '../hub/db/embedded-postgres.ts';
import type { JoinCodeView, JoinReceipt } from '../protocol/hub/centres.ts';
import type { HubReportView } from '../protocol/hub/hub-reports.ts';
import type { Result } from '../protocol/result.ts';
import { SiteConfigSchema } from '../protocol/site-config.ts';
import { centreProfile } from '../server/app/centre-live.ts';
import type { Ticket } from '../server/core/model.ts';
import { computeReport } from '../server/core/report-tables.ts';
import { HubClient } from '../server/hub-link/hub-client.ts';
import { JournalShipper } from '../server/hub-link/journal-shipper.ts';
import { LinkStore } from '../server/hub-link/link-store.ts';
import { configureLogging } from '../server/log.ts';
import { FileQueueStore } from '../server/store/queue-store.ts';
import { simulateDay } from './day-simulation.ts';

export interface HubProvinceReport {
  name: 'hub-province';
  centres: number;
  tickets: number;
  events: number;
  /** All centres' days ingested concurrently over HTTP. */
  ingestMs: number;
  eventsPerSecond: number;
  /** How many times faster than the province's day produces events (a 9-hour day). */
  keepsUpTimes: number;
  catchUp: { tickets: number; events: number; ms: number };
  /** The slowest of the day's province reports (by centre, service, clerk, counter, per day). */
  reportMaxMs: number;
  /** By service over the day: SQL against loading the tickets and running the centre's `computeReport`. */
  sqlByServiceMs: number;
  jsByServiceMs: number;
  month: { tickets: number; reportMs: number };
  targets: { reportMaxMs: number; met: boolean };
}

const config = v.parse(SiteConfigSchema, JSON.parse(readFileSync(join(import.meta.dirname, '../data/site.json'), 'utf8')));
for (const s of config.services) delete s.dailyQuota;
const day = '2026-11-23';

export async function run(
  options: { centres?: number; ticketsPerCentre?: number; catchUpTickets?: number } = {},
): Promise<HubProvinceReport> {
  const { centres = 100, ticketsPerCentre = 450, catchUpTickets = 2000 } = options;
  configureLogging({ level: 'warn' });
  const dir = await mkdtemp(join(tmpdir(), 'motcua-bench-hub-'));
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres(join(dir, 'hub'));
  const db = await openDatabase(pg.url, { max: 16 });
  const hub = await createHub({ settings: resolveHubSettings(['--port', '0', '--host', '127.0.0.1', '--database', pg.url], {}), db });
  const base = `http://127.0.0.1:${await hub.listen()}`;
  const call = async <T>(method: string, path: string, body: unknown, token?: string): Promise<T> => {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const r = (await res.json()) as Result<T>;
    if (!r.ok) throw new Error(`${path}: ${r.error.code}`);
    return r.value;
  };
  try {
    const admin = (
      await call<{ token: string }>('POST', '/api/auth/setup', {
        token: await hub.ctx.users.setupToken(),
        username: 'tinh',
        name: 'Tỉnh',
        password: 'bench-password-1',
      })
    ).token;
    const join = async (code: string) => {
      await call('POST', '/api/centres', { code, name: `Trung tâm ${code}`, level: 'commune' }, admin);
      const jc = await call<JoinCodeView>('POST', `/api/centres/${code}/join-code`, undefined, admin);
      return (await call<JoinReceipt>('POST', '/api/hub/v1/join', { centreCode: code, joinCode: jc.code })).token;
    };
    const province = await Promise.all(
      Array.from({ length: centres }, async (_, i) => {
        const code = `C${String(i + 1).padStart(3, '0')}`;
        const sim = simulateDay(config, day, { tickets: ticketsPerCentre, seed: i + 1 });
        const token = await join(code);
        const clerks = [...new Set([...sim.state.tickets.values()].map((t) => t.clerkId).filter((c): c is string => c !== null))];
        const live = {
          at: 0,
          day,
          open: true,
          counters: { open: 8, paused: 0, closed: 0 },
          waiting: 0,
          longestWaitMinutes: 0,
          waitingByService: {},
        };
        const devices = {
          printer: 'ready',
          kiosks: { paired: 1, online: 1 },
          boards: { online: 1, soundOff: 0 },
          buttonLines: { total: 0, down: 0 },
        };
        await call(
          'POST',
          '/api/hub/v1/status',
          {
            live: {
              ...live,
              devices,
              journal: { day, seq: 0, lastAt: null },
              shipping: { pendingEvents: 0, oldestPendingAt: null },
              catalogueVersion: null,
            },
            profile: centreProfile(
              config,
              clerks.map((id) => ({ id, name: id })),
            ),
          },
          token,
        );
        return { token, sim };
      }),
    );
    const events = province.reduce((n, c) => n + c.sim.events.length, 0);
    const tickets = province.reduce((n, c) => n + c.sim.state.tickets.size, 0);

    const started = performance.now();
    await Promise.all(
      province.map(async ({ token, sim }) => {
        for (let k = 0; k < sim.events.length; k += 500)
          await call('POST', '/api/hub/v1/events', { day, events: sim.events.slice(k, k + 500) }, token);
      }),
    );
    const ingestMs = Math.round(performance.now() - started);

    const catchUp = await catchUpAfterADay(base, await join('CATCHUP'), catchUpTickets, dir);

    const reportMs = async (query: string) => (await call<HubReportView>('GET', `/api/reports?${query}`, undefined, admin)).tookMs;
    const queries = ['by=centre', 'by=service', 'by=clerk', 'by=counter', 'by=centre&period=day'];
    const timings: number[] = [];
    for (const q of queries) for (let r = 0; r < 3; r++) timings.push(await reportMs(`from=${day}&to=${day}&${q}`));
    const sqlByServiceMs = Math.min(...(await Promise.all([0, 1, 2].map(() => reportMs(`from=${day}&to=${day}&by=service`)))));
    const jsByServiceMs = await jsReport(db);

    // A month: the day's tickets copied to 21 more working days, as a month of the province would hold.
    await db.query(
      `insert into tickets select centre_id, day + n, id, label, service_id, issued_service_id, counter_id, clerk_id, status,
      priority_group, procedure_code, issued_at + n * 86400000, first_called_at + n * 86400000, started_at + n * 86400000, ended_at + n * 86400000,
      rating_level from tickets, generate_series(1, 21) as n where day = $1`,
      [day],
    );
    await db.query('analyze tickets');
    const monthTickets = Number((await db.query<{ n: number }>('select count(*) as n from tickets'))[0]!.n);
    const monthMs = await reportMs(`from=2026-11-01&to=2026-12-31&by=centre&period=week`);
    const reportMaxMs = Math.max(...timings);
    return {
      name: 'hub-province',
      centres,
      tickets,
      events,
      ingestMs,
      eventsPerSecond: Math.round((events / ingestMs) * 1000),
      keepsUpTimes: Math.round(events / ingestMs / (events / (9 * 3600 * 1000))),
      catchUp,
      reportMaxMs,
      sqlByServiceMs,
      jsByServiceMs,
      month: { tickets: monthTickets, reportMs: monthMs },
      targets: { reportMaxMs: 2000, met: reportMaxMs <= 2000 },
    };
  } finally {
    await hub.close();
    await db.close();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A busy centre's day in its own journal, shipped by the centre's own shipper from nothing. */
async function catchUpAfterADay(hubUrl: string, token: string, tickets: number, dir: string): Promise<HubProvinceReport['catchUp']> {
  const dataDir = join(dir, 'centre');
  const store = new FileQueueStore(dataDir, systemClock);
  const sim = simulateDay(config, day, { tickets, seed: 99 });
  await store.openDay(day);
  await store.append(sim.events);
  await store.close();
  const link = await LinkStore.open(dataDir);
  const shipper = new JournalShipper(
    new HubClient(hubUrl, () => token),
    link,
    { store, head: () => ({ day: '2026-11-24', seq: 0 }) },
    500,
    Date.now,
  );
  const started = performance.now();
  const round = await shipper.round();
  if (!round.ok) throw new Error(`catch-up failed: ${round.kind}`);
  return { tickets: sim.state.tickets.size, events: sim.events.length, ms: Math.round(performance.now() - started) };
}

/** The same by-service table as the SQL one, computed the centre's way: every ticket loaded, then `computeReport`. */
async function jsReport(db: Awaited<ReturnType<typeof openDatabase>>): Promise<number> {
  const started = performance.now();
  const rows = await db.query(
    `select id, label, service_id, issued_service_id, counter_id, clerk_id, status, priority_group, procedure_code, issued_at,
       first_called_at, started_at, ended_at, rating_level, rating_scale from tickets where day = $1`,
    [day],
  );
  const tickets: Ticket[] = rows.map((r) => ({
    id: r.id as string,
    serviceId: r.service_id as string,
    issuedServiceId: r.issued_service_id as string,
    number: 0,
    label: r.label as string,
    priorityGroup: r.priority_group as string | null,
    procedureCode: r.procedure_code as string | null,
    issuedAt: r.issued_at as number,
    queuedAt: r.issued_at as number,
    // The report reads neither: they order a day's tickets by their journal position.
    issuedSeq: 0,
    queuedSeq: 0,
    status: r.status as Ticket['status'],
    counterId: r.counter_id as number | null,
    targetCounterId: null,
    firstCalledAt: r.first_called_at as number | null,
    lastCalledAt: null,
    recalls: 0,
    startedAt: r.started_at as number | null,
    endedAt: r.ended_at as number | null,
    transfers: 0,
    clerkId: r.clerk_id as string | null,
    dossierCode: null,
    rating:
      r.rating_level === null
        ? null
        : { level: r.rating_level as number, reason: null, at: 0, scale: (r.rating_scale as 3 | 5 | null) ?? null, dossierCode: null },
  }));
  computeReport(tickets, { timeZone: config.centre.timeZone, targetWaitMinutes: config.centre.targetWaitMinutes, ratingScale: 3 });
  return Math.round(performance.now() - started);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await run();
  process.stdout.write(
    `Province: ${r.centres} centres, ${r.tickets} tickets, ${r.events} events\n` +
      `  ingest: ${r.ingestMs} ms, ${r.eventsPerSecond} events/s (×${r.keepsUpTimes} a province's working day)\n` +
      `  catch-up after a day offline: ${r.catchUp.events} events (${r.catchUp.tickets} tickets) in ${r.catchUp.ms} ms\n` +
      `  reports for the day: slowest ${r.reportMaxMs} ms; by service SQL ${r.sqlByServiceMs} ms vs computeReport ${r.jsByServiceMs} ms\n` +
      `  a month (${r.month.tickets} tickets) by centre and week: ${r.month.reportMs} ms\n`,
  );
  process.exit(0);
}
