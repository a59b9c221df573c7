import type { ClockJump, JournalRecoveryReport, ServerHealth } from '../../protocol/health.ts';
import { named, useAdmin } from '../admin-context.ts';
import { useCentreTime } from '../use-centre-time.ts';
import { useSiteConfig } from '../use-site-config.ts';

/**
 * What the manager must know about the server itself, at the top of the dashboard: numbers
 * cannot be issued (and why), the clock jumped, a journal or a data file was damaged and
 * repaired. Each line says what the server did about it, so nobody guesses.
 */
export function ServerHealthAlerts(props: { health: ServerHealth }) {
  const { t } = useAdmin();
  const when = useCentreTime();
  const { issuing, clockJumps, dayNotice, journalRecovery, fileAlerts } = props.health;
  return (
    <div class="health-alerts" data-testid="server-health">
      {!issuing.ok && (
        <p class="banner banner--down" role="alert" data-testid="cannot-issue">
          {t('common:cannotIssue.staff', { reason: t(`errors:storeProblem.${issuing.problem}`) })}{' '}
          {t('admin:serverHealth.cannotIssueSince', { time: when(issuing.since) })}
        </p>
      )}
      {dayNotice && (
        <p class="banner banner--down" role="alert" data-testid="day-notice">
          {t(`admin:serverHealth.dayNotice.${dayNotice.kind}`, { clockDay: dayNotice.clockDay, openDay: dayNotice.openDay })}
        </p>
      )}
      {fileAlerts.map((a) => (
        <p key={a.file} class="banner banner--down" role="alert" data-testid="file-alert">
          {t('admin:serverHealth.fileAlert', { file: a.file, problem: a.problem, copy: t(`admin:serverHealth.copy.${a.usedCopy}`) })}
        </p>
      ))}
      {journalRecovery.map((r) => (
        <JournalRecoveryLine key={r.at} report={r} />
      ))}
      {clockJumps.map((j) => (
        <ClockJumpLine key={j.at} jump={j} />
      ))}
    </div>
  );
}

function JournalRecoveryLine(props: { report: JournalRecoveryReport }) {
  const { t, lang } = useAdmin();
  const when = useCentreTime();
  const { config } = useSiteConfig();
  const r = props.report;
  const lines = r.setAside.map((l) => t('admin:serverHealth.line', { line: l.line, reason: t(`admin:serverHealth.reason.${l.reason}`) }));
  // Per service of the centre: a damaged line may also have shown a service id that does not exist.
  const floor = (config?.services ?? []).flatMap((s) => {
    const n = r.numberFloor[s.id];
    return n === undefined ? [] : [`${s.code} · ${named(s.name, lang)} ${n}`];
  });
  return (
    <p class="banner banner--warn" role="status" data-testid="journal-recovery">
      {t('admin:serverHealth.journalRecovery', {
        day: r.day,
        time: when(r.at),
        kept: r.keptEvents,
        count: r.setAside.length,
        lines: lines.slice(0, 10).join('; ') + (lines.length > 10 ? '; …' : ''),
        savedTo: r.savedTo,
      })}
      {r.snapshotDropped && ` ${t('admin:serverHealth.snapshotDropped')}`}
      {floor.length > 0 && ` ${t('admin:serverHealth.numberFloor', { numbers: floor.join(', ') })}`}
    </p>
  );
}

function ClockJumpLine(props: { jump: ClockJump }) {
  const { t } = useAdmin();
  const when = useCentreTime();
  const j = props.jump;
  return (
    <p class="banner banner--warn" role="status" data-testid="clock-jump">
      {t('admin:serverHealth.clockJump', {
        direction: t(j.stepMs > 0 ? 'admin:serverHealth.forward' : 'admin:serverHealth.backward'),
        size: stepText(Math.abs(j.stepMs)),
        time: when(j.at),
        day: j.day,
      })}
    </p>
  );
}

/** "7 h 02 min", "3 min 20 s", "5 s": a step's size in the units a technician reads at a glance. */
function stepText(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${s % 60} s`;
  return `${s} s`;
}
