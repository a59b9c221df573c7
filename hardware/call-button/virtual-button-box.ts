import { sealFrame } from './checksum.ts';
import { formatFrame, LINE_END, twoDigits } from './format-frame.ts';
import type { AnswerFrame, ServerFrame } from './frame-types.ts';
import { LineSplitter } from './line-splitter.ts';
import { parseServerLine } from './parse-frame.ts';
import { REPEAT_WINDOW_MS } from './repeat-guard.ts';
import { openRealPort, type SerialPortLike, type PortFactory } from '../link/serial-link.ts';
import type { DeviceLog } from '../device-log.ts';

export interface VirtualButtonBoxOptions {
  /** The serial path the box speaks on (the peer end of a pty pair in tests and the demo). */
  path: string;
  /** Defaults to 9600. */
  baudRate?: number;
  /** The counters whose buttons this box plays; each has its own rolling seq and heartbeat. */
  counters: readonly number[];
  /** Heartbeat period, or `false` for none. Defaults to 10 000 ms as the protocol says. */
  heartbeatMs?: number | false;
  /** Resend a key press after this long without an answer. Defaults to 500 ms as a real device. */
  resendMs?: number;
  /** Give up (reject) a press unanswered after this long (from its first send). Defaults to 10 000 ms. */
  giveUpMs?: number;
  /**
   * The server's repeat window. The box never sends a key press on a seq it used for another
   * press less than this (plus {@link SEQ_REUSE_MARGIN_MS}) ago: it waits instead, as a
   * protocol-abiding device must, or the server would take the new press for a resend.
   * Defaults to the protocol's 10 s.
   */
  repeatWindowMs?: number;
  /**
   * The least real time between two presses on one counter's button, as a hand on a real box
   * sets. Defaults to 0 (no pacing beyond the repeat window). A driver of the box that presses
   * far faster than people do (the day simulator on an accelerated clock) sets it to about
   * `repeatWindowMs / 100`, so the 100 seqs last a window and presses never stall on reuse.
   */
  pressGapMs?: number;
  /** Defaults to the real serialport bindings. */
  openPort?: PortFactory;
  /** Where the box tells of port errors and bad frames from the server. */
  log: DeviceLog;
}

/**
 * Extra wait before a seq is reused, beyond the repeat window: the server's window starts when
 * it reads the first copy, which a busy line or server may do a little after the box sent it.
 */
export const SEQ_REUSE_MARGIN_MS = 1000;

interface Waiter {
  counter: number;
  seq: number;
  resolve(answer: AnswerFrame): void;
  reject(error: Error): void;
}

/**
 * A box of counter call buttons in software, speaking the motcua line protocol from the device
 * side over a serial path: key presses with resends, heartbeats, and it records what the server
 * sends back. Serves integration tests, the benchmark and the demo.
 */
export class VirtualButtonBox {
  readonly #options: VirtualButtonBoxOptions;
  readonly #port: SerialPortLike;
  readonly #splitter = new LineSplitter();
  readonly #seqs = new Map<number, number>();
  /** Real time (performance.now) a key press last went out on each `counter:seq`, resends included. */
  readonly #pressSentAt = new Map<string, number>();
  /** Real time each counter's latest press is due to go out: presses on one button stay in order. */
  readonly #pressDueAt = new Map<number, number>();
  /** Presses waiting for their turn: {@link close} rejects them as it rejects unanswered ones. */
  readonly #pacing = new Map<NodeJS.Timeout, (error: Error) => void>();
  readonly #waiters = new Set<Waiter>();
  readonly #listeners = new Set<(frame: ServerFrame) => void>();
  #heartbeat: NodeJS.Timeout | undefined;
  /** Every frame received from the server, oldest first. */
  readonly received: ServerFrame[] = [];

  private constructor(options: VirtualButtonBoxOptions, port: SerialPortLike) {
    this.#options = options;
    this.#port = port;
  }

