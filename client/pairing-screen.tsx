import type { i18n } from 'i18next';
import { useState } from 'preact/hooks';
import { request } from './http-api.ts';
import { NumberPad } from './number-pad.tsx';
import type { BrowserApp } from '../protocol/browser-apps.ts';
import type { DeviceView } from '../protocol/http-views.ts';

/**
 * Shown by a device app (kiosk, rating tablet) until an admin's pairing code is entered; the
 * server then sets the app's cookie with the device's long-lived token. Touch screens have no
 * keyboard: the code is typed on the number pad below the field (a keyboard works too).
 */
export function PairingScreen(props: { i18n: i18n; app: BrowserApp; onPaired: (device: DeviceView) => void }) {
  const t = props.i18n.t.bind(props.i18n);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await request({ app: props.app, lang: props.i18n.language }, 'pair', { body: { code: code.trim() } });
    if (r.ok) props.onPaired(r.value.device);
    else setError(r.error.code === 'offline' ? t('common:offline') : r.error.message);
  };
  return (
    <form class="pairing" onSubmit={submit}>
      <h1>{t('common:pairing.title')}</h1>
      <p>{t('common:pairing.help')}</p>
      <label>
        {t('common:pairing.code')}
        <input
          name="code"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
        />
      </label>
      <NumberPad
        value={code}
        maxLength={8}
        labels={{ pad: t('common:numberPad.label'), clear: t('common:numberPad.clear'), delete: t('common:numberPad.delete') }}
        onChange={setCode}
      />
      {error && <p role="alert">{error}</p>}
      <button type="submit">{t('common:pairing.submit')}</button>
    </form>
  );
}
