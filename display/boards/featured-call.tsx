import type { CallView } from '../../protocol/views.ts';
import { useBoardText } from '../board-text.ts';

/** Props of {@link FeaturedCall}. */
export interface FeaturedCallProps {
  call: CallView | undefined;
  /** Highlight it: it has just been called (the highlight fades by itself after a few seconds). */
  fresh: boolean;
}

/** The newest call, largest on the board. */
export function FeaturedCall({ call, fresh }: FeaturedCallProps) {
  const { t, lang } = useBoardText();
  if (!call)
    return (
      <div class="featured featured--empty" data-testid="featured">
        {t('featured.none')}
      </div>
    );
  return (
    // Keyed by the caller on ticket and call time, so a recall re-creates this and replays the highlight.
    <div class={`featured${fresh ? ' featured--fresh' : ''}`} data-testid="featured" data-ticket={call.label} data-counter={call.counterId}>
      <p class="featured__invite">
        {t('featured.invite')}
        {call.recall && <span class="featured__recall">{t('featured.recall')}</span>}
      </p>
      <p class="featured__ticket" data-testid="featured-ticket">
        {call.label}
      </p>
      {/* The number, as the voice says it ("đến quầy số 3"); the counter's full name is in the grid. */}
      <p class="featured__counter" title={call.counterName[lang]}>
        <span class="featured__to">{t('featured.toCounter')}</span> <strong data-testid="featured-counter">{call.counterId}</strong>
      </p>
    </div>
  );
}
