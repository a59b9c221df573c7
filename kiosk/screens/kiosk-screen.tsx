import { useKiosk } from '../kiosk-context.ts';
import type { Screen } from '../state/session.ts';
import { ClosedDayScreen } from './closed-day-screen.tsx';
import { FieldScreen } from './field-screen.tsx';
import { HomeScreen } from './home-screen.tsx';
import { IssuedScreen } from './issued-screen.tsx';
import { PriorityScreen } from './priority-screen.tsx';
import { ProcedureScreen } from './procedure-screen.tsx';
import { RefusedScreen } from './refused-screen.tsx';
import { SearchScreen } from './search-screen.tsx';
import { ServicesScreen } from './services-screen.tsx';

/** The screen on top of the session's stack (or the day-off message); catalogue screens wait for the catalogue. */
export function KioskScreen(props: { screen: Screen; returnAt: number }) {
  const { t, data } = useKiosk();
  const { screen } = props;
  const closed = data.snapshot?.closedDay;
  // On a day off there is nothing to choose: one message, whatever screen a citizen was on.
  if (closed && screen.kind !== 'issued') return <ClosedDayScreen closed={closed} />;
  switch (screen.kind) {
    case 'services':
      return <ServicesScreen />;
    case 'priority':
      return <PriorityScreen serviceId={screen.serviceId} procedureCode={screen.procedureCode} />;
    case 'issued':
      return (
        <IssuedScreen issued={screen.issued} procedureCode={screen.procedureCode} catalogue={data.catalogue} returnAt={props.returnAt} />
      );
    case 'refused':
      return <RefusedScreen error={screen.error} serviceId={screen.serviceId} />;
  }
  if (!data.catalogue || !data.index) {
    return <p class="loading">{data.catalogueFailed ? t('kiosk:catalogue_failed') : t('kiosk:loading')}</p>;
  }
  switch (screen.kind) {
    case 'home':
      return <HomeScreen catalogue={data.catalogue} />;
    case 'search':
      return <SearchScreen index={data.index} />;
    case 'field':
      return <FieldScreen catalogue={data.catalogue} fieldId={screen.fieldId} />;
    case 'procedure':
      return <ProcedureScreen catalogue={data.catalogue} code={screen.code} />;
  }
}
