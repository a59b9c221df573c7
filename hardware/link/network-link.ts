import { PendingWrites } from './pending-writes.ts';
import { connect, type Socket } from 'node:net';
import type { DeviceLink, LinkOpener } from './device-link.ts';

/** Options of {@link networkLink}. */
export interface NetworkLinkOptions {
  host: string;
  /** Defaults to 9100, the raw printing port of nearly every network receipt printer. */
  port?: number;
  /** Give up connecting after this long. Defaults to 3000 ms. */
  connectTimeoutMs?: number;
  /** Longest wait for the socket to take one write. Defaults to 30 s. */
  writeTimeoutMs?: number;
}

/**
 * A network printer on raw TCP ("port 9100", "JetDirect"). Bytes go straight to the printer's
 * ESC/POS interpreter and most such printers answer `DLE EOT` on the same connection. Keep-alive
 * probes find a printer switched off without a goodbye; the driver's status polls find it sooner.
 */
export function networkLink(options: NetworkLinkOptions): LinkOpener {
  const port = options.port ?? 9100;
  const target = `tcp://${options.host}:${port}`;
  return {
    target,
    open: () =>
      new Promise<DeviceLink>((resolve, reject) => {
        const socket = connect({ host: options.host, port, noDelay: true });
        const timer = setTimeout(() => socket.destroy(new Error(`no connection to ${target} in time`)), options.connectTimeoutMs ?? 3000);
        socket.once('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        socket.once('connect', () => {
          clearTimeout(timer);
          socket.removeAllListeners('error');
          socket.setKeepAlive(true, 5000);
          resolve(new NetworkDeviceLink(socket, target, options.writeTimeoutMs ?? 30_000));
        });
      }),
  };
}

class NetworkDeviceLink implements DeviceLink {
  readonly readable = true;
  readonly #closeListeners: ((error?: Error) => void)[] = [];
  /** Writes in flight: each fails at once when the link ends. */
  readonly #pending = new PendingWrites();
  #closed = false;
  #error: Error | undefined;

  constructor(
    private readonly socket: Socket,
    readonly target: string,
    private readonly writeTimeoutMs: number,
  ) {
    socket.on('error', (error) => {
      this.#error = error;
    });
    socket.on('close', () => this.#end(this.#error));
    // A printer that closes its side after a job is gone for us too.
    socket.on('end', () => socket.destroy());
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('link closed'));
    return this.#pending.start(
      this.writeTimeoutMs,
      'printer did not take the data in time',
      (finish) => this.socket.write(bytes, (error) => finish(error)),
      () => this.socket.destroy(),
    );
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.socket.on('data', listener);
  }

  onClose(listener: (error?: Error) => void): void {
    if (this.#closed) listener();
    else this.#closeListeners.push(listener);
  }

  async close(): Promise<void> {
    if (this.socket.destroyed) return this.#end(undefined);
    await new Promise<void>((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.destroy();
    });
  }

  #end(error: Error | undefined): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#pending.failAll();
    for (const listener of this.#closeListeners.splice(0)) listener(error);
  }
}
