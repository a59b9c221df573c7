import type { Catalogue } from '../../protocol/catalogue.ts';
import { useKiosk } from '../kiosk-context.ts';
import { ProcedureDetails } from '../parts/procedure-details.tsx';
import { TakeNumberPanel } from '../parts/take-number-panel.tsx';

/** One procedure: papers, fees, time limits and steps beside the button that takes a number. */
export function ProcedureScreen(props: { catalogue: Catalogue; code: string }) {
  const { t } = useKiosk();
  const procedure = props.catalogue.procedures.find((p) => p.code === props.code);
  if (!procedure) return null;
  return (
    <section class="screen procedure">
      <header class="procedure-head">
        <h1 lang="vi">{procedure.name}</h1>
        <p class="procedure-code">{t('kiosk:procedure.code', { code: procedure.code })}</p>
      </header>
      <div class="procedure-body">
        <ProcedureDetails procedure={procedure} />
        <TakeNumberPanel serviceId={procedure.serviceId} procedureCode={procedure.code} />
      </div>
    </section>
  );
}
