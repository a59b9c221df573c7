import { CounterPresence, OFFLINE_AFTER_MS } from './counter-presence.ts';
import { fitDisplayText, formatFrame, LINE_END } from './format-frame.ts';
import { ANSWER_STATUSES, type AnswerFrame, type AnswerStatus, type KeyAction } from './frame-types.ts';
import { LineSplitter } from './line-splitter.ts';
import { parseDeviceLine } from './parse-frame.ts';
import { RepeatGuard, REPEAT_WINDOW_MS } from './repeat-guard.ts';
import type { ButtonLineHealth } from '../../protocol/views.ts';
import type { DeviceLog } from '../device-log.ts';
import type { ReconnectDelays } from '../link/device-link.ts';
import { LinkKeeper } from '../link/link-keeper.ts';
import { serialLink, type PortFactory } from '../link/serial-link.ts';

/** One key press the queue should act on. */
export interface ButtonPress {
  counter: number;
  seq: number;
  action: KeyAction;
}

/** What the queue did, shown on the button. `text` is fitted to the display (8 ASCII characters). */
export interface ButtonAnswer {
  status: AnswerStatus;
  text?: string;
}

/** Acts on a press (the server wires this to the queue). It should answer fast: the device waits. */
export type PressHandler = (press: ButtonPress) => Promise<ButtonAnswer>;

/** Texts of the `ERR` answers the driver gives by itself, shown on the button's display. */
export const DRIVER_ERROR_TEXT = {
  unknownKey: 'E-KEY',
  badArgument: 'E-ARG',
  /** The counter is not one this port may drive. */
  foreignCounter: 'E-CTR',
  /** The handler threw or answered something invalid. */
  handlerFailed: 'E-SRV',
} as const;

/** The device health of one call-button line: the protocol's view, so the admin shows it as it is. */
export type CallButtonHealth = ButtonLineHealth;

export interface CallButtonDriverOptions {
  /** The serial device, e.g. `/dev/ttyUSB0`. */
  path: string;
  /** Defaults to 9600. */
  baudRate?: number;
  /** The counters whose buttons hang on this line and may be driven from it. */
  counters: readonly number[];
  /** Called once per press (repeats are answered without it); its answer goes back to the button. */
  onPress: PressHandler;
  /** Where the line's troubles are told (the server passes `logger('call-button')`). */
  log: DeviceLog;
  /**
   * Epoch ms for the times reported in health (`lastSeenAt`, `lastHeartbeatAt`). Defaults to
   * `Date.now`; the server passes the centre's clock. The protocol's timers do not run on it.
   */
  now?: () => number;
  /**
   * Monotonic ms of real time, which the protocol's timers run on: the repeat window and the
   * silence after which a counter is offline. Those are properties of the wire (a device resends
   * after 500 ms of real time whatever the centre's clock says, and that clock may be
   * accelerated by a simulation or a demo). Defaults to `performance.now`; tests may fake it.
   */
  monotonic?: () => number;
  /** Defaults to the real serialport bindings; tests may pass `SerialPortMock`. */
  openPort?: PortFactory;
  /** Defaults to 250 ms doubling up to 5 s. */
  reconnect?: ReconnectDelays;
  /** How often the open line's path is checked for an unplugged adapter. Defaults to 1 s. */
  pathCheckMs?: number;
  /** Silence after which a counter is shown offline. Defaults to 30 s. */
  offlineAfterMs?: number;
  /** How often silent counters are looked for. Defaults to 1 s. */
  presenceCheckMs?: number;
  /** How long a repeated (counter, seq) is the same press. Defaults to 10 s. */
  repeatWindowMs?: number;
}

/**
 * Owns one serial line with one or more counters' call buttons on it (a bus): answers every
 * key press, suppresses a device's resends, sends display updates, reconnects by itself and
 * reports health. Protocol: docs/call-buttons.md.
 */
export class CallButtonDriver {
  readonly #path: string;
  readonly #counters: ReadonlySet<number>;
  readonly #onPress: PressHandler;
  readonly #log: DeviceLog;
  readonly #line: LinkKeeper;
  #splitter = new LineSplitter();
  #wasOpen = false;
  readonly #presence: CounterPresence;
  readonly #repeats: RepeatGuard<ButtonAnswer>;
  readonly #presenceCheckMs: number;
  readonly #listeners = new Set<(health: CallButtonHealth) => void>();
  #sweepTimer: NodeJS.Timeout | undefined;
  #framesGood = 0;
  #framesBad = 0;
  #linesTooLong = 0;

