/**
 * Counter call buttons: the motcua line protocol (pure codec) and the serial driver.
 * The server builds one {@link CallButtonDriver} per serial line and wires `onPress` to the queue.
 */
export { CallButtonDriver, DRIVER_ERROR_TEXT } from './call-button-driver.ts';
export type { ButtonAnswer, ButtonPress, CallButtonDriverOptions, CallButtonHealth, PressHandler } from './call-button-driver.ts';
export type { CounterHealth } from './counter-presence.ts';
export { fitDisplayText, formatFrame, LINE_END } from './format-frame.ts';
export type * from './frame-types.ts';
export { BUTTON_KEYS, ANSWER_STATUSES, MAX_DISPLAY_TEXT, MAX_LINE_LENGTH } from './frame-types.ts';
export { parseDeviceLine, parseServerLine } from './parse-frame.ts';
export { openRealPort, type SerialPortLike, type PortFactory } from '../link/serial-link.ts';
export type { ReconnectDelays } from '../link/device-link.ts';
export { REPEAT_WINDOW_MS } from './repeat-guard.ts';
export { SEQ_REUSE_MARGIN_MS, VirtualButtonBox, type VirtualButtonBoxOptions } from './virtual-button-box.ts';
