import type { Catalogue } from '../../protocol/catalogue.ts';
import type { IssuedTicket, PrintOutcome } from '../../protocol/views.ts';
import { useKiosk } from '../kiosk-context.ts';
import { useCountdown } from '../parts/idle-warning.tsx';
import { QrCode } from '../parts/qr-code.tsx';
import { clockTime, waitText } from '../../protocol/wait-text.ts';

/**
 * The ticket on screen, as on paper: the number huge, which counters will call it (it is not a
 * call: the citizen waits for it), the wait, the follow QR and the papers to have ready. It says
 * plainly whether the paper ticket printed.
 */
export function IssuedScreen(props: { issued: IssuedTicket; procedureCode: string | null; catalogue: Catalogue | null; returnAt: number }) {
  const { t, session, dispatch, data } = useKiosk();
  const { ticket, counters, print, followUrl } = props.issued;
  const seconds = useCountdown(props.returnAt);
  const ids = counters.map((c) => c.id).join(', ');
  const procedure = props.catalogue?.procedures.find((p) => p.code === props.procedureCode);
  const papers = procedure?.dossier[0]?.components ?? [];
  const message = printMessage(print);
  return (
    <section class="screen issued">
      <div class="ticket-card">
        <p class="number-label">{t('ticket:number_label')}</p>
        <p class="ticket-number" data-testid="ticket-number">
          {ticket.label}
        </p>
        {ticket.priority && <p class="badge priority">{t('kiosk:issued.priority')}</p>}
        <p class="ticket-service">{t('kiosk:issued.service', { service: ticket.serviceName[session.lang] })}</p>
        {counters.length > 0 && (
          <p class="ticket-counters">{t(counters.length === 1 ? 'ticket:counter_one' : 'ticket:counter_other', { counters: ids })}</p>
        )}
        <p class="will-be-called">{t('ticket:will_be_called')}</p>
        <p>{t('ticket:people_ahead', { count: ticket.peopleAhead })}</p>
        <p data-testid="wait">{waitText(ticket.wait, (key, params) => t(`ticket:${key}`, params), session.lang, data.timeZone)}</p>
        <p>{t('kiosk:issued.time', { time: clockTime(ticket.issuedAt, session.lang, data.timeZone) })}</p>
      </div>
      <div class="ticket-side">
        <p
          class={`print-outcome ${print.kind.replace('_', '-')}${print.kind === 'printed' && !print.confirmed ? ' unconfirmed' : ''}`}
          role="status"
          data-print={print.kind}
        >
          {t(message)}
        </p>
        <figure class="follow-qr">
          <QrCode text={followUrl} label={t('ticket:qr_hint')} />
          <figcaption>{t('ticket:qr_hint')}</figcaption>
        </figure>
        {papers.length > 0 && (
          <div class="ready-papers">
            <h2>{t('ticket:papers_heading')}</h2>
            <ul lang="vi">
              {papers.map((c, i) => (
                <li key={i}>{c.name}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div class="issued-actions">
        <button type="button" class="primary big" onClick={() => dispatch({ type: 'reset' })}>
          {t('kiosk:issued.done')}
        </button>
        <p class="hint">{t('kiosk:issued.returning', { seconds })}</p>
      </div>
    </section>
  );
}

/** What the kiosk says of the paper: only what the printer actually did. */
function printMessage(print: PrintOutcome): string {
  switch (print.kind) {
    case 'printing':
      return 'kiosk:issued.printing';
    case 'printed':
      return print.confirmed ? 'kiosk:issued.printed' : 'kiosk:issued.printed_unconfirmed';
    case 'not_printed':
      return 'kiosk:issued.not_printed';
  }
}
