import type { SatisfactionBlock } from '../../protocol/views.ts';
import { useAdmin } from '../admin-context.ts';

const hues: Record<3 | 5, string[]> = {
  3: ['#c62828', '#f9a825', '#2e7d32'],
  5: ['#c62828', '#ef6c00', '#f9a825', '#7cb342', '#2e7d32'],
};

/**
 * The counter satisfaction as one stacked bar per rating scale, least satisfied on the left in
 * red, most on the right in green. Ratings given on three faces and on five stars (the centre
 * switched scales) show as two bars, each read on its own scale; the centre's scale comes first.
 */
export function SatisfactionBars(props: { block: SatisfactionBlock; scale: 3 | 5; title: string }) {
  const scales = ([props.scale, props.scale === 3 ? 5 : 3] as const).filter(
    (s) => s === props.scale || Object.values(props.block.byScale[s === 3 ? '3' : '5'] ?? {}).some((n) => n > 0),
  );
  return (
    <>
      {scales.map((scale) => (
        <SatisfactionBar key={scale} counts={props.block.byScale[scale === 3 ? '3' : '5'] ?? {}} scale={scale} title={props.title} />
      ))}
    </>
  );
}

function SatisfactionBar(props: { counts: Record<string, number>; scale: 3 | 5; title: string }) {
  const { t } = useAdmin();
  const { counts, scale } = props;
  const levelNames = t(`admin:rating.levels${scale}`, { returnObjects: true }) as string[];
  const rated = Object.values(counts).reduce((a, b) => a + b, 0);
  const width = 560;
  let x = 0;
  return (
    <figure class="satisfaction" data-scale={scale}>
      <svg class="chart" viewBox={`0 0 ${width} 34`} role="img" aria-label={`${props.title} (${t(`admin:rating.scale${scale}`)})`}>
        <title>{props.title}</title>
        {rated === 0 && <rect x={0} y={4} width={width} height={26} rx={4} class="bar bar--empty" />}
        {Array.from({ length: scale }, (_, i) => {
          const w = rated ? ((counts[String(i + 1)] ?? 0) / rated) * width : 0;
          const rect = <rect key={i} x={x} y={4} width={w} height={26} style={{ fill: hues[scale][i] }} />;
          x += w;
          return rect;
        })}
      </svg>
      <figcaption>
        <span class="legend-scale">{t(`admin:rating.scale${scale}`)}:</span>
        {Array.from({ length: scale }, (_, i) => scale - i).map((level) => (
          <span key={level} class="legend">
            <i style={{ background: hues[scale][level - 1] }} />
            {levelNames[level - 1]}: {counts[String(level)] ?? 0}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
