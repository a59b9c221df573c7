import type { DisplaySnapshot } from '../../protocol/views.ts';
import { useBoardText } from '../board-text.ts';

/** Props of {@link CounterGrid}. */
export interface CounterGridProps {
  counters: DisplaySnapshot['counters'];
}

/** Each working counter and the number it serves now; closed counters are left out. */
export function CounterGrid({ counters }: CounterGridProps) {
  const { t, lang } = useBoardText();
  const working = counters.filter((c) => c.status !== 'closed');
  return (
    <section class="counters" aria-labelledby="counters-title">
      <h2 id="counters-title" class="panel-title">
        {t('counters.title')}
      </h2>
      {working.length === 0 && <p class="panel-empty">{t('counters.none')}</p>}
      <ul class="counters__grid" data-testid="counter-grid">
        {working.map((c) => (
          <li key={c.id} class={`counter-cell counter-cell--${c.status}`} data-counter={c.id}>
            <span class="counter-cell__name">{c.name[lang]}</span>
            {c.status === 'paused' ? (
              <span class="counter-cell__note">{t('counters.paused')}</span>
            ) : c.currentLabel ? (
              <span class="counter-cell__ticket">{c.currentLabel}</span>
            ) : (
              <span class="counter-cell__note">{t('counters.idle')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
