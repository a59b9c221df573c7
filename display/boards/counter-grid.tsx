import type { DisplaySnapshot } from '../../protocol/views.ts';
import { useBoardText } from '../board-text.ts';
import { pagesOf, usePages } from '../use-pages.ts';
import { PageMarker } from './page-marker.tsx';

/** Props of {@link CounterGrid}. */
export interface CounterGridProps {
  counters: DisplaySnapshot['counters'];
  /** Rows that fit on the screen; more counters than that are shown page by page. */
  rows: number;
}

/** Each working counter and the number it serves now, page by page when they do not all fit; closed counters are left out. */
export function CounterGrid({ counters, rows }: CounterGridProps) {
  const { t } = useBoardText();
  const working = counters.filter((c) => c.status !== 'closed');
  const { shown, page, pages } = usePages(pagesOf(working, rows));
  return (
    <section class="counters panel" aria-labelledby="counters-title">
      <h2 id="counters-title" class="panel-title">
        <span>{t('counters.title')}</span>
        <PageMarker page={page} pages={pages} />
      </h2>
      {working.length === 0 && <p class="panel-empty">{t('counters.none')}</p>}
      <ul class="number-rows" data-testid="counter-grid" data-pages={pages}>
        {shown.map((c) => (
          <li key={c.id} class={`number-row counter-cell counter-cell--${c.status}`} data-counter={c.id}>
            <span class="number-row__counter" data-digits="counter">
              {c.id}
            </span>
            {c.status === 'paused' ? (
              <span class="number-row__note">{t('counters.paused')}</span>
            ) : c.currentLabel ? (
              <span class="number-row__ticket" data-digits="ticket">
                {c.currentLabel}
              </span>
            ) : (
              <span class="number-row__note">{t('counters.idle')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
