import type { DayReport } from './day-report.ts';

const minutes = (m: number | null) => (m === null ? '—' : `${m.toFixed(1)} min`);
const share = (s: number | null) => (s === null ? '—' : `${(s * 100).toFixed(1)} %`);

/** The end-of-day report as plain text lines for the terminal. */
export function reportLines(r: DayReport): string[] {
  const s = r.stats;
  const t = r.tally;
  const refused =
    Object.entries(t.refused)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ') || 'none';
  const avgRating = t.rated ? (t.ratingSum / t.rated).toFixed(2) : '—';
  return [
    `Day ${r.day}`,
    `  issued        ${s.issued}   (simulator ${t.issued}, CSV rows ${r.csvRows}; refused at kiosk: ${refused})`,
    `  served        ${s.served}   (simulator ${t.served})`,
    `  no-show       ${s.noShow}   (simulator ${t.noShow})`,
    `  cancelled     ${s.cancelled}`,
    `  still open    ${s.open}`,
    `  transferred   ${r.csvTransfers}   (simulator ${t.transferred})`,
    `  recalled      ${r.csvRecalls}   (simulator ${t.recalled})`,
    `  wait          average ${minutes(s.avgWaitMinutes)}, p90 ${minutes(s.p90WaitMinutes)}`,
    `  service time  average ${minutes(s.avgServiceMinutes)}`,
    `  within target ${share(s.withinTargetShare)}`,
    `  wait estimate ${share(r.waits.withinRange)} called within the range shown at issue, median error ${minutes(r.waits.medianAbsErrorMinutes)}, later than shown ${share(r.waits.lateShare)} (${r.waits.estimated} estimated, ${r.waits.unknown} shown no estimate)`,
    `                ${Object.entries(r.waits.byKind)
      .map(([kind, k]) => `${kind}: ${share(k.withinRange)} of ${k.estimated}`)
      .join(', ')}`,
    `  satisfaction  ${share(r.satisfaction.satisfiedShare)} satisfied of ${r.satisfaction.rated} ratings (scale ${r.ratingScale}, average ${avgRating}; counts ${JSON.stringify(r.satisfaction.byScale)}; ${t.ratingsTooLate} taps after the prompt's 30 s on the fast clock)`,
    `  devices       ${t.buttonPresses} button presses, ${t.consoleCommands} console commands, ${t.printed} tickets printed, ${t.breaks} breaks, display calls ${t.displayCalls.join('/')}`,
    r.problems.length
      ? `PROBLEMS (${r.problems.length}):\n${r.problems.map((p) => `  - ${p}`).join('\n')}`
      : 'Consistency: every number the kiosks gave is in the export exactly once; server and simulator agree.',
  ];
}
