import type { DeviceLog } from '../device-log.ts';
import type { DeviceLink, LinkOpener, ReconnectDelays } from './device-link.ts';

/** Options of {@link LinkKeeper}. */
export interface LinkKeeperOptions {
  opener: LinkOpener;
  /** Where opens, losses and retries are told. */
  log: DeviceLog;
  /** Defaults to 250 ms doubling up to 5 s. */
  reconnect?: ReconnectDelays;
  /** A fresh link is open; the driver may start talking. */
  onOpen?(link: DeviceLink): void;
  /** The open link is gone (it closed by itself or {@link LinkKeeper.drop} was called). */
  onLost?(link: DeviceLink, error?: Error): void;
  /** Every chunk read from the open link. */
  onData?(chunk: Uint8Array): void;
  /** After every open, loss and retry attempt (for the health view). */
  onChange?(): void;
}

/**
 * Keeps one link to a device open: when it cannot be opened or goes away (a USB adapter
 * unplugged, a network printer rebooted), it retries with backoff until the device is back,
 * without anyone restarting anything. Every attempt opens a fresh link, because a closed
 * serialport stream would queue writes until it reopens and then send stale bytes. The one
 * keeper of the printer and call-button drivers, for every transport.
 */
export class LinkKeeper {
  readonly #options: LinkKeeperOptions;
  #link: DeviceLink | undefined;
  #timer: NodeJS.Timeout | undefined;
  #failures = 0;
  #reconnectAttempts = 0;
  #stopped = true;
  // Bumped by stop(): an open that finishes after it must close what it opened.
  #generation = 0;

  constructor(options: LinkKeeperOptions) {
    this.#options = options;
  }

  /** The open link, if any. */
  get link(): DeviceLink | undefined {
    return this.#link;
  }

  get isOpen(): boolean {
    return this.#link !== undefined;
  }

  /** Attempts made to reopen after the first open failed or the link went away. */
  get reconnectAttempts(): number {
    return this.#reconnectAttempts;
  }

  /** Starts opening; failures are retried, never thrown. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    void this.#open();
  }

  /** Writes if a link is open: false when none is (the bytes are dropped). A failed write is logged. */
  send(bytes: Uint8Array): boolean {
    const link = this.#link;
    if (!link) return false;
    link.write(bytes).catch((error: unknown) => this.#options.log.warn('write failed', { target: link.target, error }));
    return true;
  }

  /** Treat the open link as dead (the device stopped answering): close it and reconnect. */
  drop(link: DeviceLink, error: Error): void {
    this.#lost(link, error);
  }

  /** Closes the link and stops retrying. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#generation++;
    clearTimeout(this.#timer);
    const link = this.#link;
    this.#link = undefined;
    if (link) await link.close();
  }

  async #open(): Promise<void> {
    const generation = this.#generation;
    const { opener, log } = this.#options;
    let link: DeviceLink;
    try {
      link = await opener.open();
    } catch (error) {
      if (generation === this.#generation && !this.#stopped) this.#retry(error);
      return;
    }
    if (generation !== this.#generation || this.#stopped) {
      await link.close();
      return;
    }
    log.info('link open', { target: link.target });
    this.#failures = 0;
    this.#link = link;
    link.onData((chunk) => {
      if (this.#link === link) this.#options.onData?.(chunk);
    });
    link.onClose((error) => this.#lost(link, error));
    this.#options.onOpen?.(link);
    this.#options.onChange?.();
  }

  #lost(link: DeviceLink, error: Error | undefined): void {
    if (this.#stopped || this.#link !== link) return;
    this.#options.log.warn('link lost', { target: link.target, error });
    this.#link = undefined;
    void link.close();
    this.#options.onLost?.(link, error);
    this.#options.onChange?.();
    this.#retry(error);
  }

  #retry(error: unknown): void {
    const { initialMs = 250, maxMs = 5000 } = this.#options.reconnect ?? {};
    const { log, opener } = this.#options;
    const delay = Math.min(maxMs, initialMs * 2 ** this.#failures);
    // Log the first failure of a streak loudly; the retries that follow say nothing new.
    if (this.#failures === 0) log.warn('device unavailable, retrying', { target: opener.target, error });
    else log.debug('device still unavailable', { target: opener.target, delay, error });
    this.#failures++;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#reconnectAttempts++;
      this.#options.onChange?.();
      void this.#open();
    }, delay);
    this.#timer.unref();
  }
}
