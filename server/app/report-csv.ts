import type { ReportCsvTable, ReportView } from '../../protocol/reports.ts';
import type { StatBlock } from '../../protocol/views.ts';
import { csvDecimal, csvDocument, type CsvStyle } from './csv-style.ts';

/** The figures of one group, in the order of `statColumns`: shared with the province's report (hub). */
export const statColumns = [
  'issued',
  'served',
  'no_show',
  'cancelled',
  'open',
  'avg_wait_min',
  'p90_wait_min',
  'avg_service_min',
  'within_target_pct',
] as const;

/** Minutes to one decimal, '' for none (`csv-style.ts` decides the decimal mark). */
export const csvMinutes = (m: number | null, style: CsvStyle): string => (m === null ? '' : csvDecimal(m, 1, style));
/** A share (0–1) as a percentage to one decimal, '' for none. */
export const csvPercent = (share: number | null, style: CsvStyle): string => (share === null ? '' : csvDecimal(share * 100, 1, style));

/** One group's figures as the cells under `statColumns`. */
export function statCells(b: StatBlock, style: CsvStyle): Array<string | number> {
  return [
    b.issued,
    b.served,
    b.noShow,
    b.cancelled,
    b.open,
    csvMinutes(b.avgWaitMinutes, style),
    csvMinutes(b.p90WaitMinutes, style),
    csvMinutes(b.avgServiceMinutes, style),
    csvPercent(b.withinTargetShare, style),
  ];
}

/**
 * One report table as CSV for a spreadsheet: a row per service, counter, clerk, hour or day,
 * with the figures the screen shows and, per service, counter and clerk, the ratings per level
 * of each scale the range's ratings were given on (`rating3_1` … for three faces, `rating5_1` …
 * for five stars) and the counter satisfaction. Headers in the style's language (csv-style.ts).
 */
export function reportCsv(report: ReportView, table: ReportCsvTable, style: CsvStyle): string {
  const scales = ([3, 5] as const).filter((s) => report.satisfaction.total.byScale[s === 3 ? '3' : '5'] !== undefined);
  const levels = scales.flatMap((scale) => Array.from({ length: scale }, (_, i) => ({ scale, level: String(i + 1) })));
  const ratingHeader = ['rated', ...levels.map((l) => `rating${l.scale}_${l.level}`), 'counter_satisfaction_pct'];
  const pct = (share: number | null) => csvPercent(share, style);
  const stats = (b: StatBlock) => statCells(b, style);
  const title = (column: string) => {
    const rating = /^rating([35])_(\d+)$/.exec(column);
    return rating ? style.t('report.rating_level', { scale: rating[1]!, level: rating[2]! }) : style.t(`report.${column}`);
  };
  const rated = (group: Record<string, ReportView['satisfaction']['total']>, key: string) => {
    const s = group[key];
    if (!s) return ['', ...levels.map(() => ''), ''];
    return [s.rated, ...levels.map((l) => s.byScale[l.scale === 3 ? '3' : '5']?.[l.level] ?? 0), pct(s.satisfiedShare)];
  };
  let header: string[];
  let rows: Array<Array<string | number>>;
  switch (table) {
    case 'service':
      header = ['service_code', 'service', ...statColumns, ...ratingHeader];
      rows = Object.entries(report.byService).map(([id, b]) => {
        const s = report.services.find((x) => x.id === id);
        return [s?.code ?? id, s ? s.name[style.lang] || s.name.vi : id, ...stats(b), ...rated(report.satisfaction.byService, id)];
      });
      break;
    case 'counter':
      header = ['counter', 'counter_name', ...statColumns, ...ratingHeader];
      rows = Object.entries(report.byCounter)
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([id, b]) => [
          id,
          report.counters.find((c) => String(c.id) === id)?.name[style.lang] ?? '',
          ...stats(b),
          ...rated(report.satisfaction.byCounter, id),
        ]);
      break;
    case 'clerk':
      header = ['clerk', ...statColumns, ...ratingHeader];
      rows = Object.entries(report.byClerk).map(([id, b]) => [
        report.clerks.find((c) => c.id === id)?.name ?? id,
        ...stats(b),
        ...rated(report.satisfaction.byClerk, id),
      ]);
      break;
    case 'hour':
      header = ['hour', ...statColumns];
      rows = Object.entries(report.byHour)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([hour, b]) => [`${hour}:00`, ...stats(b)]);
      break;
    case 'day':
      header = ['day', 'issued', 'served'];
      rows = Object.entries(report.byDay).map(([day, d]) => [day, d.issued, d.served]);
      break;
  }
  return csvDocument([header.map(title), ...rows], style);
}
