import { useKiosk } from '../kiosk-context.ts';
import { ServiceStatus } from './service-status.tsx';

/**
 * The one big action of a procedure: "Lấy số" for its service, with the wait, and beside it a
 * separate priority button where the centre allows one (so nobody else answers a question);
 * when the service gives no numbers now, the reason and when to come back instead.
 */
export function TakeNumberPanel(props: { serviceId: string; procedureCode: string }) {
  const { t, session, data, takeNumber, takePriority, offersPriority, issuing } = useKiosk();
  const service = data.snapshot?.services.find((s) => s.id === props.serviceId);
  if (!service) return null;
  const open = service.availability === 'open';
  // The banner above says why; the buttons wait until the centre can issue again.
  const canIssue = data.snapshot?.issuing.ok !== false;
  const busy = issuing || !data.online || !canIssue;
  return (
    <aside class={`take-number${open ? '' : ' unavailable'}`}>
      <p class="take-service">{service.name[session.lang]}</p>
      <ServiceStatus service={service} />
      {open && (
        <button type="button" class="primary take" disabled={busy} onClick={() => takeNumber(service.id, props.procedureCode)}>
          {issuing ? t('kiosk:take.issuing') : t('kiosk:take.button')}
        </button>
      )}
      {open && offersPriority && (
        <button type="button" class="take-priority" disabled={busy} onClick={() => takePriority(service.id, props.procedureCode)}>
          {t('kiosk:take.priority')}
        </button>
      )}
      {open && !data.online && <p class="hint">{t('kiosk:take.offline')}</p>}
      {open && data.online && !canIssue && <p class="hint">{t('common:cannotIssue.citizen')}</p>}
    </aside>
  );
}