  constructor(options: CallButtonDriverOptions) {
    const now = options.now ?? Date.now;
    const monotonic = options.monotonic ?? (() => performance.now());
    this.#path = options.path;
    this.#counters = new Set(options.counters);
    this.#onPress = options.onPress;
    this.#log = options.log;
    this.#presence = new CounterPresence(options.counters, { now, monotonic }, options.offlineAfterMs ?? OFFLINE_AFTER_MS);
    this.#repeats = new RepeatGuard(monotonic, options.repeatWindowMs ?? REPEAT_WINDOW_MS);
    this.#presenceCheckMs = options.presenceCheckMs ?? 1000;
    this.#line = new LinkKeeper({
      opener: serialLink({
        path: options.path,
        baudRate: options.baudRate ?? 9600,
        ...(options.openPort ? { openPort: options.openPort } : {}),
        ...(options.pathCheckMs === undefined ? {} : { pathCheckMs: options.pathCheckMs }),
      }),
      log: options.log,
      ...(options.reconnect ? { reconnect: options.reconnect } : {}),
      onData: (chunk) => this.#receive(chunk),
      onChange: () => this.#lineChanged(),
    });
  }

  /** Opens the line (retrying until it is there) and starts watching for silent counters. */
  start(): void {
    this.#line.start();
    this.#sweepTimer ??= setInterval(() => {
      if (this.#presence.sweep().length > 0) this.#changed();
    }, this.#presenceCheckMs);
    this.#sweepTimer.unref();
  }

  /** Closes the line and stops all timers. */
  async stop(): Promise<void> {
    clearInterval(this.#sweepTimer);
    this.#sweepTimer = undefined;
    await this.#line.stop();
  }

  /** True when `counter`'s button is on this line. */
  drives(counter: number): boolean {
    return this.#counters.has(counter);
  }

  /**
   * Sends a `$D` display update (the text is fitted to the display).
   * Returns false when the line is closed: display updates are not queued, the next one heals.
   * @throws RangeError for a counter not on this line.
   */
  showText(counter: number, text: string): boolean {
    if (!this.drives(counter)) throw new RangeError(`counter ${counter} is not on ${this.#path}`);
    return this.#send(formatFrame({ type: 'D', counter, text: fitDisplayText(text) }));
  }

  /** The current health of the line and its counters. */
  health(): CallButtonHealth {
    return {
      path: this.#path,
      line: this.#line.isOpen ? 'open' : 'closed',
      reconnectAttempts: this.#line.reconnectAttempts,
      framesGood: this.#framesGood,
      framesBad: this.#framesBad,
      linesTooLong: this.#linesTooLong,
      counters: this.#presence.snapshot(),
    };
  }

  /** Calls `listener` with the new health after every change; returns the unsubscribe function. */
  onHealth(listener: (health: CallButtonHealth) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #receive(chunk: Uint8Array): void {
    for (const event of this.#splitter.push(chunk)) {
      if (event.kind === 'overlong') {
        this.#linesTooLong++;
        this.#log.warn('line too long, dropped', { path: this.#path });
        this.#changed();
      } else {
        this.#handleLine(event.text);
      }
    }
  }

  #handleLine(line: string): void {
    const outcome = parseDeviceLine(line);
    if (outcome.kind === 'malformed') {
      this.#framesBad++;
      this.#log.warn('bad frame, dropped', { path: this.#path, reason: outcome.reason, detail: outcome.detail });
      this.#changed();
      return;
    }
    this.#framesGood++;
    const counter = outcome.kind === 'refused' ? outcome.counter : outcome.frame.counter;
    const isHeartbeat = outcome.kind === 'frame' && outcome.frame.type === 'H';
    this.#presence.heard(counter, isHeartbeat ? 'heartbeat' : 'other');
    this.#changed();

    if (outcome.kind === 'refused') {
      this.#log.warn('key press refused', { path: this.#path, counter, reason: outcome.reason, detail: outcome.detail });
      const text = outcome.reason === 'unknown-key' ? DRIVER_ERROR_TEXT.unknownKey : DRIVER_ERROR_TEXT.badArgument;
      this.#answer({ type: 'A', counter, seq: outcome.seq, status: 'ERR', text });
      return;
    }
    const frame = outcome.frame;
    if (frame.type === 'H') return;
    if (!this.drives(frame.counter)) {
      this.#log.warn('key press for a counter not on this line', { path: this.#path, counter });
      this.#answer({ type: 'A', counter, seq: frame.seq, status: 'ERR', text: DRIVER_ERROR_TEXT.foreignCounter });
      return;
    }
    const press: ButtonPress = { counter, seq: frame.seq, action: frame.action };
    const { repeat, answer } = this.#repeats.answer(counter, frame.seq, () => this.#act(press));
    if (repeat) this.#log.debug('repeated press, answering again', { path: this.#path, counter, seq: frame.seq });
    void answer.then((reply) => this.#answer({ type: 'A', counter, seq: frame.seq, ...reply }));
  }

  /** Runs the handler; never rejects, so every copy of the press gets an answer. */
  async #act(press: ButtonPress): Promise<ButtonAnswer> {
    try {
      const reply = await this.#onPress(press);
      if (!(ANSWER_STATUSES as readonly string[]).includes(reply.status)) throw new TypeError(`status ${String(reply.status)}`);
      return reply.text === undefined ? { status: reply.status } : { status: reply.status, text: fitDisplayText(reply.text) };
    } catch (error) {
      this.#log.error('press handler failed', { path: this.#path, counter: press.counter, key: press.action.key, error });
      return { status: 'ERR', text: DRIVER_ERROR_TEXT.handlerFailed };
    }
  }

  #answer(frame: AnswerFrame): void {
    // Not sent while the line is down: the device resends and gets the remembered answer.
    if (!this.#send(formatFrame(frame)))
      this.#log.warn('line closed, answer dropped', { path: this.#path, counter: frame.counter, seq: frame.seq });
  }

  #send(line: string): boolean {
    return this.#line.send(Buffer.from(line + LINE_END, 'latin1'));
  }

  #lineChanged(): void {
    const open = this.#line.isOpen;
    // Half a line from before an unplug must not glue onto the first line after it.
    if (open && !this.#wasOpen) this.#splitter = new LineSplitter();
    this.#wasOpen = open;
    this.#changed();
  }

  #changed(): void {
    if (this.#listeners.size === 0) return;
    const health = this.health();
    for (const listener of this.#listeners) {
      try {
        listener(health);
      } catch (error) {
        this.#log.error('health listener failed', { error });
      }
    }
  }
}
