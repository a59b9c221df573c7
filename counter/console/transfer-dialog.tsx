import type { CounterSnapshot, TicketStaffView } from '../../protocol/views.ts';
import { useText } from '../text-context.ts';
import { Dialog } from './dialog.tsx';

/** Where the current ticket can go, keeping its number: another service, or another counter. */
export function TransferDialog(props: {
  snapshot: CounterSnapshot;
  ticket: TicketStaffView;
  onTransfer: (target: { toServiceId: string } | { toCounterId: number }) => void;
  onClose: () => void;
}) {
  const { t, pick } = useText();
  const { snapshot, ticket } = props;
  return (
    <Dialog title={t('counter:transfer.title', { label: ticket.label })} onClose={props.onClose}>
      <p class="dialog-help">{t('counter:transfer.help')}</p>
      <div class="transfer-columns">
        <section>
          <h3>{t('counter:transfer.toService')}</h3>
          <div class="choice-list">
            {snapshot.services
              .filter((s) => s.id !== ticket.serviceId)
              .map((s) => (
                <button type="button" key={s.id} onClick={() => props.onTransfer({ toServiceId: s.id })}>
                  <span class="code">{s.code}</span> {pick(s.name)}
                </button>
              ))}
          </div>
        </section>
        <section>
          <h3>{t('counter:transfer.toCounter')}</h3>
          <div class="choice-list">
            {snapshot.counters
              .filter((c) => c.id !== snapshot.counter.id)
              .map((c) => (
                <button type="button" key={c.id} onClick={() => props.onTransfer({ toCounterId: c.id })}>
                  {pick(c.name)}
                </button>
              ))}
          </div>
        </section>
      </div>
    </Dialog>
  );
}
