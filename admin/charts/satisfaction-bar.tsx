import type { SatisfactionBlock } from '../../protocol/views.ts';

/** Ratings per level as one stacked bar, least satisfied on the left in red, most on the right in green. */
export function SatisfactionBar(props: { block: SatisfactionBlock; scale: 3 | 5; levelNames: string[]; title: string }) {
  const { block, scale } = props;
  const width = 560;
  let x = 0;
  const hues = scale === 3 ? ['#c62828', '#f9a825', '#2e7d32'] : ['#c62828', '#ef6c00', '#f9a825', '#7cb342', '#2e7d32'];
  return (
    <figure class="satisfaction">
      <svg class="chart" viewBox={`0 0 ${width} 34`} role="img" aria-label={props.title}>
        <title>{props.title}</title>
        {block.rated === 0 && <rect x={0} y={4} width={width} height={26} rx={4} class="bar bar--empty" />}
        {Array.from({ length: scale }, (_, i) => {
          const n = block.counts[String(i + 1)] ?? 0;
          const w = block.rated ? (n / block.rated) * width : 0;
          const rect = <rect key={i} x={x} y={4} width={w} height={26} style={{ fill: hues[i] }} />;
          x += w;
          return rect;
        })}
      </svg>
      <figcaption>
        {Array.from({ length: scale }, (_, i) => scale - i).map((level) => (
          <span key={level} class="legend">
            <i style={{ background: hues[level - 1] }} />
            {props.levelNames[level - 1]}: {block.counts[String(level)] ?? 0}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
