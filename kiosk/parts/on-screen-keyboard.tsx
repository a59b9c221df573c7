import { Icon } from '../../client/icons.tsx';
import { useKiosk } from '../kiosk-context.ts';

// Search ignores tone marks and đ/d, so plain letters are all a Vietnamese citizen needs to type.
const rows = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** A touchscreen kiosk has no keyboard of its own: letters, digits, space, delete and clear. */
export function OnScreenKeyboard(props: { value: string; onChange(value: string): void }) {
  const { t } = useKiosk();
  const press = (key: string) => props.onChange(props.value + key);
  return (
    <div class="keyboard" role="group" aria-label={t('kiosk:keyboard.label')}>
      {rows.map((row) => (
        <div class="key-row" key={row}>
          {[...row].map((key) => (
            <button type="button" key={key} class="key" data-key={key} onClick={() => press(key)}>
              {key.toUpperCase()}
            </button>
          ))}
        </div>
      ))}
      <div class="key-row">
        <button type="button" class="key wide" data-key="clear" disabled={props.value === ''} onClick={() => props.onChange('')}>
          {t('kiosk:keyboard.clear')}
        </button>
        <button type="button" class="key space" data-key="space" onClick={() => press(' ')}>
          {t('kiosk:keyboard.space')}
        </button>
        <button
          type="button"
          class="key wide"
          data-key="backspace"
          disabled={props.value === ''}
          onClick={() => props.onChange(props.value.slice(0, -1))}
        >
          <Icon name="backspace" /> {t('kiosk:keyboard.backspace')}
        </button>
      </div>
    </div>
  );
}
