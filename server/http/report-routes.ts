import * as v from 'valibot';
import { reportCsvTables, type ReportView } from '../../protocol/reports.ts';
import { LocalDay } from '../../protocol/site-config.ts';
import type { AppContext } from '../app/context.ts';
import { csvStyle } from '../app/csv-style.ts';
import { reportCsv } from '../app/report-csv.ts';
import { buildReport, maxReportDays, reportDays, warmReportCache } from '../app/reports.ts';
import { logger } from '../log.ts';
import { httpError, okResponse } from './http-results.ts';
import type { IncomingRequest, Router } from './router.ts';

const log = logger('reports');
const ReportQuery = v.object({ from: LocalDay, to: LocalDay });

/** Reports for a day or a range of days, as JSON for the admin app and as CSV per table. */
export function addReportRoutes(router: Router, ctx: AppContext): void {
  const cache = ctx.reportCache;
  const warm = () =>
    void warmReportCache({ store: ctx.store, live: ctx.engine.state, cache }).then(
      (days) => days > 0 && log.info('report cache warmed', { days }),
      (e: unknown) => log.warn('report cache not warmed', { error: e }),
    );
  // Finished days are replayed once in the background, so a long report never waits for them.
  warm();
  ctx.engine.onDayStarted(warm);

  const report = async (r: IncomingRequest): Promise<{ ok: true; value: ReportView } | { ok: false; code: string; detail?: string }> => {
    const today = ctx.engine.state.day;
    const q = v.safeParse(ReportQuery, { from: r.query.get('from') ?? today, to: r.query.get('to') ?? r.query.get('from') ?? today });
    if (!q.success) return { ok: false, code: 'invalid_payload', detail: 'from, to: expected YYYY-MM-DD' };
    const range = reportDays(q.output.from, q.output.to);
    if (!range.ok) return { ok: false, code: range.reason === 'order' ? 'admin:reports.bad_order' : 'admin:reports.too_long' };
    const sources = { config: ctx.site.get(), store: ctx.store, live: ctx.engine.state, clerks: ctx.auth.users(), cache };
    return { ok: true, value: await buildReport(sources, q.output.from, q.output.to, range.days) };
  };

  router.add('report', async (r) => {
    const made = await report(r);
    if (!made.ok) return { ...httpError(ctx, r, made.code, made.detail ? { detail: made.detail } : { max: maxReportDays }), status: 400 };
    return okResponse(made.value);
  });

  router.add('reportCsv', async (r) => {
    const table = v.safeParse(v.picklist(reportCsvTables), r.query.get('table') ?? 'service');
    if (!table.success)
      return { ...httpError(ctx, r, 'invalid_payload', { detail: `table: one of ${reportCsvTables.join(', ')}` }), status: 400 };
    const made = await report(r);
    if (!made.ok) return { ...httpError(ctx, r, made.code, made.detail ? { detail: made.detail } : { max: maxReportDays }), status: 400 };
    r.res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="motcua-report-${table.output}-${made.value.from}_${made.value.to}.csv"`,
      'cache-control': 'no-store',
    });
    r.res.end(reportCsv(made.value, table.output, csvStyle(ctx.translator, r.lang, r.query)));
    return null;
  });
}
