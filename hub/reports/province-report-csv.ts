import type { HubReportRow, HubReportView } from '../../protocol/hub/hub-reports.ts';
import { csvDocument, type CsvStyle } from '../../server/app/csv-style.ts';
import { csvPercent, statCells, statColumns } from '../../server/app/report-csv.ts';

const columns = ['period', 'centre', 'key', 'name', ...statColumns, 'rated', 'satisfied_pct'] as const;

/**
 * A province report as CSV for a spreadsheet: a header row in the reader's language, a row per
 * group and period, and the total last. Numbers stay numbers (minutes to one decimal, shares as
 * percentages), written for Excel's regional settings when asked (`?decimal=comma`, csv-style.ts).
 * `t` translates the hub's own keys.
 */
export function hubReportCsv(view: HubReportView, style: CsvStyle, t: (key: string) => string): string {
  const cells = (r: HubReportRow): Array<string | number> => [
    r.period ?? '',
    r.centreCode ?? '',
    r.key ?? '',
    r.label,
    ...statCells(r, style),
    r.rated,
    csvPercent(r.satisfiedShare, style),
  ];
  const header = columns.map((c) => t(`hub:reports.csv.${c}`));
  const total = { ...view.total, label: t('hub:reports.total') };
  return csvDocument([header, ...[...view.rows, total].map(cells)], style);
}
