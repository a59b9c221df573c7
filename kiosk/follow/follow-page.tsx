import { Icon } from '../../client/icons.tsx';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { connect } from '../../client/connection.ts';
import { useConnectionState } from '../../client/use-connection.ts';
import { useUpgradeReload } from '../../client/use-upgrade-reload.ts';
import type { TicketPublicView } from '../../protocol/views.ts';
import { createCallAlert } from './call-alert.ts';
import { followText, phoneLang, type FollowLang } from './follow-text.ts';
import { TicketStatusView } from './ticket-status-view.tsx';

export type FollowState =
  | { kind: 'loading' }
  | { kind: 'invalid'; reason: 'bad_link' | 'unknown' }
  | { kind: 'ticket'; ticket: TicketPublicView };

/**
 * One ticket, live, for its holder's phone: no login, and nothing about anybody else. The
 * server answers `ticket:follow` only for a correctly signed reference.
 */
export function FollowPage(props: { ticketRef: string }) {
  const [lang, setLang] = useState<FollowLang>(() => phoneLang(navigator.languages ?? [navigator.language]));
  const t = useMemo(() => followText(lang), [lang]);
  const connection = useMemo(() => connect({ lang }), []);
  const online = useConnectionState(connection) !== 'offline';
  const [state, setState] = useState<FollowState>({ kind: 'loading' });
  const alert = useMemo(() => createCallAlert(), []);
  const [alertsOn, setAlertsOn] = useState(false);
  const alertedCall = useRef<number | null>(null);
  // A reload would silence the alerts the citizen switched on (sound needs a tap), so it waits for them to be off.
  useUpgradeReload(connection, !alertsOn, 2_000);

  useEffect(() => {
    const updated = (ticket: TicketPublicView) =>
      setState((s) => (s.kind === 'ticket' && s.ticket.id === ticket.id ? { kind: 'ticket', ticket } : s));
    connection.socket.on('ticket:updated', updated);
    // Every reconnect follows again: the answer is the whole ticket, so a missed update heals.
    const off = connection.onOnline(async () => {
      const r = await connection.command('ticket:follow', { ref: props.ticketRef });
      if (r.ok) setState({ kind: 'ticket', ticket: r.value });
      else if (r.error.code === 'unknown_ticket') setState({ kind: 'invalid', reason: 'unknown' });
      else if (r.error.code !== 'offline') setState({ kind: 'invalid', reason: 'bad_link' });
    });
    return () => {
      off();
      connection.socket.off('ticket:updated', updated);
    };
  }, [connection, props.ticketRef]);

  const calledAt = state.kind === 'ticket' && state.ticket.status === 'called' ? state.ticket.calledAt : null;
  useEffect(() => {
    // Each call (and each recall) alerts once, however many updates repeat it.
    if (calledAt === null || alertedCall.current === calledAt) return;
    alertedCall.current = calledAt;
    alert.alert();
  }, [calledAt, alert]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('title');
  }, [lang, t]);

  const called = calledAt !== null;
  return (
    <div class={`follow${called ? ' called' : ''}`}>
      <header class="follow-bar">
        <span>{state.kind === 'ticket' ? state.ticket.centreName[lang] : t('title')}</span>
        <button type="button" class="lang" lang={lang === 'vi' ? 'en' : 'vi'} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t('switch_lang')}
        </button>
      </header>
      {!online && (
        <p class="follow-offline" role="alert">
          {t('offline')}
        </p>
      )}
      <main class="follow-main">
        {state.kind === 'loading' && <p class="follow-message">{t('loading')}</p>}
        {state.kind === 'invalid' && (
          <p class="follow-message invalid" role="alert" data-reason={state.reason}>
            {t(state.reason)}
          </p>
        )}
        {state.kind === 'ticket' && <TicketStatusView ticket={state.ticket} lang={lang} t={t} />}
      </main>
      {state.kind === 'ticket' && (
        <footer class="follow-foot">
          <button
            type="button"
            class="alerts"
            disabled={alertsOn}
            onClick={() => {
              alert.unlock();
              setAlertsOn(true);
            }}
          >
            {alertsOn ? t('alerts_on') : t('alerts_enable')}
          </button>
          {online && (
            <span class="live">
              <Icon name="live" /> {t('live')}
            </span>
          )}
        </footer>
      )}
    </div>
  );
}
