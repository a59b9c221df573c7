import type { Procedure } from '../../protocol/catalogue.ts';
import { useKiosk } from '../kiosk-context.ts';
import { ServiceStatus } from './service-status.tsx';

/** Procedures as large buttons; a procedure whose service gives no numbers now says so. */
export function ProcedureList(props: { procedures: readonly Procedure[] }) {
  const { t, dispatch, data } = useKiosk();
  return (
    <ul class="procedure-list">
      {props.procedures.map((p) => {
        const service = data.snapshot?.services.find((s) => s.id === p.serviceId);
        return (
          <li key={p.code}>
            <button
              type="button"
              class="procedure-item"
              data-code={p.code}
              onClick={() => dispatch({ type: 'open', screen: { kind: 'procedure', code: p.code } })}
            >
              <span class="procedure-name" lang="vi">
                {p.name}
              </span>
              <span class="procedure-code">{t('kiosk:procedure.code', { code: p.code })}</span>
              {service && service.availability !== 'open' && <ServiceStatus service={service} />}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
