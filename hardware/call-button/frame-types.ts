/**
 * The motcua line protocol as types: what a call button sends (`K`, `H`) and what the
 * server sends back (`A`, `D`). Protocol: docs/call-buttons.md.
 */

/** The keys a call button may send, in the order the protocol document lists them. */
export const BUTTON_KEYS = ['NEXT', 'RECALL', 'NOSHOW', 'FINISH', 'TRANSFER', 'PAUSE', 'RESUME'] as const;
export type ButtonKey = (typeof BUTTON_KEYS)[number];

/**
 * Where a TRANSFER sends the current ticket. A purely numeric argument is a counter number,
 * anything else a service code: the protocol allows both in one field, and counters are the
 * only thing the buttons themselves know by number.
 */
export type TransferTarget = { kind: 'counter'; counter: number } | { kind: 'service'; code: string };

/** What the clerk asked for; only TRANSFER carries an argument. */
export type KeyAction = { key: Exclude<ButtonKey, 'TRANSFER'> } | { key: 'TRANSFER'; target: TransferTarget };

/** `$K,<counter>,<seq>,<key>[,<arg>]`: a key press. */
export interface KeyPressFrame {
  type: 'K';
  /** 1–99. */
  counter: number;
  /** 0–99, rolling per device; a repeat within the repeat window is the same press. */
  seq: number;
  action: KeyAction;
}

/** `$H,<counter>,<seq>`: the device is alive (sent every 10 s). */
export interface HeartbeatFrame {
  type: 'H';
  counter: number;
  seq: number;
}

/** A frame a device sends to the server. */
export type DeviceFrame = KeyPressFrame | HeartbeatFrame;

export const ANSWER_STATUSES = ['OK', 'EMPTY', 'ERR'] as const;
/** `OK` done, `EMPTY` nothing to call, `ERR` refused or failed. */
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** `$A,<counter>,<seq>,<status>[,<text>]`: the answer to one key press. */
export interface AnswerFrame {
  type: 'A';
  counter: number;
  seq: number;
  status: AnswerStatus;
  /** At most {@link MAX_DISPLAY_TEXT} characters for the button's display; absent when none. */
  text?: string;
}

/** `$D,<counter>,<text>`: an unsolicited display update, e.g. the waiting count. */
export interface DisplayFrame {
  type: 'D';
  counter: number;
  text: string;
}

/** A frame the server sends to a device. */
export type ServerFrame = AnswerFrame | DisplayFrame;

/** Longest line the protocol allows, without the CR LF. */
export const MAX_LINE_LENGTH = 64;
/** Longest text a button display shows. */
export const MAX_DISPLAY_TEXT = 8;

/** Why a line is not a frame at all. Such a line is dropped and counted, never answered. */
export type MalformedReason = 'overlong' | 'not-a-frame' | 'bad-checksum' | 'unknown-type' | 'bad-field';

/**
 * Why a well-formed `K` frame (valid checksum, counter and seq) cannot be acted on.
 * The device gets an `ERR` answer so it stops resending.
 */
export type RefusalReason = 'unknown-key' | 'bad-argument';

/** A line that is not a frame: drop it and count it. */
export interface MalformedLine {
  kind: 'malformed';
  reason: MalformedReason;
  /** For the log: what exactly was wrong. */
  detail: string;
}

/** A well-formed key press that must be answered `ERR`. */
export interface RefusedPress {
  kind: 'refused';
  counter: number;
  seq: number;
  reason: RefusalReason;
  detail: string;
}

/** The outcome of parsing one line received from a device. */
export type DeviceLineOutcome = { kind: 'frame'; frame: DeviceFrame } | RefusedPress | MalformedLine;

/** The outcome of parsing one line received from the server (the device side of the protocol). */
export type ServerLineOutcome = { kind: 'frame'; frame: ServerFrame } | MalformedLine;
