import type { HubReportRow, HubReportView } from '../../protocol/hub/hub-reports.ts';
import { csvDecimal, csvDocument, type CsvStyle } from '../../server/app/csv-style.ts';

const columns = [
  'period',
  'centre',
  'key',
  'name',
  'issued',
  'served',
  'no_show',
  'cancelled',
  'open',
  'avg_wait_min',
  'p90_wait_min',
  'avg_service_min',
  'within_target_pct',
  'rated',
  'satisfied_pct',
] as const;

/**
 * A province report as CSV for a spreadsheet: a header row in the reader's language, a row per
 * group and period, and the total last. Numbers stay numbers (minutes to one decimal, shares as
 * percentages), written for Excel's regional settings when asked (`?decimal=comma`, csv-style.ts).
 * `t` translates the hub's own keys.
 */
export function hubReportCsv(view: HubReportView, style: CsvStyle, t: (key: string) => string): string {
  const minutes = (m: number | null) => (m === null ? '' : csvDecimal(m, 1, style));
  const pct = (share: number | null) => (share === null ? '' : csvDecimal(share * 100, 1, style));
  const cells = (r: HubReportRow): Array<string | number> => [
    r.period ?? '',
    r.centreCode ?? '',
    r.key ?? '',
    r.label,
    r.issued,
    r.served,
    r.noShow,
    r.cancelled,
    r.open,
    minutes(r.avgWaitMinutes),
    minutes(r.p90WaitMinutes),
    minutes(r.avgServiceMinutes),
    pct(r.withinTargetShare),
    r.rated,
    pct(r.satisfiedShare),
  ];
  const header = columns.map((c) => t(`hub:reports.csv.${c}`));
  const total = { ...view.total, label: t('hub:reports.total') };
  return csvDocument([header, ...[...view.rows, total].map(cells)], style);
}
