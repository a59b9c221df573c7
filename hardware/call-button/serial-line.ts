import { SerialPort } from 'serialport';
import type { DeviceLog } from '../device-log.ts';
import { watchSerialPath, type SerialPathWatch } from '../serial-path-watch.ts';

/**
 * The part of a serialport `SerialPortStream` the line uses. Kept this small so a test can
 * hand in `SerialPortMock` and the real port without casts.
 */
export interface LinePort {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
  write(data: string | Uint8Array, callback?: (error: Error | null | undefined) => void): boolean;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close' | 'error', listener: (error?: Error | null) => void): unknown;
  removeAllListeners(): unknown;
}

/** Makes an unopened port; the line opens it itself so it controls every retry. */
export type PortFactory = (options: { path: string; baudRate: number }) => LinePort;

/** The real serialport bindings. */
export const openRealPort: PortFactory = ({ path, baudRate }) => new SerialPort({ path, baudRate, autoOpen: false });

/** Delays between attempts to (re)open the port: doubling from `initialMs` up to `maxMs`. */
export interface ReconnectDelays {
  /** Defaults to 250 ms: a replugged USB adapter is usually back within a second. */
  initialMs?: number;
  /** Defaults to 5000 ms: a port that stays away is retried without flooding the log. */
  maxMs?: number;
}

export interface SerialLineOptions {
  /** The serial device path; it may be missing for a while (adapter unplugged). */
  path: string;
  baudRate: number;
  openPort: PortFactory;
  /** Where open, loss and retry of the port are told. */
  log: DeviceLog;
  /** Defaults to 250 ms doubling up to 5 s. */
  reconnect?: ReconnectDelays;
  /** How often the open port's path is checked for a vanished device. Defaults to 1 s. */
  pathCheckMs?: number;
  /** Every chunk read from the port, as it arrives. */
  onData(chunk: Buffer): void;
  /** Called on every open or close and on every retry attempt (for the health view). */
  onChange(): void;
}

/**
 * One serial port that stays open: when the port cannot be opened or goes away (a USB-serial
 * adapter unplugged makes the path vanish), it retries with backoff until the port is back,
 * without anyone restarting anything. Every attempt uses a fresh port object, because a closed
 * serialport stream would queue writes until it reopens and then send stale answers.
 */
export class SerialLine {
  readonly #options: SerialLineOptions;
  #port: LinePort | undefined;
  #timer: NodeJS.Timeout | undefined;
  #pathWatch: SerialPathWatch | undefined;
  #failures = 0;
  #reconnectAttempts = 0;
  #stopped = true;

  constructor(options: SerialLineOptions) {
    this.#options = options;
  }

  get isOpen(): boolean {
    return this.#port?.isOpen ?? false;
  }

  /** Attempts made to reopen after the first open failed or the port went away. */
  get reconnectAttempts(): number {
    return this.#reconnectAttempts;
  }

  /** Starts opening; failures are retried, never thrown. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#open();
  }

  /** Writes a line if the port is open; returns false (and drops it) when it is not. */
  write(text: string): boolean {
    const port = this.#port;
    if (!port?.isOpen) return false;
    port.write(text, (error) => {
      if (error) this.#options.log.warn('write failed', { path: this.#options.path, error });
    });
    return true;
  }

  /** Closes the port and stops retrying. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#pathWatch?.stop();
    const port = this.#port;
    this.#port = undefined;
    if (port) await discard(port);
  }

  #open(): void {
    const { path, baudRate, log } = this.#options;
    const port = this.#options.openPort({ path, baudRate });
    this.#port = port;
    // Without an error listener a failed write would crash the process.
    port.on('error', (error) => log.warn('serial port error', { path, error }));
    port.open((error) => {
      if (this.#stopped || this.#port !== port) {
        // Stopped while opening: the port must not stay open behind our back.
        void discard(port);
        return;
      }
      if (error) {
        void discard(port);
        this.#port = undefined;
        this.#retry(error);
        return;
      }
      log.info('serial port open', { path, baudRate });
      this.#failures = 0;
      port.on('data', (chunk) => this.#options.onData(chunk));
      port.on('close', (closeError) => this.#lost(port, closeError ?? undefined));
      // The binding may never emit `close` for a vanished device; without this a quiet line
      // would stay "open" (and spin on empty reads) until the next write fails.
      this.#pathWatch = watchSerialPath({
        path,
        ...(this.#options.pathCheckMs === undefined ? {} : { intervalMs: this.#options.pathCheckMs }),
        onLost: (reason) => this.#lost(port, new Error(reason)),
      });
      this.#options.onChange();
    });
  }

  #lost(port: LinePort, error: Error | undefined): void {
    if (this.#stopped || this.#port !== port) return;
    this.#options.log.warn('serial port closed', { path: this.#options.path, error });
    this.#pathWatch?.stop();
    void discard(port);
    this.#port = undefined;
    this.#options.onChange();
    this.#retry(error);
  }

  #retry(error: Error | undefined): void {
    const { initialMs = 250, maxMs = 5000 } = this.#options.reconnect ?? {};
    const { log } = this.#options;
    const delay = Math.min(maxMs, initialMs * 2 ** this.#failures);
    // Log the first failure of a streak loudly; the retries that follow say nothing new.
    if (this.#failures === 0) log.warn('serial port unavailable, retrying', { path: this.#options.path, error });
    else log.debug('serial port still unavailable', { path: this.#options.path, delay, error });
    this.#failures++;
    this.#timer = setTimeout(() => {
      this.#reconnectAttempts++;
      this.#options.onChange();
      this.#open();
    }, delay);
    this.#timer.unref();
  }
}

/** Closes a port we are done with and silences it; a late error from it must not crash us. */
async function discard(port: LinePort): Promise<void> {
  port.removeAllListeners();
  port.on('error', () => undefined);
  if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
}
