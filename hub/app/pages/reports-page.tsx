import { useState } from 'preact/hooks';
import { saveFile } from '../../../client/save-file.ts';
import { minutesText, percentText } from '../../../client/figures.ts';
import {
  type HubReportGrouping,
  hubReportGroupings,
  type HubReportPeriod,
  hubReportPeriods,
  type HubReportRow,
  type HubReportView,
} from '../../../protocol/hub/hub-reports.ts';
import { useHubApp, useHubLoaded } from '../hub-app-context.ts';

/** A local day in Vietnam, `YYYY-MM-DD`, some days from today. */
function vietnamDay(offsetDays = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Reports across centres: per centre, service, clerk or counter; by day, week or month; CSV for a spreadsheet. */
export function ReportsPage() {
  const { t, api, user } = useHubApp();
  const { data: centres } = useHubLoaded('status');
  const [q, setQ] = useState({
    from: vietnamDay(-6),
    to: vietnamDay(),
    by: 'centre' as HubReportGrouping,
    period: 'all' as HubReportPeriod,
    centre: '',
  });
  const query = { ...q, centre: q.centre || undefined };
  const { data: report, error } = useHubLoaded('report', undefined, { query });
  const set = (key: keyof typeof q) => (e: Event) => setQ({ ...q, [key]: (e.currentTarget as HTMLInputElement).value });
  const download = async () => {
    const blob = await api.download('reportCsv', { query });
    if (blob) saveFile(blob, `motcua-province-${q.by}-${q.period}-${q.from}_${q.to}.csv`);
  };
  return (
    <section>
      <h1>{t('hub:reports.title')}</h1>
      <div class="panel report-controls">
        <label>
          {t('hub:reports.from')}
          <input type="date" value={q.from} onChange={set('from')} />
        </label>
        <label>
          {t('hub:reports.to')}
          <input type="date" value={q.to} onChange={set('to')} />
        </label>
        <label>
          {t('hub:reports.by')}
          <select value={q.by} onChange={set('by')} name="by">
            {hubReportGroupings.map((g) => (
              <option key={g} value={g}>
                {t(`hub:reports.groupings.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hub:reports.period')}
          <select value={q.period} onChange={set('period')} name="period">
            {hubReportPeriods.map((p) => (
              <option key={p} value={p}>
                {t(`hub:reports.periods.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {user.role === 'province_admin' && (
          <label>
            {t('hub:reports.centre')}
            <select value={q.centre} onChange={set('centre')} name="centre">
              <option value="">{t('hub:reports.allCentres')}</option>
              {centres?.centres.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" class="secondary" onClick={() => void download()}>
          {t('hub:reports.csvButton')}
        </button>
      </div>
      {error && <p role="alert">{error.message}</p>}
      {report && <ReportTable report={report} />}
    </section>
  );
}

function ReportTable({ report }: { report: HubReportView }) {
  const { t } = useHubApp();
  const name = (r: HubReportRow) => (report.by === 'counter' && r.label === r.key ? t('hub:reports.counterNumber', { n: r.key }) : r.label);
  return (
    <div class="panel">
      <p class="hint">{t('hub:reports.took', { ms: report.tookMs })}</p>
      <table class="table report-table" data-testid="report-table">
        <thead>
          <tr>
            {report.period !== 'all' && <th>{t('hub:reports.csv.period')}</th>}
            {report.by !== 'centre' && report.by !== 'service' && <th>{t('hub:reports.csv.centre')}</th>}
            <th class="label">{t(`hub:reports.groupings.${report.by}`)}</th>
            <th>{t('hub:reports.csv.issued')}</th>
            <th>{t('hub:reports.csv.served')}</th>
            <th>{t('hub:reports.csv.no_show')}</th>
            <th>{t('hub:reports.columns.avgWait')}</th>
            <th>{t('hub:reports.columns.p90Wait')}</th>
            <th>{t('hub:reports.columns.avgService')}</th>
            <th>{t('hub:reports.columns.withinTarget')}</th>
            <th>{t('hub:reports.columns.satisfied')}</th>
          </tr>
        </thead>
        <tbody>
          {[...report.rows, { ...report.total, label: t('hub:reports.total') }].map((r, i) => (
            <tr key={`${r.period}-${r.centreCode}-${r.key}-${i}`} class={i === report.rows.length ? 'total-row' : ''}>
              {report.period !== 'all' && <td>{r.period ?? ''}</td>}
              {report.by !== 'centre' && report.by !== 'service' && <td class="code">{r.centreCode ?? ''}</td>}
              <td class="label">{i === report.rows.length ? r.label : name(r)}</td>
              <td>{r.issued}</td>
              <td>{r.served}</td>
              <td>{r.noShow}</td>
              <td>{minutesText(r.avgWaitMinutes)}</td>
              <td>{minutesText(r.p90WaitMinutes)}</td>
              <td>{minutesText(r.avgServiceMinutes)}</td>
              <td>{percentText(r.withinTargetShare)}</td>
              <td>
                {percentText(r.satisfiedShare)} <span class="hint">({r.rated})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
