import * as v from 'valibot';
import { HubReportQuery, type HubReportView } from '../../../protocol/hub/hub-reports.ts';
import { reportDays, maxReportDays } from '../../../server/app/reports.ts';
import type { HubContext } from '../../hub-context.ts';
import { provinceReport } from '../../reports/province-report.ts';
import { hubReportCsv } from '../../reports/province-report-csv.ts';
import { csvStyle } from '../../../server/app/csv-style.ts';
import type { HubPrincipal, HubRequest, HubRoutes } from '../hub-request.ts';
import { readerCentre } from '../hub-request.ts';
import { hubError, hubOk } from '../hub-results.ts';

type Reader = HubRequest<Extract<HubPrincipal, { kind: 'user' | 'machine' }>>;

/** Province reports across centres, as JSON and as CSV; a manager's and a bound token's are their centre's. */
export function addHubReportRoutes(routes: HubRoutes, ctx: HubContext): void {
  const report = async (
    r: Reader,
  ): Promise<{ ok: true; view: HubReportView } | { ok: false; code: string; params?: Record<string, string | number> }> => {
    const q = v.safeParse(
      HubReportQuery,
      Object.fromEntries(['from', 'to', 'by', 'period', 'centre'].flatMap((k) => (r.query.has(k) ? [[k, r.query.get(k)]] : []))),
    );
    if (!q.success)
      return { ok: false, code: 'invalid_payload', params: { detail: `${v.getDotPath(q.issues[0]) ?? ''}: ${q.issues[0].message}` } };
    const range = reportDays(q.output.from, q.output.to);
    if (!range.ok)
      return {
        ok: false,
        code: range.reason === 'order' ? 'admin:reports.bad_order' : 'admin:reports.too_long',
        params: { max: maxReportDays },
      };
    const bound = readerCentre(r.principal);
    const centres = await ctx.centres.list();
    const asked = q.output.centre ? centres.find((c) => c.code === q.output.centre) : undefined;
    if (q.output.centre && !asked) return { ok: false, code: 'hub:centres.unknown', params: { code: q.output.centre } };
    if (bound !== null && asked && asked.id !== bound) return { ok: false, code: 'forbidden' };
    const centre = bound !== null ? centres.find((c) => c.id === bound) : asked;
    const view = await provinceReport(ctx.db, {
      ...q.output,
      centreId: centre?.id ?? null,
      centreCode: centre?.code ?? null,
      lang: r.lang,
    });
    return { ok: true, view };
  };

  routes.add('report', async (r) => {
    const made = await report(r);
    return made.ok ? hubOk(made.view) : hubError(ctx, r, made.code, made.params, made.code === 'forbidden' ? 403 : 400);
  });

  routes.add('reportCsv', async (r) => {
    const made = await report(r);
    if (!made.ok) return hubError(ctx, r, made.code, made.params, made.code === 'forbidden' ? 403 : 400);
    const { view } = made;
    r.res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="motcua-province-${view.by}-${view.period}-${view.from}_${view.to}.csv"`,
      'cache-control': 'no-store',
    });
    r.res.end(hubReportCsv(view, csvStyle(ctx.translator, r.lang, r.query), (key) => ctx.translator.t(r.lang, key)));
    return null;
  });
}
