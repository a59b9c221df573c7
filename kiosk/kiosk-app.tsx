import type { i18n } from 'i18next';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { connect } from '../client/connection.ts';
import { useUpgradeReload } from '../client/use-upgrade-reload.ts';
import type { IssuedTicket } from '../protocol/views.ts';
import { KioskContext, type Kiosk } from './kiosk-context.ts';
import { Footer } from './parts/footer.tsx';
import { IdleWarning } from './parts/idle-warning.tsx';
import { StatusBanners } from './parts/status-banners.tsx';
import { TopBar } from './parts/top-bar.tsx';
import { KioskScreen } from './screens/kiosk-screen.tsx';
import { kioskTiming } from './state/kiosk-timing.ts';
import { currentScreen, freshSession, isPristine, sessionReducer } from './state/session.ts';
import { useIdle } from './state/use-idle.ts';
import { useKioskData } from './state/use-kiosk-data.ts';

/** The paired kiosk: one connection, the catalogue and live snapshot, and one citizen's session at a time. */
export function KioskApp(props: { i18n: i18n; onUnpaired(): void }) {
  // The socket stays Vietnamese: the kiosk words refusals itself in whatever language the citizen picked.
  const connection = useMemo(() => connect({ app: 'kiosk', lang: 'vi' }), []);
  useEffect(() => () => connection.close(), [connection]);
  const data = useKioskData(connection, props.onUnpaired);
  const [session, dispatch] = useReducer(sessionReducer, undefined, freshSession);
  const timing = useMemo(() => kioskTiming(location.search), []);
  const screen = currentScreen(session);
  const t = useMemo(() => props.i18n.getFixedT(session.lang), [props.i18n, session.lang]);

  const [issuing, setIssuing] = useState(false);
  const issuingRef = useRef(false);
  const issue = async (serviceId: string, procedureCode: string | null, priorityGroup: string | null) => {
    // A second tap before the first answer must not take a second number.
    if (issuingRef.current) return;
    issuingRef.current = true;
    setIssuing(true);
    const r = await connection.command('ticket:issue', { serviceId, procedureCode, priorityGroup });
    issuingRef.current = false;
    setIssuing(false);
    dispatch({
      type: 'outcome',
      screen: r.ok ? { kind: 'issued', issued: r.value, procedureCode } : { kind: 'refused', error: r.error, serviceId },
    });
  };

  useEffect(() => {
    const finished = (f: { ticketId: string; print: IssuedTicket['print'] }) => dispatch({ type: 'printed', ...f });
    connection.socket.on('ticket:print-finished', finished);
    return () => void connection.socket.off('ticket:print-finished', finished);
  }, [connection]);

  const reset = useCallback(() => dispatch({ type: 'reset' }), []);
  const idle = useIdle(screen.kind !== 'issued' && !isPristine(session), timing.idleMs, timing.warnMs, reset);
  // An upgrade waits for the home screen nobody is using.
  useUpgradeReload(connection, isPristine(session) && !issuing, timing.reloadQuietMs);

  // The confirmation goes home by itself; longer when the citizen must note the number or photograph the QR code.
  const printed = screen.kind === 'issued' && screen.issued.print.kind === 'printed' && screen.issued.print.confirmed;
  const issuedId = screen.kind === 'issued' ? screen.issued.ticket.id : null;
  const returnAt = useMemo(
    () => (issuedId ? Date.now() + (printed ? timing.confirmMs : timing.confirmUnprintedMs) : 0),
    [issuedId, printed, timing],
  );
  useEffect(() => {
    if (!issuedId) return;
    const timer = setTimeout(reset, returnAt - Date.now());
    return () => clearTimeout(timer);
  }, [issuedId, returnAt, reset]);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = session.lang;
    root.classList.toggle('high-contrast', session.highContrast);
    root.classList.toggle('large-text', session.largeText);
  }, [session.lang, session.highContrast, session.largeText]);

  const kiosk: Kiosk = {
    t,
    lang: session.lang,
    session,
    dispatch,
    data,
    clock: () => ({ t, lang: session.lang, now: data.serverNow(), timeZone: data.timeZone }),
    takeNumber: (serviceId, procedureCode) => void issue(serviceId, procedureCode, null),
    offersPriority: Boolean(data.snapshot?.kioskMayIssuePriority && data.snapshot.priorityGroups.length > 0),
    takePriority: (serviceId, procedureCode) => dispatch({ type: 'open', screen: { kind: 'priority', serviceId, procedureCode } }),
    issue: (serviceId, procedureCode, priorityGroup) => void issue(serviceId, procedureCode, priorityGroup),
    issuing,
  };

  return (
    <KioskContext.Provider value={kiosk}>
      <div class="kiosk">
        <TopBar />
        <StatusBanners />
        <main class="content">
          <KioskScreen screen={screen} returnAt={returnAt} />
        </main>
        <Footer />
        {idle.phase.kind === 'warning' && <IdleWarning until={idle.phase.until} onContinue={idle.resume} />}
      </div>
    </KioskContext.Provider>
  );
}
