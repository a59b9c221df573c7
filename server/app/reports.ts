import type { ReportView } from '../../protocol/reports.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import { applyEvent } from '../core/apply-event.ts';
import { addDays } from '../core/local-time.ts';
import type { Ticket } from '../core/model.ts';
import { emptyDayState, type QueueState } from '../core/queue-state.ts';
import { computeReport } from '../core/report-tables.ts';
import type { QueueStore } from '../store/queue-store.ts';
import type { DayTicketCache } from '../store/report-day-cache.ts';

/** The longest range one report covers: a year, so one request cannot read the whole archive. */
export const maxReportDays = 366;

export interface ReportSources {
  config: SiteConfig;
  store: Pick<QueueStore, 'readDay' | 'listDays'>;
  /** Today's live queue: its tickets come from memory, not from the journal being written. */
  live: QueueState;
  /** Names of clerks by user id, for the per-clerk tables. */
  clerks: ReadonlyArray<{ id: string; name: string }>;
  /** Finished days already replayed once; without it every report replays every journal. */
  cache?: DayTicketCache;
}

/** Days from `from` to `to` inclusive, or why they are not a range. */
export function reportDays(from: string, to: string): { ok: true; days: string[] } | { ok: false; reason: 'order' | 'too_long' } {
  if (from > to) return { ok: false, reason: 'order' };
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    days.push(d);
    if (days.length > maxReportDays) return { ok: false, reason: 'too_long' };
  }
  return { ok: true, days };
}

/**
 * A report over the days `from`…`to`: past days replayed from their journals (read a few at a
 * time), today from the live queue. Measured in `bench/reports.ts`.
 */
export async function buildReport(src: ReportSources, from: string, to: string, days: readonly string[]): Promise<ReportView> {
  const started = performance.now();
  const stored = new Set(await src.store.listDays());
  const wanted = days.filter((d) => d === src.live.day || stored.has(d));
  const tickets: Ticket[] = [];
  for (let i = 0; i < wanted.length; i += readAhead) {
    const batch = await Promise.all(wanted.slice(i, i + readAhead).map((d) => ticketsOfDay(src, d)));
    for (const list of batch) for (const t of list) tickets.push(t);
  }
  const { centre, services, counters } = src.config;
  const tables = computeReport(tickets, {
    timeZone: centre.timeZone,
    targetWaitMinutes: centre.targetWaitMinutes,
    ratingScale: centre.ratingScale,
  });
  const clerkIds = new Set(Object.keys(tables.byClerk));
  return {
    from,
    to,
    ratingScale: centre.ratingScale,
    targetWaitMinutes: centre.targetWaitMinutes,
    services: services.map((s) => ({ id: s.id, code: s.code, name: s.name })),
    counters: counters.map((c) => ({ id: c.id, name: c.name })),
    clerks: src.clerks.filter((c) => clerkIds.has(c.id)).map((c) => ({ id: c.id, name: c.name })),
    ...tables,
    tookMs: Math.round(performance.now() - started),
  };
}

const readAhead = 8;

/**
 * Replays every finished day that has no cache entry yet, one at a time so the queue stays
 * responsive. Run at start-up and when a day ends, so even the first long report is a cached one.
 */
export async function warmReportCache(src: Pick<ReportSources, 'store' | 'live' | 'cache'>): Promise<number> {
  let warmed = 0;
  for (const day of (await src.store.listDays()).slice(-maxReportDays)) {
    if (day >= src.live.day || (await src.cache?.read(day))) continue;
    await ticketsOfDay(src, day);
    warmed++;
  }
  return warmed;
}

async function ticketsOfDay(src: Pick<ReportSources, 'store' | 'live' | 'cache'>, day: string): Promise<Iterable<Ticket>> {
  if (day === src.live.day) return [...src.live.tickets.values()];
  const cached = await src.cache?.read(day);
  if (cached) return cached;
  const state = emptyDayState(day);
  for (const e of await src.store.readDay(day)) applyEvent(state, e);
  const tickets = [...state.tickets.values()];
  // Past days no longer change: keep them replayed for the next report.
  if (day < src.live.day) await src.cache?.write(day, tickets);
  return tickets;
}
