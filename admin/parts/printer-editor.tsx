import { useState } from 'preact/hooks';
import { VIETNAMESE_MODES, type PrinterModelView, type PrinterProfile } from '../../protocol/printers.ts';
import { useAdmin } from '../admin-context.ts';
import { printerBody, type PrinterDraft } from './printer-draft.ts';
import { EditorActions, type SaveState } from './save-status.tsx';

const TRANSPORTS = ['serial', 'usb', 'network', 'virtual'] as const;
const BAUD_RATES = [9600, 19200, 38400, 57600, 115200];

/** Set up one printer: name, model preset, how it is connected, and how it prints Vietnamese. */
export function PrinterEditor(props: { draft: PrinterDraft; models: readonly PrinterModelView[]; onDone(saved: boolean): void }) {
  const { t, api } = useAdmin();
  const [d, setD] = useState(props.draft);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const set = (patch: Partial<PrinterDraft>) => setD({ ...d, ...patch });
  const setProfile = (patch: Partial<PrinterProfile>) => set({ profile: { ...d.profile, ...patch } });
  const model = props.models.find((m) => m.id === d.profile.model);
  const submit = async (e: Event) => {
    e.preventDefault();
    setSave({ kind: 'saving' });
    const r = await api.call('savePrinter', { params: { id: d.id }, body: printerBody(d) });
    if (r.ok) props.onDone(true);
    else setSave({ kind: 'failed', error: r.error });
  };
  return (
    <form class="config-form editor printer-editor" onSubmit={submit}>
      <h2>{d.isNew ? t('admin:printer.newTitle') : t('admin:printer.editTitle', { name: d.name })}</h2>
      <div class="grid">
        <label>
          {t('admin:printer.name')}
          <input
            name="printer-name"
            required
            value={d.name}
            placeholder={t('admin:printer.namePlaceholder')}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        </label>
        {d.isNew && (
          <label>
            {t('admin:printer.id')}
            <input
              name="printer-id"
              required
              pattern="[a-z0-9][a-z0-9-]{0,31}"
              value={d.id}
              onInput={(e) => set({ id: e.currentTarget.value })}
            />
          </label>
        )}
        <label>
          {t('admin:printer.model')}
          <select
            name="printer-model"
            value={d.profile.model}
            onChange={(e) => {
              const chosen = props.models.find((m) => m.id === e.currentTarget.value);
              if (chosen) setProfile({ ...chosen.profile, vietnameseMode: chosen.codePagesKnown ? d.profile.vietnameseMode : 'raster' });
            }}
          >
            {props.models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin:printer.transport')}
          <select
            name="printer-transport"
            value={d.transportKind}
            onChange={(e) => set({ transportKind: e.currentTarget.value as PrinterDraft['transportKind'] })}
          >
            {TRANSPORTS.map((k) => (
              <option key={k} value={k}>
                {t(`admin:printer.transports.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {(d.transportKind === 'serial' || d.transportKind === 'usb') && (
          <label>
            {t('admin:printer.path')}
            <input name="printer-path" required value={d.path} onInput={(e) => set({ path: e.currentTarget.value })} />
          </label>
        )}
        {d.transportKind === 'serial' && (
          <>
            <label>
              {t('admin:printer.baudRate')}
              <select name="printer-baud" value={d.baudRate} onChange={(e) => set({ baudRate: e.currentTarget.value })}>
                {BAUD_RATES.map((b) => (
                  <option key={b} value={String(b)}>
                    {b}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('admin:printer.flowControl')}
              <select
                name="printer-flow"
                value={d.flowControl}
                onChange={(e) => set({ flowControl: e.currentTarget.value as PrinterDraft['flowControl'] })}
              >
                {(['none', 'rtscts', 'xonxoff'] as const).map((f) => (
                  <option key={f} value={f}>
                    {t(`admin:printer.flowControls.${f}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {d.transportKind === 'network' && (
          <>
            <label>
              {t('admin:printer.host')}
              <input
                name="printer-host"
                required
                value={d.host}
                placeholder="192.168.1.50"
                onInput={(e) => set({ host: e.currentTarget.value })}
              />
            </label>
            <label>
              {t('admin:printer.port')}
              <input
                name="printer-port"
                type="number"
                min={1}
                max={65535}
                value={d.port}
                onInput={(e) => set({ port: e.currentTarget.value })}
              />
            </label>
          </>
        )}
        <label>
          {t('admin:printer.mode')}
          <select
            name="printer-mode"
            value={d.profile.vietnameseMode}
            onChange={(e) => setProfile({ vietnameseMode: e.currentTarget.value as PrinterProfile['vietnameseMode'] })}
          >
            {VIETNAMESE_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`admin:printer.modes.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin:printer.paper')}
          <select
            name="printer-paper"
            value={`${d.profile.paperWidthMm}/${d.profile.dotsPerLine}`}
            onChange={(e) => {
              const [mm, dots] = e.currentTarget.value.split('/').map(Number);
              setProfile({ paperWidthMm: mm as 58 | 80, dotsPerLine: dots as 384 | 512 | 576 });
            }}
          >
            <option value="80/576">80 mm · 576</option>
            <option value="80/512">80 mm · 512</option>
            <option value="58/384">58 mm · 384</option>
          </select>
        </label>
      </div>
      {d.profile.vietnameseMode.startsWith('codepage') && (
        <fieldset>
          <legend>{t('admin:printer.codePages')}</legend>
          {model && !model.codePagesKnown && <p class="hint">{t('admin:printer.modeUnknown')}</p>}
          {(['cp1258', 'tcvn3', 'tcvn3Capitals'] as const).map((page) => (
            <label key={page}>
              {t(`admin:printer.${page}`)}
              <input
                name={`printer-page-${page}`}
                type="number"
                min={0}
                max={255}
                value={d.profile.codePages[page]}
                onInput={(e) => setProfile({ codePages: { ...d.profile.codePages, [page]: Number(e.currentTarget.value) } })}
              />
            </label>
          ))}
        </fieldset>
      )}
      <div class="check-grid">
        <label class="check">
          <input
            type="checkbox"
            name="printer-qr"
            checked={d.profile.nativeQr}
            onChange={(e) => setProfile({ nativeQr: e.currentTarget.checked })}
          />
          {t('admin:printer.nativeQr')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="printer-cutter"
            checked={d.profile.cutter}
            onChange={(e) => setProfile({ cutter: e.currentTarget.checked })}
          />
          {t('admin:printer.cutter')}
        </label>
      </div>
      <EditorActions onCancel={() => props.onDone(false)} state={save} />
    </form>
  );
}
