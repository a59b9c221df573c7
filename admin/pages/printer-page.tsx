import { useState } from 'preact/hooks';
import { useAdmin } from '../admin-context.ts';
import { KioskPrinters } from '../parts/kiosk-printers.tsx';
import { PrinterCard } from '../parts/printer-card.tsx';
import { blankPrinterDraft, printerDraftOf, type PrinterDraft } from '../parts/printer-draft.ts';
import { PrinterEditor } from '../parts/printer-editor.tsx';
import { ReprintForm } from '../parts/reprint-form.tsx';
import { useLoaded } from '../use-loaded.ts';

/**
 * The centre's ticket printers: each one's state, link and last prints (with pictures from the
 * virtual printer), set-up with model presets, test tickets, which kiosk prints where, reprints.
 */
export function PrinterPage() {
  const { t } = useAdmin();
  const { data, reload } = useLoaded('printers', 5000);
  const [editing, setEditing] = useState<PrinterDraft | null>(null);
  if (!data) return <p>{t('common:connecting')}</p>;
  const kioskNames = new Map(data.kiosks.map((k) => [k.id, k.name]));
  const done = (saved: boolean) => {
    setEditing(null);
    if (saved) void reload();
  };
  return (
    <section class="printer-page">
      <h1>{t('admin:printer.title')}</h1>
      {editing ? (
        <PrinterEditor draft={editing} models={data.models} onDone={done} />
      ) : (
        <button
          type="button"
          onClick={() =>
            setEditing(
              blankPrinterDraft(
                data.models,
                data.printers.map((p) => p.config.id),
              ),
            )
          }
        >
          {t('admin:printer.add')}
        </button>
      )}
      <div class="printer-list">
        {data.printers.map((p) => (
          <PrinterCard
            key={p.config.id}
            printer={p}
            kioskNames={kioskNames}
            onEdit={() => setEditing(printerDraftOf(p.config))}
            onChanged={() => void reload()}
          />
        ))}
      </div>
      <ReprintForm printers={data.printers} onDone={() => void reload()} />
      <KioskPrinters view={data} onChanged={() => void reload()} />
    </section>
  );
}
