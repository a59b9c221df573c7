import { waitText } from '../../protocol/wait-text.ts';
import type { KioskServiceView } from '../../protocol/views.ts';
import { useKiosk } from '../kiosk-context.ts';
import { closedReason } from '../state/come-back.ts';

/** A service's state in a line or two: waiting and the honest wait while open; why not and when to come back otherwise. */
export function ServiceStatus(props: { service: KioskServiceView }) {
  const { t, lang, clock, data } = useKiosk();
  const reason = closedReason(props.service, clock());
  if (reason) {
    return (
      <span class="service-status closed" data-availability={props.service.availability}>
        <strong>{reason.status}</strong>
        {reason.comeBack && <span>{reason.comeBack}</span>}
      </span>
    );
  }
  return (
    <span class="service-status open" data-availability="open">
      {props.service.wait.kind === 'soon' ? (
        <span>{t('kiosk:take.no_wait')}</span>
      ) : (
        <>
          <span>{t('kiosk:take.waiting', { count: props.service.waiting })}</span>
          <span data-testid="wait">{waitText(props.service.wait, (key, params) => t(`ticket:${key}`, params), lang, data.timeZone)}</span>
        </>
      )}
    </span>
  );
}
