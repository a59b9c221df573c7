import { useState } from 'preact/hooks';
import type { PrintersView } from '../../protocol/printers.ts';
import { useAdmin } from '../admin-context.ts';
import { SaveStatus, type SaveState } from './save-status.tsx';

/** Which printer each paired kiosk prints on; a kiosk left on "first printer" follows the list's first. */
export function KioskPrinters(props: { view: PrintersView; onChanged(): void }) {
  const { t, api } = useAdmin();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const first = props.view.printers[0]?.config.name ?? '—';
  const choose = async (kioskId: string, printerId: string) => {
    setSave({ kind: 'saving' });
    const r = await api.call('kioskPrinter', { params: { id: kioskId }, body: { printerId: printerId || null } });
    setSave(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
    props.onChanged();
  };
  return (
    <section class="editor kiosk-printers">
      <h2>{t('admin:printer.kioskTitle')}</h2>
      {props.view.kiosks.length === 0 && <p class="hint">{t('admin:printer.noKiosks')}</p>}
      <table>
        <tbody>
          {props.view.kiosks.map((k) => (
            <tr key={k.id} data-kiosk={k.id}>
              <td>{k.name}</td>
              <td>
                <select
                  name={`kiosk-printer-${k.id}`}
                  aria-label={t('admin:printer.kioskPrinterOf', { name: k.name })}
                  value={k.printerId ?? ''}
                  onChange={(e) => void choose(k.id, e.currentTarget.value)}
                >
                  <option value="">{t('admin:printer.firstPrinter', { name: first })}</option>
                  {props.view.printers.map((p) => (
                    <option key={p.config.id} value={p.config.id}>
                      {p.config.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SaveStatus state={save} />
    </section>
  );
}
