import type { DisplaySnapshot } from '../../protocol/views.ts';
import { useBoardText } from '../board-text.ts';

/** Props of {@link ServiceWaiting}. */
export interface ServiceWaitingProps {
  services: DisplaySnapshot['services'];
}

/** How many people wait for each service, so a newcomer sees how busy the centre is. */
export function ServiceWaiting({ services }: ServiceWaitingProps) {
  const { t, lang } = useBoardText();
  return (
    <section class="waiting" aria-labelledby="waiting-title">
      <h2 id="waiting-title" class="panel-title">
        {t('services.title')}
      </h2>
      <ul class="waiting__list" data-testid="waiting">
        {services.map((s) => (
          <li key={s.id} class="waiting__row" data-service={s.id}>
            <span class="waiting__name">{s.name[lang]}</span>
            <span class="waiting__count">{t('services.waiting', { count: s.waiting })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
