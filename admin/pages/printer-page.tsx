import { useState } from 'preact/hooks';
import { useAdmin } from '../admin-context.ts';
import { SaveStatus, type SaveState } from '../parts/save-status.tsx';
import { TicketPreview } from '../parts/ticket-preview.tsx';
import { useLoaded } from '../use-loaded.ts';
import { useCentreTime } from '../use-centre-time.ts';

const shown = 12;

/** The ticket printer: its state, the last tickets (with pictures from the virtual printer), reprint. */
export function PrinterPage() {
  const { t, api } = useAdmin();
  const { data, reload } = useLoaded('printerRecent', 5000);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const timeText = useCentreTime();
  if (!data) return <p>{t('common:connecting')}</p>;
  const reprint = async (jobId: string) => {
    setSave({ kind: 'saving' });
    const r = await api.call('reprint', { params: { jobId } });
    setSave(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
    await reload();
  };
  return (
    <section>
      <h1>{t('admin:printer.title')}</h1>
      <p>
        {t('admin:printer.state')}: <span class="pill">{t(`admin:printerState.${data.state}`)}</span>
      </p>
      {data.state === 'virtual' && <p class="hint">{t('admin:printer.virtualHint')}</p>}
      <SaveStatus state={save} />
      {data.jobs.length === 0 && <p>{t('admin:printer.none')}</p>}
      <ul class="ticket-grid">
        {data.jobs.slice(0, shown).map((j) => (
          <li key={`${j.jobId}-${j.printedAt}`} class="ticket-card" data-job={j.jobId}>
            {j.hasPreview && <TicketPreview jobId={j.jobId} alt={t('admin:printer.previewOf', { id: j.jobId })} />}
            <p>
              {j.printedAt !== null && timeText(j.printedAt)} · {t(`admin:printer.jobState.${j.state}`)}
              {j.bytes !== null && ` · ${(j.bytes / 1024).toFixed(1)} KB`}
            </p>
            <button type="button" class="small" onClick={() => void reprint(j.jobId)}>
              {t('admin:printer.reprint')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
