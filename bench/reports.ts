/**
 * Reports over 90 days of history must answer in under a second. Generates 90 days of journals
 * (~600 tickets a day, through the real core and the real file store) into a temp data dir,
 * then times `buildReport` over the whole range, as `GET /api/reports` runs it.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as v from 'valibot';
import { SiteConfigSchema } from '../protocol/site-config.ts';
import { buildReport, reportDays, warmReportCache } from '../server/app/reports.ts';
import { addDays } from '../server/core/local-time.ts';
import { emptyDayState } from '../server/core/queue-state.ts';
import { systemClock } from '../server/clock.ts';
import { FileQueueStore } from '../server/store/queue-store.ts';
import { FileDayTicketCache } from '../server/store/report-day-cache.ts';
import { writeHistory } from './support/history.ts';

export interface ReportsBenchReport {
  name: 'reports';
  days: number;
  tickets: number;
  journalEvents: number;
  generateMs: number;
  /** The first report with no day cache: every journal replayed (the cache is filled on the way). */
  coldMs: number;
  /** Warming the cache as the server does at start-up and at each new day, in the background. */
  warmUpMs: number;
  /** Reports once the finished days are cached: what an admin waits for. */
  medianMs: number;
  targets: { maxMs: number; met: boolean };
}

/** Generates the history, then builds the 90-day report `rounds` times. */
export async function run(options: { days?: number; ticketsPerDay?: number; rounds?: number } = {}): Promise<ReportsBenchReport> {
  const { days = 90, ticketsPerDay = 600, rounds = 5 } = options;
  const config = v.parse(SiteConfigSchema, JSON.parse(readFileSync(join(import.meta.dirname, '../data/site.json'), 'utf8')));
  // Quotas would cap a busy simulated day below the target volume.
  for (const s of config.services) delete s.dailyQuota;
  const dir = await mkdtemp(join(tmpdir(), 'motcua-bench-reports-'));
  try {
    const last = '2026-11-20';
    const first = addDays(last, -(days - 1));
    const generated = performance.now();
    const { tickets, events: journalEvents } = await writeHistory(dir, config, { days, ticketsPerDay, lastDay: last });
    const generateMs = performance.now() - generated;
    const range = reportDays(first, last);
    if (!range.ok) throw new Error('bad range');
    const sources = {
      config,
      store: new FileQueueStore(dir, systemClock),
      live: emptyDayState('2026-11-23'),
      clerks: [],
      cache: new FileDayTicketCache(dir),
    };
    const cold = await buildReport({ ...sources, cache: undefined }, first, last, range.days);
    const warming = performance.now();
    await warmReportCache(sources);
    const warmUpMs = Math.round(performance.now() - warming);
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const report = await buildReport(sources, first, last, range.days);
      if (report.total.issued !== tickets) throw new Error(`report counted ${report.total.issued} of ${tickets} tickets`);
      times.push(report.tookMs);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const medianMs = sorted[Math.floor(sorted.length / 2)]!;
    return {
      name: 'reports',
      days,
      tickets,
      journalEvents,
      generateMs: Math.round(generateMs),
      coldMs: cold.tookMs,
      warmUpMs,
      medianMs,
      targets: { maxMs: 1000, met: medianMs < 1000 },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await run();
  process.stdout.write(
    `Reports: ${r.days} days, ${r.tickets} tickets, ${r.journalEvents} journal events (generated in ${r.generateMs} ms)\n` +
      `  90-day report: ${r.medianMs} ms median with finished days cached (target < ${r.targets.maxMs} ms: ${r.targets.met ? 'met' : 'NOT met'})\n` +
      `  without the cache: ${r.coldMs} ms; warming the cache in the background: ${r.warmUpMs} ms\n`,
  );
}