  /** Opens the port and starts heartbeats (if enabled). */
  static async open(options: VirtualButtonBoxOptions): Promise<VirtualButtonBox> {
    const port = (options.openPort ?? openRealPort)({
      path: options.path,
      baudRate: options.baudRate ?? 9600,
      rtscts: false,
      xon: false,
      xoff: false,
    });
    port.on('error', (error) => options.log.warn('virtual button box port error', { path: options.path, error }));
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    const box = new VirtualButtonBox(options, port);
    port.on('data', (chunk) => box.#receive(chunk));
    const every = options.heartbeatMs ?? 10_000;
    if (every !== false) box.#heartbeat = setInterval(() => box.sendHeartbeats(), every);
    return box;
  }

  /**
   * Presses a key on `counter`'s button and resolves with the server's answer, resending the
   * frame every `resendMs` until it comes. `key` is not checked, so tests can press keys the
   * protocol does not know. `seq` defaults to the counter's next rolling seq; such a press waits
   * (in real time) while that seq is within the repeat window of its last press, and for
   * `pressGapMs` after the counter's previous press. A `seq` given by the caller goes out at
   * once: tests use it to play a resend.
   */
  async press(counter: number, key: string, arg?: string, options: { seq?: number } = {}): Promise<AnswerFrame> {
    let seq = options.seq;
    if (seq === undefined) {
      seq = this.#nextSeq(counter);
      await this.#paced(this.#pressDue(counter, seq));
    }
    return this.#sendPress(counter, seq, key, arg);
  }

  #sendPress(counter: number, seq: number, key: string, arg: string | undefined): Promise<AnswerFrame> {
    const fields = ['K', twoDigits(counter, 1), twoDigits(seq), key, ...(arg === undefined ? [] : [arg])];
    const line = sealFrame(fields.join(','));
    const { resendMs = 500, giveUpMs = 10_000 } = this.#options;
    const send = (): void => {
      this.#pressSentAt.set(`${counter}:${seq}`, performance.now());
      this.sendLine(line);
    };
    return new Promise<AnswerFrame>((resolve, reject) => {
      const started = Date.now();
      const resend = setInterval(() => {
        if (Date.now() - started >= giveUpMs) waiter.reject(new Error(`no answer to ${line} in ${giveUpMs} ms`));
        else send();
      }, resendMs);
      const done = (): void => {
        clearInterval(resend);
        this.#waiters.delete(waiter);
      };
      const waiter: Waiter = {
        counter,
        seq,
        resolve: (answer) => {
          done();
          resolve(answer);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      };
      this.#waiters.add(waiter);
      send();
    });
  }

  /** When (performance.now) a press on `seq` may go out; books that time for the counter. */
  #pressDue(counter: number, seq: number): number {
    const { repeatWindowMs = REPEAT_WINDOW_MS, pressGapMs = 0 } = this.#options;
    const lastOnSeq = this.#pressSentAt.get(`${counter}:${seq}`);
    const previous = this.#pressDueAt.get(counter);
    const due = Math.max(
      performance.now(),
      lastOnSeq === undefined ? -Infinity : lastOnSeq + repeatWindowMs + SEQ_REUSE_MARGIN_MS,
      previous === undefined ? -Infinity : previous + pressGapMs,
    );
    this.#pressDueAt.set(counter, due);
    return due;
  }

  /** Waits until `due`; a {@link close} meanwhile rejects. */
  async #paced(due: number): Promise<void> {
    const wait = due - performance.now();
    if (wait <= 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pacing.delete(timer);
        resolve();
      }, Math.ceil(wait));
      this.#pacing.set(timer, reject);
    });
  }

  /** Sends one heartbeat for every counter of the box now. */
  sendHeartbeats(): void {
    for (const counter of this.#options.counters) {
      this.sendLine(formatFrame({ type: 'H', counter, seq: this.#nextSeq(counter) }));
    }
  }

  /** Sends a line as is, with CR LF: for frames built by hand and for garbage. */
  sendLine(line: string): void {
    this.sendBytes(Buffer.from(line + LINE_END, 'latin1'));
  }

  /** Sends raw bytes: line noise, partial frames. */
  sendBytes(bytes: Uint8Array): void {
    this.#port.write(bytes);
  }

  /** Calls `listener` with every frame the server sends; returns the unsubscribe function. */
  onFrame(listener: (frame: ServerFrame) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops heartbeats, rejects presses still waiting for an answer and closes the port. */
  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    for (const [timer, reject] of this.#pacing) {
      clearTimeout(timer);
      reject(new Error('virtual button box closed'));
    }
    this.#pacing.clear();
    for (const waiter of this.#waiters) waiter.reject(new Error('virtual button box closed'));
    const port = this.#port;
    if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  #receive(chunk: Buffer): void {
    for (const event of this.#splitter.push(chunk)) {
      if (event.kind !== 'line') continue;
      const outcome = parseServerLine(event.text);
      if (outcome.kind !== 'frame') {
        this.#options.log.warn('virtual button box got a bad frame', { reason: outcome.reason, detail: outcome.detail });
        continue;
      }
      const frame = outcome.frame;
      this.received.push(frame);
      for (const listener of this.#listeners) listener(frame);
      if (frame.type !== 'A') continue;
      for (const waiter of this.#waiters) {
        if (waiter.counter === frame.counter && waiter.seq === frame.seq) waiter.resolve(frame);
      }
    }
  }

  #nextSeq(counter: number): number {
    const seq = this.#seqs.get(counter) ?? 0;
    this.#seqs.set(counter, (seq + 1) % 100);
    return seq;
  }
}
