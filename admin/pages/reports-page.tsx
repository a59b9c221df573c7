import { useEffect, useState } from 'preact/hooks';
import type { ReportCsvTable, ReportView } from '../../protocol/reports.ts';
import { saveFile } from '../../client/save-file.ts';
import { named, useAdmin } from '../admin-context.ts';
import { BarChart } from '../charts/bar-chart.tsx';
import { Heatmap } from '../charts/heatmap.tsx';
import { SatisfactionBars } from '../charts/satisfaction-bar.tsx';
import { minutesText, minutesWithUnit, percentText } from '../../client/figures.ts';
import { ReportTable, type ReportRow } from '../parts/report-table.tsx';
import { StatCard } from '../../client/stat-card.tsx';

/** `YYYY-MM-DD` plus n days, on the calendar (no time zone involved). */
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Reports for a day or a range: figures per service, counter, clerk and hour, satisfaction, CSV, print. */
export function ReportsPage() {
  const { t, api, lang } = useAdmin();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [report, setReport] = useState<ReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [today, setToday] = useState<string | null>(null);
  // Excel on a Vietnamese Windows reads "12,5" between semicolons; the admin working in Vietnamese most likely has it.
  const [decimalComma, setDecimalComma] = useState(lang === 'vi');
  useEffect(() => {
    void api.call('report', range ? { query: range } : {}).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setError(null);
      setReport(r.value);
      setToday((d) => d ?? r.value.to);
    });
  }, [api, range]);
  // A date picked before the first report arrives still counts: the other end defaults to it.
  const pick = (end: 'from' | 'to', day: string) => {
    if (!day) return;
    const current = range ?? (report ? { from: report.from, to: report.to } : { from: day, to: day });
    setRange({ ...current, [end]: day });
  };
  const preset = (days: number) => today && setRange({ from: addDays(today, -(days - 1)), to: today });
  const download = async (table: ReportCsvTable | 'tickets') => {
    if (!report) return;
    const decimal = decimalComma ? { decimal: 'comma' as const } : {};
    const blob =
      table === 'tickets'
        ? await api.download('exportTickets', { query: { day: report.from, ...decimal } })
        : await api.download('reportCsv', { query: { from: report.from, to: report.to, table, ...decimal } });
    if (blob) saveFile(blob, table === 'tickets' ? `motcua-tickets-${report.from}.csv` : `motcua-${table}-${report.from}_${report.to}.csv`);
  };
  const weekdayNames = t('admin:weekdaysShort', { returnObjects: true }) as string[];
  const rows = (
    group: Record<string, ReportView['total']>,
    label: (key: string) => string,
    ratings?: Record<string, ReportView['satisfaction']['total']>,
  ): ReportRow[] =>
    Object.entries(group).map(([key, stats]) => ({ key, label: label(key), stats, ...(ratings?.[key] && { rating: ratings[key] }) }));
  const serviceLabel = (id: string) => {
    const s = report?.services.find((x) => x.id === id);
    return s ? `${s.code} · ${named(s.name, lang)}` : id;
  };
  const counterLabel = (id: string) => {
    const c = report?.counters.find((x) => String(x.id) === id);
    return c ? named(c.name, lang) : `#${id}`;
  };
  const clerkLabel = (id: string) =>
    report?.clerks.find((c) => c.id === id)?.name ?? t('admin:reports.unknownClerk', { id: id.slice(0, 12) });
  return (
    <section class="reports">
      <div class="report-controls no-print">
        <h1>{t('admin:reports.title')}</h1>
        <label>
          {t('admin:reports.from')}
          <input type="date" name="from" value={range?.from ?? report?.from ?? ''} onChange={(e) => pick('from', e.currentTarget.value)} />
        </label>
        <label>
          {t('admin:reports.to')}
          <input type="date" name="to" value={range?.to ?? report?.to ?? ''} onChange={(e) => pick('to', e.currentTarget.value)} />
        </label>
        <button type="button" class="secondary" onClick={() => preset(1)}>
          {t('admin:reports.today')}
        </button>
        <button type="button" class="secondary" onClick={() => preset(7)}>
          {t('admin:reports.days', { count: 7 })}
        </button>
        <button type="button" class="secondary" onClick={() => preset(30)}>
          {t('admin:reports.days', { count: 30 })}
        </button>
        <button type="button" class="secondary" onClick={() => preset(90)}>
          {t('admin:reports.days', { count: 90 })}
        </button>
        <button type="button" onClick={() => print()}>
          {t('admin:reports.print')}
        </button>
      </div>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      {report && (
        <>
          <h2 class="print-title">
            {report.from === report.to
              ? t('admin:reports.forDay', { day: report.from })
              : t('admin:reports.forRange', { from: report.from, to: report.to })}
          </h2>
          <div class="stat-row">
            <StatCard label={t('admin:figures.issued')} value={report.total.issued} testId="report-issued" />
            <StatCard label={t('admin:figures.served')} value={report.total.served} testId="report-served" />
            <StatCard label={t('admin:figures.noShow')} value={report.total.noShow} testId="report-no-show" />
            <StatCard
              label={t('admin:figures.avgWait')}
              value={minutesWithUnit(report.total.avgWaitMinutes, t('admin:figures.min'))}
              testId="report-avg-wait"
            />
            <StatCard label={t('admin:figures.p90WaitLong')} value={minutesWithUnit(report.total.p90WaitMinutes, t('admin:figures.min'))} />
            <StatCard
              label={t('admin:figures.avgServiceLong')}
              value={minutesWithUnit(report.total.avgServiceMinutes, t('admin:figures.min'))}
            />
            <StatCard
              label={t('admin:figures.withinTarget', { minutes: report.targetWaitMinutes })}
              value={percentText(report.total.withinTargetShare)}
            />
            <StatCard
              label={t('admin:figures.satisfied')}
              value={percentText(report.satisfaction.total.satisfiedShare)}
              testId="report-satisfied"
            />
          </div>
          <div class="csv-buttons no-print">
            <label class="check">
              <input
                type="checkbox"
                name="decimal-comma"
                checked={decimalComma}
                onChange={(e) => setDecimalComma(e.currentTarget.checked)}
              />
              {t('admin:csvExport.decimalComma')}
            </label>
            {t('admin:reports.csv')}:
            {(['service', 'counter', 'clerk', 'hour', 'day'] as const).map((table) => (
              <button key={table} type="button" class="small secondary" onClick={() => void download(table)}>
                {t(`admin:reports.tables.${table}`)}
              </button>
            ))}
            {report.from === report.to && (
              <button type="button" class="small secondary" onClick={() => void download('tickets')}>
                {t('admin:reports.tickets')}
              </button>
            )}
          </div>
          <div class="two-columns">
            <div class="panel">
              <h3>{t('admin:reports.issuedByService')}</h3>
              <BarChart
                title={t('admin:reports.issuedByService')}
                bars={Object.entries(report.byService)
                  .sort(([, a], [, b]) => b.issued - a.issued)
                  .map(([id, s]) => ({
                    label: serviceLabel(id),
                    value: s.issued,
                    text: `${s.issued} · ${minutesText(s.avgWaitMinutes)} ${t('admin:figures.min')}`,
                  }))}
              />
              <h3>{t('admin:reports.satisfaction')}</h3>
              <SatisfactionBars block={report.satisfaction.total} scale={report.ratingScale} title={t('admin:reports.satisfaction')} />
              <p class="hint">{t('admin:reports.satisfactionNote')}</p>
            </div>
            <div class="panel">
              <h3>{t('admin:reports.heatmap')}</h3>
              <Heatmap counts={report.heatmap} weekdayNames={weekdayNames} title={t('admin:reports.heatmap')} />
            </div>
          </div>
          <h3>{t('admin:reports.tables.service')}</h3>
          <ReportTable
            testId="by-service"
            firstColumn={t('admin:services.name')}
            withRatings
            rows={rows(report.byService, serviceLabel, report.satisfaction.byService)}
          />
          <h3>{t('admin:reports.tables.counter')}</h3>
          <ReportTable
            testId="by-counter"
            firstColumn={t('admin:counters.name')}
            withRatings
            rows={rows(report.byCounter, counterLabel, report.satisfaction.byCounter).sort((a, b) => Number(a.key) - Number(b.key))}
          />
          <h3>{t('admin:reports.tables.clerk')}</h3>
          <ReportTable
            testId="by-clerk"
            firstColumn={t('admin:people.name')}
            withRatings
            rows={rows(report.byClerk, clerkLabel, report.satisfaction.byClerk)}
          />
          <h3>{t('admin:reports.tables.hour')}</h3>
          <ReportTable
            testId="by-hour"
            firstColumn={t('admin:reports.hour')}
            withRatings={false}
            rows={rows(report.byHour, (h) => `${h}:00`).sort((a, b) => a.key.localeCompare(b.key))}
          />
          <p class="hint no-print">{t('admin:reports.took', { ms: report.tookMs })}</p>
        </>
      )}
    </section>
  );
}
