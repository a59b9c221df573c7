import { useState } from 'preact/hooks';
import { saveFile } from '../admin-api.ts';
import { useAdmin } from '../admin-context.ts';
import { FilePicker } from '../parts/file-picker.tsx';

type RestoreState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'staged'; files: number }
  | { kind: 'refused'; message: string; problems: string[] };

/** Download the whole data directory; restore one after every file of it has been checked. */
export function BackupPage() {
  const { t, api } = useAdmin();
  const [restore, setRestore] = useState<RestoreState>({ kind: 'idle' });
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    const blob = await api.download('backup');
    setDownloading(false);
    if (blob) saveFile(blob, `motcua-backup-${new Date().toISOString().slice(0, 10)}.json.gz`);
  };
  const upload = async (file: File, input: HTMLInputElement) => {
    if (!confirm(t('admin:backup.confirmRestore'))) {
      input.value = '';
      return;
    }
    setRestore({ kind: 'checking' });
    const r = await api.upload('restore', file, 'application/gzip');
    input.value = '';
    setRestore(r.ok ? { kind: 'staged', files: r.value.files } : { kind: 'refused', message: r.error.message, problems: r.problems ?? [] });
  };
  return (
    <section>
      <h1>{t('admin:backup.title')}</h1>
      <div class="panel">
        <h2>{t('admin:backup.download')}</h2>
        <p class="hint">{t('admin:backup.downloadHint')}</p>
        <button type="button" onClick={() => void download()} disabled={downloading}>
          {t('admin:backup.downloadButton')}
        </button>
      </div>
      <div class="panel">
        <h2>{t('admin:backup.restore')}</h2>
        <p class="hint">{t('admin:backup.restoreHint')}</p>
        <FilePicker
          name="backup-file"
          accept=".gz,application/gzip"
          label={t('admin:backup.chooseFile')}
          onFile={(f, input) => void upload(f, input)}
        />
        {restore.kind === 'checking' && <p role="status">{t('admin:backup.checking')}</p>}
        {restore.kind === 'staged' && (
          <p class="notice notice--ok" role="status">
            {t('admin:backup.staged', { files: restore.files })}
          </p>
        )}
        {restore.kind === 'refused' && (
          <div class="notice notice--bad" role="alert">
            <p>{restore.message}</p>
            <ul class="problems">
              {restore.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
