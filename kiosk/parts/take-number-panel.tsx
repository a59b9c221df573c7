import { useKiosk } from '../kiosk-context.ts';
import { ServiceStatus } from './service-status.tsx';

/**
 * The one big action of a procedure: "Lấy số" for its service, with the wait; when the service
 * gives no numbers now, the reason and when to come back instead of the button.
 */
export function TakeNumberPanel(props: { serviceId: string; procedureCode: string }) {
  const { t, session, data, takeNumber, issuing } = useKiosk();
  const service = data.snapshot?.services.find((s) => s.id === props.serviceId);
  if (!service) return null;
  const open = service.availability === 'open';
  return (
    <aside class={`take-number${open ? '' : ' unavailable'}`}>
      <p class="take-service">{service.name[session.lang]}</p>
      <ServiceStatus service={service} />
      {open && (
        <button
          type="button"
          class="primary take"
          disabled={issuing || !data.online}
          onClick={() => takeNumber(service.id, props.procedureCode)}
        >
          {issuing ? t('kiosk:take.issuing') : t('kiosk:take.button')}
        </button>
      )}
      {open && !data.online && <p class="hint">{t('kiosk:take.offline')}</p>}
    </aside>
  );
}
