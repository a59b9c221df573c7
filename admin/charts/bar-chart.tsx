/** One bar of a {@link BarChart}. */
export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar instead of the plain value, e.g. "12 (8.5 min)". */
  text?: string;
  /** Marks a bar that needs attention (a long wait). */
  alert?: boolean;
}

const rowHeight = 26;
const labelWidth = 250;
const valueWidth = 130;
const width = 640;

/** Horizontal bars in SVG: labels on the left, so long Vietnamese service names stay readable. */
export function BarChart(props: { bars: Bar[]; title: string; max?: number }) {
  const max = Math.max(props.max ?? 0, ...props.bars.map((b) => b.value), 1);
  const barSpace = width - labelWidth - valueWidth;
  const height = Math.max(1, props.bars.length) * rowHeight + 4;
  return (
    <svg class="chart bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title}>
      <title>{props.title}</title>
      {props.bars.map((b, i) => {
        const y = i * rowHeight + 2;
        const w = (b.value / max) * barSpace;
        return (
          <g key={b.label}>
            <text x={labelWidth - 8} y={y + rowHeight / 2 + 5} text-anchor="end" class="chart-label">
              {b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label}
              <title>{b.label}</title>
            </text>
            <rect
              x={labelWidth}
              y={y + 3}
              width={Math.max(w, b.value > 0 ? 2 : 0)}
              height={rowHeight - 8}
              rx={3}
              class={b.alert ? 'bar bar--alert' : 'bar'}
            />
            <text x={labelWidth + w + 6} y={y + rowHeight / 2 + 5} class="chart-value">
              {b.text ?? String(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
