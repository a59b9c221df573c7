import type { DisplaySnapshot } from '../../protocol/views.ts';
import { callKey } from '../board-state.ts';
import { useBoardText } from '../board-text.ts';

/** Props of {@link CounterBoard}. */
export interface CounterBoardProps {
  board: DisplaySnapshot;
  counterId: number;
  freshKey: string | null;
}

/** The small screen above one counter: its name and the number it calls now, as large as fits. */
export function CounterBoard({ board, counterId, freshKey }: CounterBoardProps) {
  const { t, lang } = useBoardText();
  const counter = board.counters.find((c) => c.id === counterId);
  if (!counter) return <p class="board-message">{t('route.unknownCounter', { number: counterId })}</p>;
  const lastCall = board.calls.find((c) => c.counterId === counterId && c.label === counter.currentLabel);
  const fresh = lastCall !== undefined && callKey(lastCall) === freshKey;
  const note =
    counter.status === 'closed' ? 'counterBoard.closed' : counter.status === 'paused' ? 'counterBoard.paused' : 'counterBoard.idle';
  return (
    <div class={`counter-board counter-board--${counter.status}`} data-testid="counter-board" data-counter={counterId}>
      <h1 class="counter-board__name">{counter.name[lang]}</h1>
      {counter.currentLabel && counter.status !== 'closed' ? (
        <div key={lastCall ? callKey(lastCall) : counter.currentLabel} class={`counter-board__call${fresh ? ' featured--fresh' : ''}`}>
          <p class="counter-board__caption">{t('counterBoard.serving')}</p>
          <p class="counter-board__ticket" data-testid="counter-ticket">
            {counter.currentLabel}
          </p>
        </div>
      ) : (
        <p class="counter-board__note" data-testid="counter-note">
          {t(note)}
        </p>
      )}
    </div>
  );
}
