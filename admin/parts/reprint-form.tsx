import { useState } from 'preact/hooks';
import type { PrinterView } from '../../protocol/printers.ts';
import { useAdmin } from '../admin-context.ts';
import { SaveStatus, type SaveState } from './save-status.tsx';

/** Reprint any ticket of the day by its number, on the printer that printed it or another one. */
export function ReprintForm(props: { printers: readonly PrinterView[]; onDone(): void }) {
  const { t, api } = useAdmin();
  const [label, setLabel] = useState('');
  const [printerId, setPrinterId] = useState('');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const submit = async (e: Event) => {
    e.preventDefault();
    setSave({ kind: 'saving' });
    const r = await api.call('reprint', { body: { label: label.trim(), ...(printerId && { printerId }) } });
    setSave(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
    props.onDone();
  };
  return (
    <form class="config-form editor reprint-form" onSubmit={submit}>
      <h2>{t('admin:printer.reprintTitle')}</h2>
      <p class="hint">{t('admin:printer.reprintHint')}</p>
      <div class="grid">
        <label>
          {t('admin:printer.number')}
          <input name="reprint-number" required pattern="[A-Za-z0-9]{1,8}" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        </label>
        <label>
          {t('admin:printer.printOn')}
          <select name="reprint-printer" value={printerId} onChange={(e) => setPrinterId(e.currentTarget.value)}>
            <option value="">{t('admin:printer.lastPrinter')}</option>
            {props.printers.map((p) => (
              <option key={p.config.id} value={p.config.id}>
                {p.config.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="form-actions">
        <button type="submit">{t('admin:printer.reprint')}</button>
        {save.kind === 'saved' ? (
          <p class="notice notice--ok" role="status">
            {t('admin:printer.reprinted')}
          </p>
        ) : (
          <SaveStatus state={save} />
        )}
      </div>
    </form>
  );
}
