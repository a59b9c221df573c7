import type { UndoView } from '../../protocol/views.ts';
import { useText } from '../text-context.ts';

/**
 * What Undo (Z) would put back now, and for how long: each ticket back where it was (in its
 * queue at its old place, at this counter, or parked), so the clerk sees what a press will do
 * before pressing. Gone once the time is up; the server refuses a late Undo anyway.
 */
export function UndoNotice(props: { undo: UndoView | null; receivedAt: number; now: number }) {
  const { t } = useText();
  const { undo } = props;
  if (!undo) return null;
  // `now` ticks once a second, so it may lag behind the snapshot's arrival.
  const leftMs = undo.remainingMs - Math.max(0, props.now - props.receivedAt);
  if (leftMs <= 0) return null;
  const restores = undo.tickets.map((ticket) => {
    if (ticket.status === 'waiting') return t('counter:undo.toQueue', { label: ticket.label });
    if (ticket.status === 'parked') return t('counter:undo.toParked', { label: ticket.label });
    return t('counter:undo.toCounter', { label: ticket.label });
  });
  if (undo.counterStatus === 'closed') restores.push(t('counter:undo.closesCounter'));
  return (
    <p class="undo-notice" role="status" data-testid="undo-notice">
      <strong>{t('counter:undo.title', { action: t(`counter:undo.action.${undo.action}`), seconds: Math.ceil(leftMs / 1000) })}</strong>{' '}
      {restores.join('; ')}
    </p>
  );
}
