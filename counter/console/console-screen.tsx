import { useEffect, useState } from 'preact/hooks';
import type { ConnectionState } from '../../client/connection.ts';
import type { CounterSnapshot } from '../../protocol/views.ts';
import { useText } from '../text-context.ts';
import { ActionBar } from './action-bar.tsx';
import { availableActions, simpleCommand, type ConsoleAction } from './console-actions.ts';
import { ConsoleHeader } from './console-header.tsx';
import { ControlBanner, TakeOverDialog } from './control-banner.tsx';
import { CurrentTicket } from './current-ticket.tsx';
import { DossierField, dossierToSend } from './dossier-field.tsx';
import { PauseDialog } from './pause-dialog.tsx';
import { ParkedPanel, QueuePanel } from './queue-panel.tsx';
import { TodayPanel } from './today-panel.tsx';
import { TransferDialog } from './transfer-dialog.tsx';
import { UndoNotice } from './undo-notice.tsx';
import type { CounterSession } from './use-counter-session.ts';
import { useConsoleKeys } from './use-console-keys.ts';
import { useServerNow } from './use-server-now.ts';

export interface ConsoleScreenProps {
  session: CounterSession & { snapshot: CounterSnapshot };
  connection: ConnectionState;
  clerkName: string;
  onChangeCounter: () => void;
  onSignOut: () => void;
}

/** The clerk's console for one counter: the ticket at the counter, the queue, the actions. */
export function ConsoleScreen(props: ConsoleScreenProps) {
  const { t } = useText();
  const { session } = props;
  const s = session.snapshot;
  const serverNow = useServerNow(session.clockOffsetMs);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'transfer' | 'pause' | 'takeOver' | null>(null);
  // The dossier code belongs to the citizen at the counter: a new one starts with an empty field.
  const [dossier, setDossier] = useState('');
  useEffect(() => setDossier(''), [s.current?.id]);
  const available = availableActions(s, selectedId);
  const offline = props.connection !== 'online';
  // Nothing can be recorded while the centre cannot write its journal: the banner says why.
  const blocked = offline || !s.issuing.ok;

  const counterId = s.counter.id;
  const callTicket = (ticketId: string) =>
    !blocked &&
    s.control === 'holding' &&
    void session.run('counter:call-ticket', { counterId, ticketId }).then((ok) => ok && setSelectedId(null));
  const act = (action: ConsoleAction) => {
    if (blocked || session.busy || !available.has(action)) return;
    if (action === 'transfer' || action === 'pause') return setDialog(action);
    if (action === 'call' && selectedId) return callTicket(selectedId);
    if ((action === 'next' || action === 'finish') && s.current) {
      const code = dossierToSend(dossier);
      if (code === 'invalid') return session.showError(t('counter:dossier.invalid'));
      return void session.run(action === 'next' ? 'counter:next' : 'counter:finish', { counterId, ...code });
    }
    const event = simpleCommand(action);
    if (event) void session.run(event, { counterId });
  };
  const scanned = (code: string) => {
    if (s.control !== 'holding' || !s.current) return session.showError(t('counter:dossier.noTicket', { code }));
    setDossier(code);
  };
  const move = (step: 1 | -1) => {
    const ids = s.queue.map((q) => q.id);
    if (ids.length === 0) return;
    const at = selectedId ? ids.indexOf(selectedId) : -1;
    setSelectedId(ids[Math.min(ids.length - 1, Math.max(0, at + step))] ?? null);
  };
  useConsoleKeys(dialog === null, { onAction: act, onMove: move, onScan: scanned });
  const closeDialog = () => setDialog(null);

  return (
    <div class="console" data-status={s.counter.status}>
      <ConsoleHeader snapshot={s} clerkName={props.clerkName} onChangeCounter={props.onChangeCounter} onSignOut={props.onSignOut} />
      {offline && (
        <div class="banner banner--offline" role="status">
          {t('common:offline')}
        </div>
      )}
      {!s.issuing.ok && (
        <div class="banner banner--error" role="alert" data-testid="cannot-issue">
          {t('common:cannotIssue.staff', { reason: t(`errors:storeProblem.${s.issuing.problem}`) })}
        </div>
      )}
      <ControlBanner snapshot={s} disabled={offline || session.busy} onTakeOver={() => setDialog('takeOver')} />
      {s.counter.status === 'paused' && (
        <div class="banner banner--paused">{t('counter:pausedBanner', { reason: s.counter.pauseReason ?? '' })}</div>
      )}
      {s.counter.status === 'closed' && !s.current && <div class="banner banner--closed">{t('counter:closedBanner')}</div>}
      {session.error && (
        <div class="banner banner--error" role="alert">
          <span>{session.error}</span>
          <button type="button" aria-label={t('counter:dismiss')} onClick={session.dismissError}>
            ×
          </button>
        </div>
      )}
      <main class="console-body">
        <div class="console-main">
          <CurrentTicket snapshot={s} serverNow={serverNow} />
          {s.current && s.control === 'holding' && <DossierField value={dossier} onChange={setDossier} />}
          <ActionBar available={blocked ? new Set() : available} busy={session.busy} onAction={act} />
          <UndoNotice
            undo={blocked || s.control !== 'holding' ? null : s.undo}
            receivedAt={session.receivedAt}
            now={serverNow - session.clockOffsetMs}
          />
        </div>
        <aside class="console-side">
          <QueuePanel snapshot={s} serverNow={serverNow} selectedId={selectedId} onSelect={setSelectedId} onCall={callTicket} />
          <ParkedPanel
            snapshot={s}
            disabled={blocked || session.busy || s.counter.status === 'paused' || s.control !== 'holding'}
            onResume={(ticketId) => void session.run('counter:resume-ticket', { counterId, ticketId })}
          />
          <TodayPanel today={s.today} />
        </aside>
      </main>
      {dialog === 'transfer' && s.current && (
        <TransferDialog
          snapshot={s}
          ticket={s.current}
          onClose={closeDialog}
          onTransfer={(target) => {
            closeDialog();
            void session.run('counter:transfer', { counterId, ...target });
          }}
        />
      )}
      {dialog === 'takeOver' && (
        <TakeOverDialog
          snapshot={s}
          clerkName={props.clerkName}
          onClose={closeDialog}
          onConfirm={() => {
            closeDialog();
            void session.takeOver();
          }}
        />
      )}
      {dialog === 'pause' && (
        <PauseDialog
          onClose={closeDialog}
          onPause={(reason) => {
            closeDialog();
            void session.run('counter:pause', { counterId, reason });
          }}
        />
      )}
    </div>
  );
}
