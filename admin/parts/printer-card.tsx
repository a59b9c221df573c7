import { useState } from 'preact/hooks';
import type { PrinterTransport, PrinterView } from '../../protocol/printers.ts';
import { useAdmin } from '../admin-context.ts';
import { useCentreTime } from '../use-centre-time.ts';
import { printOutcomeText } from './print-outcome-text.ts';
import { SaveStatus, type SaveState } from './save-status.tsx';
import { TicketPreview } from './ticket-preview.tsx';

const SHOWN_JOBS = 8;
const healthy = new Set(['ready', 'virtual', 'paper_near_end']);

/** Where a printer is, in one line: `/dev/usb/lp0`, `192.168.1.50:9100`, `/dev/ttyUSB0 · 9600`. */
function transportText(t: Exclude<PrinterTransport, { kind: 'virtual' }>): string {
  switch (t.kind) {
    case 'serial':
      return `${t.path} · ${t.baudRate}${t.flowControl === 'none' ? '' : ` · ${t.flowControl}`}`;
    case 'usb':
      return t.path;
    case 'network':
      return `${t.host}:${t.port}`;
  }
}

/** One printer: its state and link, the kiosks on it, a test print, and its last prints. */
export function PrinterCard(props: { printer: PrinterView; kioskNames: Map<string, string>; onEdit(): void; onChanged(): void }) {
  const { t, api } = useAdmin();
  const timeText = useCentreTime();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const { config, state, jobs, kiosks } = props.printer;
  const test = async () => {
    setSave({ kind: 'saving' });
    const r = await api.call('testPrint', { params: { id: config.id } });
    if (!r.ok) setSave({ kind: 'failed', error: r.error });
    else if (r.value.kind === 'printed') setSave({ kind: 'saved' });
    else setSave({ kind: 'failed', error: { code: 'not_printed', message: printOutcomeText(t, r.value) } });
    props.onChanged();
  };
  const remove = async () => {
    if (!confirm(t('admin:printer.confirmRemove', { name: config.name }))) return;
    const r = await api.call('removePrinter', { params: { id: config.id } });
    if (!r.ok) setSave({ kind: 'failed', error: r.error });
    props.onChanged();
  };
  return (
    <article class="printer-card" data-printer={config.id}>
      <header>
        <h2>{config.name}</h2>
        <span class={`pill ${healthy.has(state) ? 'pill--open' : 'pill--bad'}`} data-testid="printer-state">
          {t(`admin:printerState.${state}`)}
        </span>
      </header>
      {config.transport.kind !== 'virtual' && <p class="code">{transportText(config.transport)}</p>}
      <p>
        {t(`admin:printer.modes.${config.profile.vietnameseMode}`)} · {config.profile.paperWidthMm} mm
      </p>
      <p class="hint">
        {kiosks.length > 0
          ? t('admin:printer.kiosks', { names: kiosks.map((id) => props.kioskNames.get(id) ?? id).join(', ') })
          : t('admin:printer.kiosksNone')}
      </p>
      {config.transport.kind === 'virtual' && <p class="hint">{t('admin:printer.virtualHint')}</p>}
      <div class="form-actions">
        <button type="button" onClick={() => void test()}>
          {t('admin:printer.test')}
        </button>
        <button type="button" class="secondary" onClick={props.onEdit}>
          {t('admin:printer.edit')}
        </button>
        <button type="button" class="secondary" onClick={() => void remove()}>
          {t('admin:printer.remove')}
        </button>
      </div>
      {save.kind === 'saved' ? <p class="notice notice--ok">{t('admin:printer.testPrinted')}</p> : <SaveStatus state={save} />}
      <h3>{t('admin:printer.recent')}</h3>
      {jobs.length === 0 && <p class="hint">{t('admin:printer.none')}</p>}
      <ul class="ticket-grid">
        {jobs.slice(0, SHOWN_JOBS).map((j) => (
          <li key={`${j.ticketId}-${j.at}`} class="ticket-card" data-job={j.ticketId}>
            {j.hasPreview && (
              <TicketPreview printerId={config.id} ticketId={j.ticketId} alt={t('admin:printer.previewOf', { id: j.label })} />
            )}
            <p>
              <strong>{j.label}</strong> · {timeText(j.at)}
              {j.reprint && ` · ${t('admin:printer.reprintMark')}`}
            </p>
            <p class={j.outcome.kind === 'not_printed' ? 'outcome-bad' : 'hint'}>
              {printOutcomeText(t, j.outcome)}
              {j.bytes !== null && ` · ${(j.bytes / 1024).toFixed(1)} KB`}
            </p>
          </li>
        ))}
      </ul>
    </article>
  );
}
