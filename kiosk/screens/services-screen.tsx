import { useKiosk } from '../kiosk-context.ts';
import { ServiceStatus } from '../parts/service-status.tsx';

/** Every service as a tile with its wait, for citizens who know where they are going. */
export function ServicesScreen() {
  const { t, session, data, takeNumber, issuing } = useKiosk();
  const services = data.snapshot?.services ?? [];
  return (
    <section class="screen services">
      <h1>{t('kiosk:services.heading')}</h1>
      <ul class="tiles">
        {services.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              class={`tile${s.availability === 'open' ? '' : ' unavailable'}`}
              data-service={s.id}
              disabled={s.availability !== 'open' || issuing || !data.online}
              onClick={() => takeNumber(s.id, null)}
            >
              <span class="tile-name">{s.name[session.lang]}</span>
              <ServiceStatus service={s} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
