import type { RestoreDayChange, RestorePreview } from '../../protocol/backup.ts';
import { useAdmin } from '../admin-context.ts';
import { useCentreTime } from '../use-centre-time.ts';

/**
 * What a staged restore would replace, before the admin decides: the backup itself, the
 * tickets written after it (set aside, never deleted), the days and settings that change.
 */
export function RestorePreviewPanel(props: { preview: RestorePreview; refusedAt: number | null }) {
  const { t, lang } = useAdmin();
  const timeText = useCentreTime();
  const { preview } = props;
  const b = preview.backup;
  const size = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(b.bytes / 2 ** 20);
  const todayChange = preview.days.find((d) => d.day === preview.today && d.ticketsAfterBackup > 0);
  return (
    <div class="restore-preview">
      <h3>{t('admin:backup.preview.title')}</h3>
      <p>
        {t('admin:backup.preview.made', { when: timeText(b.createdAt), centre: b.centre, version: b.version })}{' '}
        {b.firstDay
          ? t('admin:backup.preview.contents', { files: b.files, size: `${size} MB`, first: b.firstDay, last: b.lastDay })
          : t('admin:backup.preview.contentsNoDays', { files: b.files, size: `${size} MB` })}
      </p>
      {props.refusedAt !== null && (
        <p class="notice notice--bad" role="alert">
          {t('admin:backup.preview.refusedAtStart', { when: timeText(props.refusedAt) })}
        </p>
      )}
      {preview.ticketsAfterBackup > 0 ? (
        <div class="notice notice--warn" data-testid="tickets-after-backup">
          <p>{t('admin:backup.preview.ticketsAfter', { count: preview.ticketsAfterBackup })}</p>
          {todayChange && <p>{t('admin:backup.preview.today')}</p>}
        </div>
      ) : (
        <p class="notice notice--ok">{t('admin:backup.preview.noTicketsAfter')}</p>
      )}
      {preview.days.length > 0 && (
        <table class="table restore-days">
          <caption>{t('admin:backup.preview.days')}</caption>
          <thead>
            <tr>
              <th>{t('admin:backup.preview.day')}</th>
              <th>{t('admin:backup.preview.inBackup')}</th>
              <th>{t('admin:backup.preview.now')}</th>
              <th>{t('admin:backup.preview.change')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.days.map((d) => (
              <DayRow key={d.day} change={d} />
            ))}
          </tbody>
        </table>
      )}
      {preview.sameDays > 0 && <p class="hint">{t('admin:backup.preview.sameDays', { count: preview.sameDays })}</p>}
      {preview.settingsChanged.length > 0 && (
        <p>
          {t('admin:backup.preview.settings')} {preview.settingsChanged.map((f) => t(`admin:backup.preview.file.${f}`)).join(', ')}.
        </p>
      )}
      {preview.accountsOnlyNow.length > 0 && (
        <p>{t('admin:backup.preview.accountsOnlyNow', { names: preview.accountsOnlyNow.join(', ') })}</p>
      )}
      {preview.devicesOnlyNow.length > 0 && <p>{t('admin:backup.preview.devicesOnlyNow', { names: preview.devicesOnlyNow.join(', ') })}</p>}
      <p class="hint">{t('admin:backup.preview.signInAgain')}</p>
    </div>
  );
}

function DayRow(props: { change: RestoreDayChange }) {
  const { t } = useAdmin();
  const d = props.change;
  const more = d.ticketsAfterBackup - d.ticketLabels.length;
  const labels = d.ticketLabels.join(', ');
  return (
    <tr data-day={d.day} data-kind={d.kind}>
      <td class="code">{d.day}</td>
      <td>{d.backupEvents ?? '–'}</td>
      <td>{d.currentEvents}</td>
      <td>
        {t(`admin:backup.preview.kind.${d.kind}`, { count: (d.backupEvents ?? 0) - d.currentEvents })}
        {d.ticketsAfterBackup > 0 && (
          <div class="ticket-labels">
            {more > 0 ? t('admin:backup.preview.ticketListMore', { labels, more }) : t('admin:backup.preview.ticketList', { labels })}
          </div>
        )}
        {d.otherEventsAfterBackup > 0 && (
          <div class="hint">{t('admin:backup.preview.otherEvents', { count: d.otherEventsAfterBackup })}</div>
        )}
      </td>
    </tr>
  );
}
