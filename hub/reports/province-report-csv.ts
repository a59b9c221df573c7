import type { HubReportRow, HubReportView } from '../../protocol/hub/hub-reports.ts';
import { minutes, pct } from '../../server/app/report-csv.ts';
import { csvCell } from '../../server/app/ticket-csv.ts';
import type { Lang, Translator } from '../../server/i18n.ts';

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
 * percentages) so a spreadsheet can sum and chart them.
 */
export function hubReportCsv(view: HubReportView, translator: Translator, lang: Lang): string {
  const header = columns.map((c) => translator.t(lang, `hub:reports.csv.${c}`));
  const total = { ...view.total, label: translator.t(lang, 'hub:reports.total') };
  const rows = [...view.rows, total].map(cells);
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function cells(r: HubReportRow): Array<string | number> {
  return [
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
}
