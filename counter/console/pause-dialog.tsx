import { useState } from 'preact/hooks';
import { useText } from '../text-context.ts';
import { Dialog } from './dialog.tsx';

const reasons = ['break', 'meeting', 'helping', 'paperwork', 'technical'] as const;

/**
 * Pause with a reason: one tap on a common one, or a reason typed in. A common reason is stored
 * in Vietnamese whatever the console's language, so the centre's reports read the same.
 */
export function PauseDialog(props: { onPause: (reason: string) => void; onClose: () => void }) {
  const { t } = useText();
  const [other, setOther] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    if (other.trim()) props.onPause(other.trim());
  };
  return (
    <Dialog title={t('counter:pause.title')} onClose={props.onClose}>
      <p class="dialog-help">{t('counter:pause.help')}</p>
      <div class="choice-list choice-list--grid">
        {reasons.map((r) => (
          <button type="button" key={r} onClick={() => props.onPause(t(`counter:pause.reasons.${r}`, { lng: 'vi' }))}>
            {t(`counter:pause.reasons.${r}`)}
          </button>
        ))}
      </div>
      <form class="pause-other" onSubmit={submit}>
        <label>
          {t('counter:pause.other')}
          <input name="reason" maxLength={120} value={other} onInput={(e) => setOther(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!other.trim()}>
          {t('counter:pause.confirm')}
        </button>
      </form>
    </Dialog>
  );
}
