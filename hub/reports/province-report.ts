import type { CentreProfile } from '../../protocol/hub/centre-status.ts';
import type { HubReportGrouping, HubReportPeriod, HubReportRow, HubReportView } from '../../protocol/hub/hub-reports.ts';
import type { Database, Queryable } from '../db/database.ts';

export interface ProvinceReportQuery {
  from: string;
  to: string;
  by: HubReportGrouping;
  period: HubReportPeriod;
  /** Only this centre (a manager's own, or one the admin picked); null: all centres. */
  centreId: number | null;
  centreCode: string | null;
  /** The language of the groups' names. */
  lang: 'vi' | 'en';
}

const periodExpr: Record<HubReportPeriod, string> = {
  all: 'null::text',
  day: 't.day::text',
  week: `date_trunc('week', t.day)::date::text`,
  month: `date_trunc('month', t.day)::date::text`,
};

/** Per grouping: the key column (null when the centre is the group) and whether it is per centre. */
const groupKey: Record<HubReportGrouping, { key: string; perCentre: boolean }> = {
  centre: { key: 'null::text', perCentre: true },
  // A service id means the same queue in every centre of a province that shares its site template.
  service: { key: 't.issued_service_id', perCentre: false },
  clerk: { key: 't.clerk_id', perCentre: true },
  counter: { key: 't.counter_id::text', perCentre: true },
};

/**
 * The province's report in one SQL pass over the tickets table, with the same definitions as a
 * centre's `statBlock`: waits over called tickets, p90 as the nearest rank (`percentile_disc`),
 * service time over finished tickets, the target and rating scale of each ticket's own centre.
 * SQL rather than the centre's pure functions: bench/hub-report.ts measured both.
 */
export async function provinceReport(db: Database, q: ProvinceReportQuery): Promise<HubReportView> {
  const started = performance.now();
  const g = groupKey[q.by];
  const centreCol = g.perCentre ? 't.centre_code' : 'null::text';
  // Sorting a month of a province's tickets fits in memory with a little more than the default;
  // JIT compiling costs more than it saves for queries of this size.
  const rows = await db.transaction(async (tx) => {
    await tx.query(`set local work_mem = '64MB'`);
    await tx.query('set local jit = off');
    return tx.query(
      `with t as (
       select t.day, t.status, t.rating_level, t.issued_service_id, t.clerk_id, t.counter_id,
         c.code as centre_code, c.target_wait_minutes,
         -- A rating counts on the scale it was given on; older ones on the centre's current scale.
         coalesce(t.rating_scale, c.rating_scale) as rating_scale,
         (t.first_called_at - t.issued_at) / 60000.0 as wait,
         case when t.status = 'finished' then (t.ended_at - t.started_at) / 60000.0 end as service
       from tickets t join centres c on c.id = t.centre_id
       where t.day between $1::date and $2::date and ($3::int is null or t.centre_id = $3)
     )
     select ${periodExpr[q.period]} as period, ${centreCol} as centre_code, ${g.key} as key, grouping(${periodExpr[q.period]}) as total,
       count(*) as issued,
       count(*) filter (where t.status = 'finished') as served,
       count(*) filter (where t.status = 'no_show') as no_show,
       count(*) filter (where t.status = 'cancelled') as cancelled,
       count(*) filter (where t.status not in ('finished', 'no_show', 'cancelled')) as open,
       avg(t.wait) as avg_wait,
       percentile_disc(0.9) within group (order by t.wait) as p90_wait,
       avg(t.service) as avg_service,
       count(*) filter (where t.wait <= t.target_wait_minutes) / nullif(count(t.wait), 0)::float as within_target,
       count(t.rating_level) as rated,
       count(*) filter (where t.rating_level >= t.rating_scale - 1) / nullif(count(t.rating_level), 0)::float as satisfied
     from t
     group by grouping sets ((${periodExpr[q.period]}, ${centreCol}, ${g.key}), ())
     order by total, period nulls first, centre_code nulls first, key nulls first`,
      [q.from, q.to, q.centreId],
    );
  });
  const names = await groupNames(db, q.by, q.lang);
  const toRow = (r: Record<string, unknown>): HubReportRow => {
    const centreCode = (r.centre_code as string | null) ?? null;
    const key = (r.key as string | null) ?? null;
    return {
      period: (r.period as string | null) ?? null,
      centreCode,
      key,
      label: names(centreCode, key),
      issued: r.issued as number,
      served: r.served as number,
      noShow: r.no_show as number,
      cancelled: r.cancelled as number,
      open: r.open as number,
      avgWaitMinutes: (r.avg_wait as number | null) ?? null,
      p90WaitMinutes: (r.p90_wait as number | null) ?? null,
      avgServiceMinutes: (r.avg_service as number | null) ?? null,
      withinTargetShare: (r.within_target as number | null) ?? null,
      rated: r.rated as number,
      satisfiedShare: (r.satisfied as number | null) ?? null,
    };
  };
  const totalRow = rows.find((r) => r.total === 1);
  const empty = { period: null, centreCode: q.centreCode, key: null, label: '', issued: 0, served: 0, noShow: 0, cancelled: 0, open: 0 };
  return {
    from: q.from,
    to: q.to,
    by: q.by,
    period: q.period,
    centre: q.centreCode,
    rows: rows.filter((r) => r.total !== 1).map(toRow),
    total: totalRow
      ? { ...toRow(totalRow), label: '' }
      : {
          ...empty,
          avgWaitMinutes: null,
          p90WaitMinutes: null,
          avgServiceMinutes: null,
          withinTargetShare: null,
          rated: 0,
          satisfiedShare: null,
        },
    tookMs: Math.round(performance.now() - started),
  };
}

/** Names for the groups, from the centres and the profiles they last reported. */
async function groupNames(
  db: Queryable,
  by: HubReportGrouping,
  lang: 'vi' | 'en',
): Promise<(centreCode: string | null, key: string | null) => string> {
  const centres = await db.query<{ code: string; name: string; profile: CentreProfile | null }>('select code, name, profile from centres');
  const byCode = new Map(centres.map((c) => [c.code, c]));
  const services = new Map<string, string>();
  for (const c of centres) for (const s of c.profile?.services ?? []) if (!services.has(s.id)) services.set(s.id, s.name[lang]);
  return (centreCode, key) => {
    const centre = centreCode ? byCode.get(centreCode) : undefined;
    switch (by) {
      case 'centre':
        return centre?.name ?? centreCode ?? '';
      case 'service':
        return (key && services.get(key)) ?? key ?? '';
      case 'clerk':
        return centre?.profile?.clerks.find((x) => x.id === key)?.name ?? key ?? '';
      case 'counter':
        return centre?.profile?.counters.find((x) => String(x.id) === key)?.name[lang] ?? key ?? '';
    }
  };
}
