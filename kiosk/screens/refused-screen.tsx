import type { ResultError } from '../../protocol/result.ts';
import { useKiosk } from '../kiosk-context.ts';
import { refusalText } from '../state/come-back.ts';

/** Why no number was given (quota, cut-off, hours, connection), in the kiosk's current language. */
export function RefusedScreen(props: { error: ResultError; serviceId: string }) {
  const { t, session, data, dispatch, clock } = useKiosk();
  const service = data.snapshot?.services.find((s) => s.id === props.serviceId);
  return (
    <section class="screen refused">
      <h1>{t('kiosk:refused.heading')}</h1>
      {service && <p class="refused-service">{service.name[session.lang]}</p>}
      <p class="refusal" role="alert" data-code={props.error.code}>
        {refusalText(props.error, clock())}
      </p>
      <button type="button" class="primary big" onClick={() => dispatch({ type: 'home' })}>
        {t('kiosk:nav.home')}
      </button>
    </section>
  );
}
