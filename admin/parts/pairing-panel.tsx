import { useState } from 'preact/hooks';
import { useAdmin } from '../admin-context.ts';
import { useLoaded } from '../use-loaded.ts';
import { SaveStatus, type SaveState } from './save-status.tsx';

/** The devices that ask for a code: boards are public and need none, clerks sign in at their console. */
type Kind = 'kiosk' | 'rating';

/** Makes a one-time code a new kiosk or rating tablet enters to pair itself. */
export function PairingPanel() {
  const { t, api } = useAdmin();
  const [kind, setKind] = useState<Kind>('kiosk');
  const [name, setName] = useState('');
  const [counterId, setCounterId] = useState('');
  const [printerId, setPrinterId] = useState('');
  const { data: printers } = useLoaded('printers');
  const [code, setCode] = useState<{ code: string; expiresAt: number } | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const needsCounter = kind === 'rating';
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await api.call('createPairingCode', {
      body: {
        kind,
        name: name.trim(),
        ...(needsCounter && counterId && { counterId: Number(counterId) }),
        ...(kind === 'kiosk' && printerId && { printerId }),
      },
    });
    if (r.ok) {
      setCode(r.value);
      setSave({ kind: 'idle' });
    } else setSave({ kind: 'failed', error: r.error });
  };
  return (
    <form class="config-form editor" onSubmit={submit}>
      <h2>{t('admin:devices.pairTitle')}</h2>
      <p class="hint">{t('admin:pairingHint.whoPairs')}</p>
      <div class="grid">
        <label>
          {t('admin:devices.kind')}
          <select name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value === 'rating' ? 'rating' : 'kiosk')}>
            {(['kiosk', 'rating'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`admin:devices.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin:devices.name')}
          <input
            name="device-name"
            required
            value={name}
            placeholder={t('admin:devices.namePlaceholder')}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        {kind === 'kiosk' && printers && printers.printers.length > 1 && (
          <label>
            {t('admin:devices.pairPrinter')}
            <select name="device-printer" value={printerId} onChange={(e) => setPrinterId(e.currentTarget.value)}>
              <option value="">{t('admin:printer.firstPrinter', { name: printers.printers[0]?.config.name ?? '' })}</option>
              {printers.printers.map((p) => (
                <option key={p.config.id} value={p.config.id}>
                  {p.config.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {needsCounter && (
          <label>
            {t('admin:counters.number')}
            <input
              name="device-counter"
              type="number"
              min={1}
              max={99}
              value={counterId}
              onInput={(e) => setCounterId(e.currentTarget.value)}
            />
          </label>
        )}
      </div>
      <div class="form-actions">
        <button type="submit">{t('admin:devices.makeCode')}</button>
        <SaveStatus state={save} />
      </div>
      {code && (
        <p class="pairing-code" role="status">
          {t('admin:devices.codeIs')} <strong data-testid="pairing-code">{code.code}</strong>
        </p>
      )}
    </form>
  );
}
