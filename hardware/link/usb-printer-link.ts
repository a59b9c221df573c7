import { constants, type promises as fsp } from 'node:fs';
import { open } from 'node:fs/promises';
import { watchSerialPath, type SerialPathWatch } from '../serial-path-watch.ts';
import type { DeviceLink, LinkOpener } from './device-link.ts';

/** Options of {@link usbPrinterLink}. */
export interface UsbPrinterLinkOptions {
  /** The printer-class device node, e.g. `/dev/usb/lp0`; it vanishes while the printer is unplugged. */
  path: string;
  /** How often the device is read for status bytes. Defaults to 25 ms. */
  readPollMs?: number;
  /** How often the open device's path is checked for an unplugged printer. Defaults to 1 s. */
  pathCheckMs?: number;
  /** Longest wait for the kernel to take one write. Defaults to 30 s (a printer busy with a long ticket). */
  writeTimeoutMs?: number;
}

/**
 * A USB printer-class device (Linux `usblp`): a character device written with plain file I/O;
 * no baud rate, no ioctls. It is opened non-blocking, so a read never ties up a libuv thread:
 * reads are polled and answer EAGAIN when the printer sent nothing. A printer without a
 * back channel answers reads with EINVAL: then the link is write-only and the printer's
 * status stays unknown. A plain file works the same way, as a printer that never answers.
 */
export function usbPrinterLink(options: UsbPrinterLinkOptions): LinkOpener {
  return {
    target: options.path,
    open: async () => {
      // O_NOCTTY: a test may stand a pseudo-terminal in for the device; it must not become ours.
      const flags = constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY | constants.O_APPEND;
      const handle = await open(options.path, flags);
      return new UsbPrinterDeviceLink(handle, options);
    },
  };
}

const RETRYABLE = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);

class UsbPrinterDeviceLink implements DeviceLink {
  readonly target: string;
  #readable = true;
  readonly #handle: fsp.FileHandle;
  readonly #options: UsbPrinterLinkOptions;
  readonly #dataListeners: ((chunk: Uint8Array) => void)[] = [];
  readonly #closeListeners: ((error?: Error) => void)[] = [];
  readonly #watch: SerialPathWatch;
  readonly #poller: NodeJS.Timeout;
  #reading = false;
  #closed = false;
  #released: Promise<void> | undefined;

  constructor(handle: fsp.FileHandle, options: UsbPrinterLinkOptions) {
    this.target = options.path;
    this.#handle = handle;
    this.#options = options;
    this.#watch = watchSerialPath({
      path: options.path,
      ...(options.pathCheckMs === undefined ? {} : { intervalMs: options.pathCheckMs }),
      onLost: (reason) => this.#end(new Error(reason)),
    });
    this.#poller = setInterval(() => void this.#read(), options.readPollMs ?? 25);
    this.#poller.unref();
  }

  get readable(): boolean {
    return this.#readable;
  }

  async write(bytes: Uint8Array): Promise<void> {
    const deadline = performance.now() + (this.#options.writeTimeoutMs ?? 30_000);
    let at = 0;
    while (at < bytes.length) {
      if (this.#closed) throw new Error('link closed during write');
      try {
        const { bytesWritten } = await this.#handle.write(bytes, at, bytes.length - at, null);
        at += bytesWritten;
        continue;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (!RETRYABLE.has(code)) {
          this.#end(error as Error);
          throw error;
        }
      }
      // The kernel's buffer is full: the printer is still taking the previous part.
      if (performance.now() > deadline) throw new Error('printer did not take the data in time');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.#dataListeners.push(listener);
  }

  onClose(listener: (error?: Error) => void): void {
    if (this.#closed) listener();
    else this.#closeListeners.push(listener);
  }

  async close(): Promise<void> {
    this.#end(undefined);
    await this.#released;
  }

  async #read(): Promise<void> {
    if (this.#reading || this.#closed || !this.#readable) return;
    this.#reading = true;
    try {
      const buffer = new Uint8Array(64);
      const { bytesRead } = await this.#handle.read(buffer, 0, buffer.length, null);
      if (bytesRead > 0) for (const listener of this.#dataListeners) listener(buffer.subarray(0, bytesRead));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      // EINVAL: a one-way printer (no bulk-in endpoint); it can still print.
      if (code === 'EINVAL' || code === 'EISDIR') this.#readable = false;
      else if (!RETRYABLE.has(code) && !this.#closed) this.#end(error as Error);
    } finally {
      this.#reading = false;
    }
  }

  #end(error: Error | undefined): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#poller);
    this.#watch.stop();
    this.#released = this.#handle.close().catch(() => undefined);
    for (const listener of this.#closeListeners.splice(0)) listener(error);
  }
}
