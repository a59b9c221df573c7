import { waitText } from '../../protocol/wait-text.ts';
import type { TicketPublicView } from '../../protocol/views.ts';
import type { FollowLang, FollowText } from './follow-text.ts';

/** The ticket's number and what it means right now: wait, go to a counter, or done. */
export function TicketStatusView(props: { ticket: TicketPublicView; lang: FollowLang; t: FollowText }) {
  const { ticket, lang, t } = props;
  const counter = ticket.counterName?.[lang] ?? '';
  return (
    <section class="ticket" data-status={ticket.status}>
      {ticket.status === 'called' && (
        <div class="turn" role="alert">
          <p class="turn-title">{t('called')}</p>
          <p class="turn-counter">{t('go_to', { counter })}</p>
        </div>
      )}
      <p class="your-number">{t('your_number')}</p>
      <p class="number" data-testid="follow-number">
        {ticket.label}
      </p>
      <p class="service">{ticket.serviceName[lang]}</p>
      {ticket.status === 'waiting' && (
        <div class="waiting">
          <p class="ahead" data-testid="people-ahead">
            {t('people_ahead', { count: ticket.peopleAhead })}
          </p>
          <p data-testid="wait">{waitText(ticket.wait, t, lang, ticket.timeZone)}</p>
        </div>
      )}
      {ticket.status === 'serving' && <p class="state">{t('serving', { counter })}</p>}
      {ticket.status === 'parked' && <p class="state">{t('parked')}</p>}
      {ticket.status === 'finished' && <p class="state">{t('finished')}</p>}
      {ticket.status === 'no_show' && <p class="state">{t('no_show')}</p>}
      {ticket.status === 'cancelled' && <p class="state">{t('cancelled')}</p>}
    </section>
  );
}
