import type { CallView } from '../../protocol/views.ts';
import { callKey } from '../board-state.ts';
import { useBoardText } from '../board-text.ts';

/** Props of {@link CallHistory}. */
export interface CallHistoryProps {
  /** Earlier calls, newest first (the featured one excluded), as many as the screen has rows for. */
  calls: readonly CallView[];
}

/** The calls before the featured one; each new call pushes them down a row. */
export function CallHistory({ calls }: CallHistoryProps) {
  const { t } = useBoardText();
  return (
    <section class="history panel" aria-labelledby="history-title">
      <h2 id="history-title" class="panel-title">
        <span>{t('history.title')}</span>
        <span class="panel-title__columns" aria-hidden="true">
          {t('history.ticket')} · {t('history.counter')}
        </span>
      </h2>
      {calls.length === 0 && <p class="panel-empty">{t('history.empty')}</p>}
      <ol class="number-rows" data-testid="history">
        {calls.map((call) => (
          <li key={callKey(call)} class="number-row history__row" data-ticket={call.label}>
            <span class="number-row__ticket" data-digits="ticket">
              {call.label}
            </span>
            <span class="number-row__counter" data-digits="counter">
              {call.counterId}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
