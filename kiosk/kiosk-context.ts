import type { TFunction } from 'i18next';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '../client/i18n.ts';
import type { ClockContext } from './state/come-back.ts';
import type { Session, SessionAction } from './state/session.ts';
import type { KioskData } from './state/use-kiosk-data.ts';

/** What every kiosk screen needs: the words, the server's data, the session and the ticket action. */
export interface Kiosk {
  t: TFunction;
  lang: Lang;
  session: Session;
  dispatch(action: SessionAction): void;
  data: KioskData;
  /** For "come back at…" wording, in the centre's time zone and by the server's clock. */
  clock(): ClockContext;
  /** Takes a normal number at once: nobody answers a question they do not need. */
  takeNumber(serviceId: string, procedureCode: string | null): void;
  /** Whether the kiosk offers priority numbers (the centre allows it and has groups). */
  offersPriority: boolean;
  /** Asks which priority group, then issues a priority number. */
  takePriority(serviceId: string, procedureCode: string | null): void;
  /** Issues the ticket; the outcome screen replaces the choices. */
  issue(serviceId: string, procedureCode: string | null, priorityGroup: string | null): void;
  /** A ticket request is on its way; number buttons wait for it. */
  issuing: boolean;
}

/** Provided by the kiosk app; screens read it through {@link useKiosk}. */
export const KioskContext = createContext<Kiosk | null>(null);

/** The kiosk for a screen or part; only valid under the provider. */
export function useKiosk(): Kiosk {
  const kiosk = useContext(KioskContext);
  if (!kiosk) throw new Error('useKiosk outside the kiosk app');
  return kiosk;
}
