import { isDossierCode } from '../../protocol/dossier.ts';
import { useText } from '../text-context.ts';

/** The typed or scanned code as it will be sent: trimmed, and only when it is a dossier code. */
export function dossierToSend(value: string): { dossierCode?: string } | 'invalid' {
  const code = value.trim();
  if (code === '') return {};
  return isDossierCode(code) ? { dossierCode: code } : 'invalid';
}

/**
 * The dossier code (mã hồ sơ) of the citizen at the counter, optional: typed, or scanned from the
 * receipt's barcode or QR code, into this field or anywhere on the console. It is recorded with
 * Finish or Next. Enter in the field only leaves it (a scanner ends each code with Enter), so
 * the console's keys work again and nothing is finished by the scan itself.
 */
export function DossierField(props: { value: string; onChange: (value: string) => void }) {
  const { t } = useText();
  const invalid = dossierToSend(props.value) === 'invalid';
  return (
    <div class="dossier">
      <label>
        <span>{t('counter:dossier.label')}</span>
        <input
          name="dossier"
          value={props.value}
          autoComplete="off"
          spellcheck={false}
          maxLength={80}
          aria-invalid={invalid}
          onInput={(e) => props.onChange(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== 'Escape') return;
            e.preventDefault();
            e.currentTarget.blur();
          }}
        />
      </label>
      <p class={invalid ? 'dossier-note dossier-note--invalid' : 'dossier-note'} role={invalid ? 'alert' : undefined}>
        {t(invalid ? 'counter:dossier.invalid' : 'counter:dossier.help')}
      </p>
    </div>
  );
}
