const cell = 30;
const left = 64;
const top = 22;

/**
 * Tickets issued per weekday and hour: the busy hours of the week at a glance. `counts` is
 * `[weekday 0 = Sunday][hour 0–23]`; only the hours that had tickets are drawn.
 */
export function Heatmap(props: { counts: number[][]; weekdayNames: string[]; title: string }) {
  const hours = Array.from({ length: 24 }, (_, h) => h).filter((h) => props.counts.some((row) => (row[h] ?? 0) > 0));
  const shown = hours.length ? hours : Array.from({ length: 11 }, (_, i) => i + 7);
  const max = Math.max(1, ...props.counts.flat());
  // Monday first, as a Vietnamese week is read.
  const days = [1, 2, 3, 4, 5, 6, 0];
  const width = left + shown.length * cell + 4;
  const height = top + days.length * cell + 4;
  return (
    <svg class="chart heatmap" viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: `${width}px` }} role="img" aria-label={props.title}>
      <title>{props.title}</title>
      {shown.map((h, x) => (
        <text key={h} x={left + x * cell + cell / 2} y={top - 6} text-anchor="middle" class="chart-label">
          {String(h).padStart(2, '0')}
        </text>
      ))}
      {days.map((d, y) => (
        <g key={d}>
          <text x={left - 8} y={top + y * cell + cell / 2 + 5} text-anchor="end" class="chart-label">
            {props.weekdayNames[d]}
          </text>
          {shown.map((h, x) => {
            const n = props.counts[d]?.[h] ?? 0;
            return (
              <rect
                key={h}
                x={left + x * cell + 1}
                y={top + y * cell + 1}
                width={cell - 2}
                height={cell - 2}
                rx={3}
                class="heat"
                style={{ fillOpacity: n === 0 ? 0.04 : 0.15 + 0.85 * (n / max) }}
              >
                <title>{`${props.weekdayNames[d]} ${String(h).padStart(2, '0')}:00 — ${n}`}</title>
              </rect>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
