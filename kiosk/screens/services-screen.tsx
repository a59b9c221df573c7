import { useKiosk } from '../kiosk-context.ts';
import { ServiceStatus } from '../parts/service-status.tsx';

/** Every service as a tile with its wait, for citizens who know where they are going; priority numbers beside, where allowed. */
export function ServicesScreen() {
  const { t, session, data, takeNumber, takePriority, offersPriority, issuing } = useKiosk();
  const services = data.snapshot?.services ?? [];
  const busy = issuing || !data.online;
  return (
    <section class="screen services">
      <h1>{t('kiosk:services.heading')}</h1>
      <ul class="tiles">
        {services.map((s) => {
          const open = s.availability === 'open';
          return (
            <li key={s.id} class={offersPriority && open ? 'service-choice with-priority' : 'service-choice'}>
              <button
                type="button"
                class={`tile${open ? '' : ' unavailable'}`}
                data-service={s.id}
                disabled={!open || busy}
                onClick={() => takeNumber(s.id, null)}
              >
                <span class="tile-name">{s.name[session.lang]}</span>
                <ServiceStatus service={s} />
              </button>
              {offersPriority && open && (
                <button
                  type="button"
                  class="take-priority"
                  data-priority-service={s.id}
                  disabled={busy}
                  onClick={() => takePriority(s.id, null)}
                >
                  {t('kiosk:take.priority')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
