import type { CounterSnapshot, TicketStaffView } from '../../protocol/views.ts';
import { useText } from '../text-context.ts';
import { formatDuration } from './durations.ts';

/**
 * The queue this counter calls from, in calling order, priority marked. A click selects a row
 * (then C or the button calls it out of order); a double click calls it at once.
 */
export function QueuePanel(props: {
  snapshot: CounterSnapshot;
  serverNow: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onCall: (id: string) => void;
}) {
  const { t } = useText();
  const { queue, waitingCount } = props.snapshot;
  return (
    <section class="panel queue" aria-label={t('counter:queue.title', { count: waitingCount })}>
      <h2>{t('counter:queue.title', { count: waitingCount })}</h2>
      {queue.length === 0 ? (
        <p class="panel-empty">{t('counter:queue.empty')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an ordered list that is also a listbox keeps the queue order for screen readers
        <ol class="queue-list" role="listbox" aria-label={t('counter:queue.title', { count: waitingCount })}>
          {queue.map((ticket) => (
            <QueueRow key={ticket.id} ticket={ticket} {...props} />
          ))}
          {waitingCount > queue.length && <li class="queue-more">{t('counter:queue.more', { count: waitingCount - queue.length })}</li>}
        </ol>
      )}
    </section>
  );
}

function QueueRow(props: {
  ticket: TicketStaffView;
  snapshot: CounterSnapshot;
  serverNow: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onCall: (id: string) => void;
}) {
  const { t } = useText();
  const { ticket } = props;
  const service = props.snapshot.services.find((s) => s.id === ticket.serviceId);
  const selected = ticket.id === props.selectedId;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the console's own keys move the selection (use-console-keys.ts)
    // biome-ignore lint/a11y/useFocusableInteractive: focus stays on the console so its shortcuts keep working
    <li
      class={`queue-row${selected ? ' queue-row--selected' : ''}${ticket.priorityGroup ? ' queue-row--priority' : ''}`}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: options of the listbox above
      role="option"
      aria-selected={selected}
      data-ticket={ticket.label}
      onClick={() => props.onSelect(ticket.id)}
      onDblClick={() => props.onCall(ticket.id)}
    >
      <span class="queue-label">{ticket.label}</span>
      <span class="code">{service?.code}</span>
      <span class="queue-tags">
        {ticket.priorityGroup && <span class="pill pill--priority">{t('counter:queue.priority')}</span>}
        {ticket.targetCounterId === props.snapshot.counter.id && <span class="pill pill--sent">{t('counter:queue.sentHere')}</span>}
      </span>
      <span class="queue-wait">{t('counter:queue.waited', { time: formatDuration(props.serverNow - ticket.issuedAt) })}</span>
    </li>
  );
}

/** Tickets put aside at this counter, each with a button to call it back. */
export function ParkedPanel(props: { snapshot: CounterSnapshot; disabled: boolean; onResume: (id: string) => void }) {
  const { t } = useText();
  const { parked } = props.snapshot;
  if (parked.length === 0) return null;
  return (
    <section class="panel parked" aria-label={t('counter:parked.title', { count: parked.length })}>
      <h2>{t('counter:parked.title', { count: parked.length })}</h2>
      <ul class="parked-list">
        {parked.map((ticket) => (
          <li key={ticket.id}>
            <span class="queue-label">{ticket.label}</span>
            <button type="button" disabled={props.disabled} onClick={() => props.onResume(ticket.id)}>
              {t('counter:parked.resume')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
