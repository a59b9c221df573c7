import { Icon } from '../../client/icons.tsx';
import type { Catalogue, Field } from '../../protocol/catalogue.ts';
import type { KioskServiceView } from '../../protocol/views.ts';
import { useKiosk } from '../kiosk-context.ts';
import { ServiceStatus } from '../parts/service-status.tsx';

/** Search box, the fields as large tiles, and a shortcut for people who know their service. */
export function HomeScreen(props: { catalogue: Catalogue }) {
  const { t, dispatch, session, data } = useKiosk();
  return (
    <section class="screen home">
      <h1>{t('kiosk:home.greeting')}</h1>
      <div class="home-actions">
        <button type="button" class="search-box" onClick={() => dispatch({ type: 'open', screen: { kind: 'search' } })}>
          <Icon name="search" /> {t('kiosk:home.search')}
        </button>
        <button type="button" class="tile by-service" onClick={() => dispatch({ type: 'open', screen: { kind: 'services' } })}>
          <span class="tile-name">{t('kiosk:home.by_service')}</span>
          <span class="tile-count">{t('kiosk:home.by_service_hint')}</span>
        </button>
      </div>
      <h2>{t('kiosk:home.fields')}</h2>
      <ul class="tiles">
        {props.catalogue.fields.map((field) => {
          const count = props.catalogue.procedures.filter((p) => p.fieldId === field.id).length;
          if (count === 0) return null;
          const closed = closedFieldService(props.catalogue, field, data.snapshot?.services ?? []);
          return (
            <li key={field.id}>
              <button
                type="button"
                class={`tile${closed ? ' unavailable' : ''}`}
                data-field={field.id}
                onClick={() => dispatch({ type: 'open', screen: { kind: 'field', fieldId: field.id } })}
              >
                <span class="tile-name">{session.lang === 'vi' ? field.name : field.nameEn}</span>
                <span class="tile-count">{t('kiosk:home.procedure_count', { count })}</span>
                {closed && <ServiceStatus service={closed} />}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** When no service of a field gives numbers now, the first one, to say why on its tile. */
function closedFieldService(catalogue: Catalogue, field: Field, services: readonly KioskServiceView[]): KioskServiceView | null {
  const ids = new Set(catalogue.procedures.filter((p) => p.fieldId === field.id).map((p) => p.serviceId));
  const views = services.filter((s) => ids.has(s.id));
  if (views.length === 0 || views.some((s) => s.availability === 'open')) return null;
  return views[0]!;
}
