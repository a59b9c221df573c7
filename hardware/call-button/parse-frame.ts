import { frameChecksum } from './checksum.ts';
import {
  ANSWER_STATUSES,
  BUTTON_KEYS,
  MAX_DISPLAY_TEXT,
  MAX_LINE_LENGTH,
  type AnswerStatus,
  type ButtonKey,
  type DeviceLineOutcome,
  type KeyAction,
  type MalformedLine,
  type MalformedReason,
  type RefusalReason,
  type ServerLineOutcome,
} from './frame-types.ts';

/** `$` body `*` two hex digits; the body may not contain the delimiters themselves. */
const FRAME_SHAPE = /^\$([^$*]*)\*([0-9A-Fa-f]{2})$/;
const DIGITS = /^[0-9]+$/;
/** Printable ASCII: what a segment display can show and a terminal can type. */
const DISPLAY_TEXT = /^[\x20-\x7e]*$/;
const SERVICE_CODE = /^[A-Za-z0-9._-]{1,16}$/;

/**
 * Parses one line (without its CR LF) received from a call button.
 * A `K` frame whose checksum, counter and seq are valid but whose key or argument is not
 * is `refused` rather than `malformed`: the device can be told `ERR`, so it stops resending.
 */
export function parseDeviceLine(line: string): DeviceLineOutcome {
  const envelope = openEnvelope(line);
  if (!Array.isArray(envelope)) return envelope;
  const [type, counterField, seqField, keyField, argField, ...extra] = envelope;
  if (type !== 'K' && type !== 'H') return malformed('unknown-type', `type ${JSON.stringify(type)}`);

  const counter = parseCounter(counterField);
  if (counter === undefined) return malformed('bad-field', `counter ${JSON.stringify(counterField)}`);
  const seq = parseBounded(seqField, 0, 99);
  if (seq === undefined) return malformed('bad-field', `seq ${JSON.stringify(seqField)}`);

  if (type === 'H') {
    if (keyField !== undefined) return malformed('bad-field', 'heartbeat has extra fields');
    return { kind: 'frame', frame: { type: 'H', counter, seq } };
  }
  if (keyField === undefined || keyField === '') return malformed('bad-field', 'key press without a key');

  const refuse = (reason: RefusalReason, detail: string): DeviceLineOutcome => ({ kind: 'refused', counter, seq, reason, detail });
  if (extra.length > 0) return refuse('bad-argument', 'more than one argument');
  if (!isButtonKey(keyField)) return refuse('unknown-key', `key ${JSON.stringify(keyField)}`);
  const action = keyAction(keyField, argField);
  if (action === undefined) return refuse('bad-argument', `${keyField} with argument ${JSON.stringify(argField)}`);
  return { kind: 'frame', frame: { type: 'K', counter, seq, action } };
}

/** Parses one line received from the server; the device side (virtual button box) uses it. */
export function parseServerLine(line: string): ServerLineOutcome {
  const envelope = openEnvelope(line);
  if (!Array.isArray(envelope)) return envelope;
  const [type, counterField, ...rest] = envelope;
  if (type !== 'A' && type !== 'D') return malformed('unknown-type', `type ${JSON.stringify(type)}`);
  const counter = parseCounter(counterField);
  if (counter === undefined) return malformed('bad-field', `counter ${JSON.stringify(counterField)}`);

  if (type === 'D') {
    const [text, ...extra] = rest;
    if (text === undefined || extra.length > 0 || !isDisplayText(text)) return malformed('bad-field', 'display text');
    return { kind: 'frame', frame: { type: 'D', counter, text } };
  }
  const [seqField, statusField, text, ...extra] = rest;
  const seq = parseBounded(seqField, 0, 99);
  if (seq === undefined) return malformed('bad-field', `seq ${JSON.stringify(seqField)}`);
  if (!isAnswerStatus(statusField)) return malformed('bad-field', `status ${JSON.stringify(statusField)}`);
  if (extra.length > 0 || (text !== undefined && !isDisplayText(text))) return malformed('bad-field', 'answer text');
  return { kind: 'frame', frame: { type: 'A', counter, seq, status: statusField, ...(text === undefined ? {} : { text }) } };
}

/** True when `text` fits a button display: at most 8 printable ASCII characters, none of `$ , *`. */
export function isDisplayText(text: string): boolean {
  return text.length <= MAX_DISPLAY_TEXT && DISPLAY_TEXT.test(text) && !/[$,*]/.test(text);
}

/** Checks length, shape and checksum; returns the comma-separated fields of the body. */
function openEnvelope(line: string): string[] | MalformedLine {
  if (line.length > MAX_LINE_LENGTH) return malformed('overlong', `${line.length} characters`);
  const match = FRAME_SHAPE.exec(line);
  if (!match) return malformed('not-a-frame', 'expected $<fields>*<checksum>');
  const body = match[1] ?? '';
  const expected = frameChecksum(body);
  // Lowercase hex is accepted: the value is still verified, and hand-typed frames use it.
  const received = (match[2] ?? '').toUpperCase();
  if (received !== expected) return malformed('bad-checksum', `got ${received}, computed ${expected}`);
  return body.split(',');
}

function keyAction(key: ButtonKey, arg: string | undefined): KeyAction | undefined {
  if (key !== 'TRANSFER') return arg === undefined ? { key } : undefined;
  if (arg === undefined) return undefined;
  if (DIGITS.test(arg)) {
    const counter = parseCounter(arg);
    return counter === undefined ? undefined : { key, target: { kind: 'counter', counter } };
  }
  return isServiceCode(arg) ? { key, target: { kind: 'service', code: arg } } : undefined;
}

/** True for a TRANSFER target service code: 1–16 letters, digits, `.`, `_` or `-`. */
export function isServiceCode(text: string): boolean {
  return SERVICE_CODE.test(text);
}

function parseCounter(field: string | undefined): number | undefined {
  return parseBounded(field, 1, 99);
}

/** Decimal digits only (leading zeros allowed), within [min, max]. */
function parseBounded(field: string | undefined, min: number, max: number): number | undefined {
  if (field === undefined || !DIGITS.test(field)) return undefined;
  const value = Number(field);
  return value >= min && value <= max ? value : undefined;
}

function isButtonKey(text: string): text is ButtonKey {
  return (BUTTON_KEYS as readonly string[]).includes(text);
}

function isAnswerStatus(text: string | undefined): text is AnswerStatus {
  return text !== undefined && (ANSWER_STATUSES as readonly string[]).includes(text);
}

function malformed(reason: MalformedReason, detail: string): MalformedLine {
  return { kind: 'malformed', reason, detail };
}
