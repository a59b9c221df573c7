import { useEffect, useState } from 'preact/hooks';
import type { BackupProblem, LastRestore, RestorePreview, RestoreStatus } from '../../protocol/backup.ts';
import { saveFile } from '../../client/save-file.ts';
import { useAdmin } from '../admin-context.ts';
import { FilePicker } from '../../client/file-picker.tsx';
import { RestorePreviewPanel } from '../parts/restore-preview.tsx';
import { useCentreTime } from '../use-centre-time.ts';

type Restore =
  | { kind: 'loading' }
  | { kind: 'none'; notice: 'cancelled' | null }
  | { kind: 'checking' }
  | { kind: 'refused'; message: string; problems: BackupProblem[] }
  | { kind: 'staged'; preview: RestorePreview; refusedAt: number | null; notice: string | null }
  | { kind: 'applying' };

/** How often the page asks whether the server is back while a restore restarts it. */
const pollMs = 1500;

/**
 * Download the data directory as a .tar.gz; restore one in three steps: upload (checked, nothing
 * changes), read what it replaces, confirm or cancel.
 */
export function BackupPage() {
  const { t, api } = useAdmin();
  const timeText = useCentreTime();
  const [restore, setRestore] = useState<Restore>({ kind: 'loading' });
  const [lastRestore, setLastRestore] = useState<LastRestore | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [acting, setActing] = useState(false);

  const show = (status: RestoreStatus, notice: string | null = null) => {
    if (status.state !== 'applying') setLastRestore(status.lastRestore);
    if (status.state === 'none') setRestore({ kind: 'none', notice: null });
    else if (status.state === 'staged') setRestore({ kind: 'staged', preview: status.preview, refusedAt: status.refusedAt, notice });
    else setRestore({ kind: 'applying' });
  };
  const load = async (notice: string | null = null) => {
    const r = await api.call('restoreStatus');
    if (r.ok) show(r.value, notice);
  };
  useEffect(() => void load(), []);
  // While the server restarts, ask until it answers: a restored server no longer knows this
  // session (the app then shows the sign-in), a refused restore shows its preview again.
  useEffect(() => {
    if (restore.kind !== 'applying') return;
    const timer = setInterval(() => void load(), pollMs);
    return () => clearInterval(timer);
  }, [restore.kind]);

  const download = async () => {
    setDownloading(true);
    const blob = await api.download('backup');
    setDownloading(false);
    if (blob) saveFile(blob, `motcua-backup-${new Date().toISOString().slice(0, 10)}.tar.gz`);
  };
  const upload = async (file: File, input: HTMLInputElement) => {
    setRestore({ kind: 'checking' });
    const r = await api.upload('restore', file, 'application/gzip');
    input.value = '';
    if (r.ok) setRestore({ kind: 'staged', preview: r.value, refusedAt: null, notice: null });
    else setRestore({ kind: 'refused', message: r.error.message, problems: r.problems ?? [] });
  };
  const act = async <R,>(run: () => Promise<R>, after: (r: R) => Promise<void> | void) => {
    setActing(true);
    const r = await run();
    setActing(false);
    await after(r);
  };
  const confirm = (preview: RestorePreview) =>
    act(
      () => api.call('confirmRestore', { body: { fingerprint: preview.fingerprint } }),
      (r) => (r.ok ? setRestore({ kind: 'applying' }) : load(r.error.message)),
    );
  const cancel = () =>
    act(
      () => api.call('cancelRestore'),
      (r) => (r.ok ? setRestore({ kind: 'none', notice: 'cancelled' }) : load(r.error.message)),
    );

  return (
    <section>
      <h1>{t('admin:backup.title')}</h1>
      <div class="panel">
        <h2>{t('admin:backup.download')}</h2>
        <p class="hint">{t('admin:backup.downloadHint')}</p>
        <button type="button" onClick={() => void download()} disabled={downloading}>
          {t('admin:backup.downloadButton')}
        </button>
        {downloading && <span class="hint"> {t('admin:backup.downloading')}</span>}
      </div>
      <div class="panel restore">
        <h2>{t('admin:backup.restore')}</h2>
        <p class="hint">{t('admin:backup.restoreHint')}</p>
        {lastRestore && (
          <p class="hint" data-testid="last-restore">
            {t('admin:backup.lastRestore', {
              when: timeText(lastRestore.at),
              backupWhen: timeText(lastRestore.backupCreatedAt),
              folder: lastRestore.keptAside,
            })}
          </p>
        )}
        {restore.kind === 'staged' && (
          <>
            {restore.notice && (
              <p class="notice notice--bad" role="alert">
                {restore.notice}
              </p>
            )}
            <RestorePreviewPanel preview={restore.preview} refusedAt={restore.refusedAt} />
            <div class="form-actions">
              <button type="button" class="danger" disabled={acting} onClick={() => void confirm(restore.preview)}>
                {restore.preview.ticketsAfterBackup > 0
                  ? t('admin:backup.preview.confirmSetAside', { count: restore.preview.ticketsAfterBackup })
                  : t('admin:backup.preview.confirm')}
              </button>
              <button type="button" class="secondary" disabled={acting} onClick={() => void cancel()}>
                {t('admin:backup.preview.cancel')}
              </button>
            </div>
          </>
        )}
        {restore.kind === 'applying' && (
          <p class="notice notice--warn" role="status">
            {t('admin:backup.preview.restarting')}
          </p>
        )}
        {restore.kind === 'checking' && <p role="status">{t('admin:backup.checking')}</p>}
        {restore.kind === 'none' && restore.notice && (
          <p class="notice notice--ok" role="status">
            {t(`admin:backup.${restore.notice}`)}
          </p>
        )}
        {restore.kind === 'refused' && (
          <div class="notice notice--bad" role="alert">
            <p>{restore.message}</p>
            <ul class="problems">
              {restore.problems.map((p, i) => (
                <li key={`${p.code}-${i}`} data-code={p.code}>
                  {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {restore.kind !== 'applying' && restore.kind !== 'checking' && restore.kind !== 'loading' && (
          <FilePicker
            name="backup-file"
            accept=".tar.gz,.tgz,application/gzip"
            label={restore.kind === 'staged' ? t('admin:backup.chooseOther') : t('admin:backup.chooseFile')}
            onFile={(f, input) => void upload(f, input)}
          />
        )}
      </div>
    </section>
  );
}
