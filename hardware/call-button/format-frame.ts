import { sealFrame } from './checksum.ts';
import { MAX_DISPLAY_TEXT, type DeviceFrame, type ServerFrame } from './frame-types.ts';
import { isDisplayText, isServiceCode } from './parse-frame.ts';

/** Every frame goes out with CR LF; devices must also accept it (they may send bare LF). */
export const LINE_END = '\r\n';

/**
 * Formats a frame as a line without its line ending, e.g. `$A,03,17,OK,1023*40`.
 * Counters and seqs are written with two digits, as in the protocol's vectors.
 * @throws RangeError when a number is out of range or a text cannot be shown on a button:
 *   that is a bug in the caller, and sending it would make the device drop the frame.
 */
export function formatFrame(frame: DeviceFrame | ServerFrame): string {
  switch (frame.type) {
    case 'K': {
      const fields = ['K', twoDigits(frame.counter, 1), twoDigits(frame.seq, 0), frame.action.key];
      if (frame.action.key === 'TRANSFER') {
        const { target } = frame.action;
        // The protocol's vector writes a target counter unpadded (`TRANSFER,2`).
        fields.push(target.kind === 'counter' ? String(Number(twoDigits(target.counter, 1))) : serviceCode(target.code));
      }
      return sealFrame(fields.join(','));
    }
    case 'H':
      return sealFrame(['H', twoDigits(frame.counter, 1), twoDigits(frame.seq, 0)].join(','));
    case 'A': {
      const fields = ['A', twoDigits(frame.counter, 1), twoDigits(frame.seq, 0), frame.status];
      if (frame.text !== undefined && frame.text !== '') fields.push(displayText(frame.text));
      return sealFrame(fields.join(','));
    }
    case 'D':
      return sealFrame(['D', twoDigits(frame.counter, 1), displayText(frame.text)].join(','));
  }
}

/**
 * Makes any text showable on a button display: Vietnamese letters lose their marks
 * ("Quầy" → "Quay"), other characters the display cannot show are dropped, and the result is
 * cut to 8 characters. The queue speaks Vietnamese; the buttons' segment displays do not.
 */
export function fitDisplayText(text: string): string {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|[$,*]/g, '');
  return folded.slice(0, MAX_DISPLAY_TEXT);
}

/**
 * A counter or seq field: two digits, as in the protocol's vectors.
 * @throws RangeError outside `min`–99.
 */
export function twoDigits(value: number, min = 0): string {
  if (!Number.isInteger(value) || value < min || value > 99) throw new RangeError(`${value} is not in ${min}–99`);
  return String(value).padStart(2, '0');
}

function serviceCode(code: string): string {
  if (!isServiceCode(code)) throw new RangeError(`${JSON.stringify(code)} is not a service code`);
  return code;
}

function displayText(text: string): string {
  if (!isDisplayText(text)) throw new RangeError(`${JSON.stringify(text)} cannot be shown on a button display`);
  return text;
}
