/**
 * One open connection to a device, whatever carries it: a serial line, a USB printer-class
 * character device or a TCP socket. Drivers (printer, call buttons) talk to this and never to
 * a transport directly; {@link LinkKeeper} keeps one open.
 */
export interface DeviceLink {
  /** What it is connected to, for logs and health (`/dev/ttyUSB0`, `tcp://10.0.0.5:9100`). */
  readonly target: string;
  /**
   * Whether bytes can come back at all. False for a one-way USB printer (its `read` fails with
   * EINVAL) or a plain file; a link that can read may still get no answer from its device.
   */
  readonly readable: boolean;
  /**
   * Write and resolve once the bytes have left for the device (drained to the wire, accepted by
   * the kernel driver); reject when the link fails, closes or stalls before that.
   */
  write(bytes: Uint8Array): Promise<void>;
  /** Every chunk the device sends, as it arrives. */
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once when the link is gone (unplugged, reset, closed by us). */
  onClose(listener: (error?: Error) => void): void;
  /** Close it; resolves when the underlying port, file or socket is released. */
  close(): Promise<void>;
}

/** Opens links to one device; each call gives a fresh link (a closed one is never reused). */
export interface LinkOpener {
  /** The device's address, as {@link DeviceLink.target}. */
  readonly target: string;
  /** Rejects when the device is not there now (path missing, busy, connection refused). */
  open(): Promise<DeviceLink>;
}

/** Delays between attempts to (re)open a link: doubling from `initialMs` up to `maxMs`. */
export interface ReconnectDelays {
  /** Defaults to 250 ms: a replugged USB adapter is usually back within a second. */
  initialMs?: number;
  /** Defaults to 5000 ms: a device that stays away is retried without flooding the log. */
  maxMs?: number;
}

/** Rejects after `ms` unless `work` settles first; the timer never keeps the process alive. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    timer.unref();
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
