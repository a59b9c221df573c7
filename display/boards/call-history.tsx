import type { CallView } from '../../protocol/views.ts';
import { callKey } from '../board-state.ts';
import { useBoardText } from '../board-text.ts';

/** Props of {@link CallHistory}. */
export interface CallHistoryProps {
  /** Earlier calls, newest first (the featured one excluded). */
  calls: readonly CallView[];
}

/** The calls before the featured one; each new call pushes them down a row. */
export function CallHistory({ calls }: CallHistoryProps) {
  const { t } = useBoardText();
  return (
    <section class="history" aria-labelledby="history-title">
      <h2 id="history-title" class="panel-title">
        {t('history.title')}
      </h2>
      <div class="history__head" aria-hidden="true">
        <span>{t('history.ticket')}</span>
        <span>{t('history.counter')}</span>
      </div>
      {calls.length === 0 && <p class="panel-empty">{t('history.empty')}</p>}
      <ol class="history__list" data-testid="history">
        {calls.map((call) => (
          <li key={callKey(call)} class="history__row" data-ticket={call.label}>
            <span class="history__ticket">{call.label}</span>
            <span class="history__counter">{call.counterId}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
