import type { CounterSnapshot } from '../../protocol/views.ts';
import { useText } from '../text-context.ts';
import { Dialog } from './dialog.tsx';

/** Who holds the counter a viewing console shows, with the time since, for its banner and dialog. */
function holderOf(s: CounterSnapshot, someone: string, lang: string) {
  const name = s.holder?.clerkName ?? s.counter.clerkName ?? someone;
  const time = s.holder
    ? new Date(s.holder.since).toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: s.timeZone,
      })
    : '';
  return { name, time, online: s.holder?.online ?? false };
}

/**
 * Shown while another console holds the counter (it was taken over from this one, or this one
 * came second): this console only views it until its clerk takes it over, explicitly.
 */
export function ControlBanner(props: { snapshot: CounterSnapshot; disabled: boolean; onTakeOver: () => void }) {
  const { t, lang } = useText();
  if (props.snapshot.control !== 'viewing') return null;
  const h = holderOf(props.snapshot, t('counter:control.someone'), lang);
  return (
    <div class="banner banner--viewing" role="status" data-testid="viewing">
      <span>{t(h.online ? 'counter:control.viewing' : 'counter:control.viewingAway', { name: h.name, time: h.time })}</span>
      <button type="button" class="take-over" disabled={props.disabled} onClick={props.onTakeOver}>
        {t('counter:control.takeOver')}
      </button>
    </div>
  );
}

/** The confirmation a takeover needs: what it does to the other console, and whom the work is credited to. */
export function TakeOverDialog(props: { snapshot: CounterSnapshot; clerkName: string; onConfirm: () => void; onClose: () => void }) {
  const { t, lang, pick } = useText();
  const h = holderOf(props.snapshot, t('counter:control.someone'), lang);
  return (
    <Dialog title={t('counter:control.confirmTitle', { counter: pick(props.snapshot.counter.name) })} onClose={props.onClose}>
      <p class="dialog-help">{t('counter:control.confirmHelp', { me: props.clerkName, name: h.name })}</p>
      <div class="choice-list">
        <button type="button" class="take-over-confirm" onClick={props.onConfirm}>
          {t('counter:control.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
