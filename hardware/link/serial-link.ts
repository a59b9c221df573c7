import { PendingWrites } from './pending-writes.ts';
import { SerialPort } from 'serialport';
import { watchSerialPath, type SerialPathWatch } from '../serial-path-watch.ts';
import type { DeviceLink, LinkOpener } from './device-link.ts';

/**
 * The part of a serialport `SerialPortStream` a link uses. Kept this small so a test can hand
 * in `SerialPortMock` and the real port without casts.
 */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
  write(data: string | Uint8Array, callback?: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close' | 'error', listener: (error?: Error | null) => void): unknown;
  removeAllListeners(): unknown;
}

/**
 * How the line paces the sender. `rtscts`: the printer drops CTS while its buffer is full
 * (hardware handshake, needs all wires); `xonxoff`: it sends XOFF/XON bytes, handled by the
 * OS. Cheap printers at 9600 baud or less rarely need either; fast ones with small buffers do.
 */
export type SerialFlowControl = 'none' | 'rtscts' | 'xonxoff';

/** What a port is opened with. */
export interface SerialPortOpenOptions {
  path: string;
  baudRate: number;
  rtscts: boolean;
  xon: boolean;
  xoff: boolean;
}

/** Makes an unopened port. Defaults to the real serialport bindings. */
export type PortFactory = (options: SerialPortOpenOptions) => SerialPortLike;

/** The real bindings; the link opens the port itself so every retry uses a fresh object. */
export const openRealPort: PortFactory = (options) => new SerialPort({ ...options, autoOpen: false });

/** Options of {@link serialLink}. */
export interface SerialLinkOptions {
  /** Serial device, e.g. `/dev/ttyUSB0`; it may be missing for a while (adapter unplugged). */
  path: string;
  baudRate: number;
  /** Defaults to `none`. */
  flowControl?: SerialFlowControl;
  /** Defaults to the real serialport bindings; tests may pass `SerialPortMock`. */
  openPort?: PortFactory;
  /** How often the open port's path is checked for a vanished device. Defaults to 1 s. */
  pathCheckMs?: number;
}

/**
 * A serial line. A write counts as done once `tcdrain` says the bytes left for the wire; a
 * drain that takes three times the wire time (plus 5 s) counts as a stalled line.
 */
export function serialLink(options: SerialLinkOptions): LinkOpener {
  const flow = options.flowControl ?? 'none';
  const makePort = options.openPort ?? openRealPort;
  return {
    target: options.path,
    open: async () => {
      const port = makePort({
        path: options.path,
        baudRate: options.baudRate,
        rtscts: flow === 'rtscts',
        xon: flow === 'xonxoff',
        xoff: flow === 'xonxoff',
      });
      // Without an error listener a failed write would crash the process.
      port.on('error', () => undefined);
      try {
        await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
      } catch (error) {
        await discard(port);
        throw error;
      }
      return new SerialDeviceLink(port, options);
    },
  };
}

class SerialDeviceLink implements DeviceLink {
  readonly target: string;
  readonly readable = true;
  readonly #port: SerialPortLike;
  readonly #baudRate: number;
  readonly #closeListeners: ((error?: Error) => void)[] = [];
  /** Writes in flight: each fails at once when the link ends. */
  readonly #pending = new PendingWrites();
  readonly #watch: SerialPathWatch;
  #closed = false;

  constructor(port: SerialPortLike, options: SerialLinkOptions) {
    this.target = options.path;
    this.#port = port;
    this.#baudRate = options.baudRate;
    port.on('close', (error) => this.#end(error ?? undefined));
    // The binding may miss the hang-up of a vanished device and spin on empty reads; the path
    // shows it within a second.
    this.#watch = watchSerialPath({
      path: options.path,
      ...(options.pathCheckMs === undefined ? {} : { intervalMs: options.pathCheckMs }),
      onLost: (reason) => this.#end(new Error(reason)),
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('link closed'));
    const timeoutMs = 5000 + Math.ceil(((bytes.length * 10) / this.#baudRate) * 1000) * 3;
    // A drain on a closed serialport stream waits for a reopen that never comes: closing fails it.
    return this.#pending.start(timeoutMs, `write not drained in ${timeoutMs} ms`, (finish) => {
      this.#port.write(bytes, (error) => {
        if (error) finish(error);
      });
      this.#port.drain((error) => finish(error));
    });
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.#port.on('data', listener);
  }

  onClose(listener: (error?: Error) => void): void {
    if (this.#closed) listener();
    else this.#closeListeners.push(listener);
  }

  async close(): Promise<void> {
    this.#end(undefined);
    await discard(this.#port);
  }

  #end(error: Error | undefined): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#watch.stop();
    this.#pending.failAll();
    for (const listener of this.#closeListeners.splice(0)) listener(error);
  }
}

/** Close a port we are done with and silence it; a late error from it must not crash us. */
async function discard(port: SerialPortLike): Promise<void> {
  port.removeAllListeners();
  port.on('error', () => undefined);
  if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
}
