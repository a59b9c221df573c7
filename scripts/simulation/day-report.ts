import type { ReportView } from '../../protocol/reports.ts';
import type { DayStatistics } from '../../protocol/views.ts';
import type { DayTally } from './day-tally.ts';
import type { SimHttp } from './sim-http.ts';
import { type WaitAccuracy, waitAccuracy } from './wait-accuracy.ts';

/** The day as the server reports it, the simulator's own counts, and where they disagree. */
export interface DayReport {
  day: string;
  stats: DayStatistics['total'];
  satisfaction: ReportView['satisfaction']['total'];
  ratingScale: 3 | 5;
  tally: Omit<DayTally, 'numbers'>;
  csvRows: number;
  csvRecalls: number;
  csvTransfers: number;
  /** Numbers a kiosk was given that the export lacks, or has more than once. */
  lostNumbers: string[];
  duplicatedNumbers: string[];
  /** The estimates shown at issue against the real waits of the export. */
  waits: WaitAccuracy;
  /** Every disagreement found; empty when the server and the simulator agree. */
  problems: string[];
}

/** Reads `/api/stats/today`, `/api/reports` and the CSV export, and checks them against the tally. */
export async function buildDayReport(http: SimHttp, admin: string, tally: DayTally): Promise<DayReport> {
  const today = await http.must<DayStatistics & { day: string }>('GET', '/api/stats/today', undefined, admin);
  const day = today.day;
  const report = await http.must<ReportView>('GET', `/api/reports?from=${day}&to=${day}`, undefined, admin);
  // In English the export keeps its column and status ids, which this reads.
  const rows = parseCsv(await http.text(`/api/export/tickets.csv?day=${day}&lang=en`, admin));
  const header = rows.shift() ?? [];
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`CSV export has no ${name} column`);
    return i;
  };
  const [numberCol, recallsCol, transfersCol, waitCol] = [col('number'), col('recalls'), col('transfers'), col('wait_minutes')];
  const realWait = new Map(rows.map((r) => [r[numberCol]!, r[waitCol] ? Number(r[waitCol]) : null]));
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r[numberCol]!, (seen.get(r[numberCol]!) ?? 0) + 1);
  const given = new Set(tally.numbers.map((n) => n.label));
  const lostNumbers = [...given].filter((label) => !seen.has(label));
  const duplicatedNumbers = [...seen].filter(([, n]) => n > 1).map(([label]) => label);
  const sum = (i: number) => rows.reduce((a, r) => a + Number(r[i] || 0), 0);
  const s = today.total;
  const problems: string[] = [];
  const agree = (what: string, values: Record<string, number>) => {
    if (new Set(Object.values(values)).size > 1) problems.push(`${what} disagree: ${JSON.stringify(values)}`);
  };
  if (lostNumbers.length) problems.push(`numbers lost: ${lostNumbers.join(' ')}`);
  if (duplicatedNumbers.length) problems.push(`numbers duplicated: ${duplicatedNumbers.join(' ')}`);
  if (given.size !== tally.numbers.length) problems.push('a kiosk was given the same number twice');
  agree('issued', { simulator: tally.issued, stats: s.issued, report: report.total.issued, csv: rows.length });
  agree('served', { simulator: tally.served, stats: s.served, report: report.total.served });
  agree('no-show', { simulator: tally.noShow, stats: s.noShow, report: report.total.noShow });
  agree('open', { stats: s.open, report: report.total.open });
  agree('status sum', { issued: s.issued, sum: s.served + s.noShow + s.cancelled + s.open });
  agree('recalls', { simulator: tally.recalled, csv: sum(recallsCol) });
  agree('transfers', { simulator: tally.transferred, csv: sum(transfersCol) });
  agree('ratings', { simulator: tally.rated, report: report.satisfaction.total.rated });
  for (const [i, calls] of tally.displayCalls.entries())
    agree(`display ${i + 1} calls`, { simulator: tally.called + tally.recalled, display: calls });
  problems.push(...tally.unexpected.map((u) => `refused: ${u}`));
  const { numbers: _numbers, ...rest } = tally;
  return {
    day,
    stats: s,
    satisfaction: report.satisfaction.total,
    ratingScale: report.ratingScale,
    tally: rest,
    csvRows: rows.length,
    csvRecalls: sum(recallsCol),
    csvTransfers: sum(transfersCol),
    lostNumbers,
    duplicatedNumbers,
    waits: waitAccuracy(tally.numbers.map((n) => ({ wait: n.wait, realMinutes: realWait.get(n.label) ?? null }))),
    problems,
  };
}

/** RFC 4180 rows (quoted cells, doubled quotes), without the BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
