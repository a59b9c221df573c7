import './number-pad.css';

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * Digits on the screen, for a touch device that has no keyboard of its own (a kiosk, a rating
 * tablet) to enter a number such as its pairing code. Keys are as large as the kiosk's.
 */
export function NumberPad(props: {
  value: string;
  maxLength: number;
  labels: { pad: string; clear: string; delete: string };
  onChange(value: string): void;
}) {
  const press = (digit: string) => {
    if (props.value.length < props.maxLength) props.onChange(props.value + digit);
  };
  return (
    <div class="number-pad" role="group" aria-label={props.labels.pad}>
      {digits.map((d) => (
        <button type="button" key={d} class="number-pad__key" data-key={d} onClick={() => press(d)}>
          {d}
        </button>
      ))}
      <button
        type="button"
        class="number-pad__key number-pad__key--word"
        data-key="clear"
        disabled={props.value === ''}
        onClick={() => props.onChange('')}
      >
        {props.labels.clear}
      </button>
      <button type="button" class="number-pad__key" data-key="0" onClick={() => press('0')}>
        0
      </button>
      <button
        type="button"
        class="number-pad__key number-pad__key--word"
        data-key="backspace"
        disabled={props.value === ''}
        aria-label={props.labels.delete}
        onClick={() => props.onChange(props.value.slice(0, -1))}
      >
        ⌫
      </button>
    </div>
  );
}
