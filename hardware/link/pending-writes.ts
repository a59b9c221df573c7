/**
 * The writes a link has in flight. Each one settles exactly once: when the transport says the
 * bytes are gone, when its time runs out, or when the link closes under it (a job cut mid-send
 * must count as not printed, never hang).
 */
export class PendingWrites {
  readonly #pending = new Set<(error?: Error | null) => void>();

  /**
   * Starts a write: `send` hands the bytes to the transport and calls `finish` when it is done.
   * After `timeoutMs` the write fails with `timeoutMessage` and `onTimeout` runs (e.g. drop the socket).
   */
  start(
    timeoutMs: number,
    timeoutMessage: string,
    send: (finish: (error?: Error | null) => void) => void,
    onTimeout?: () => void,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let done = false;
      const finish = (error?: Error | null): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.#pending.delete(finish);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => {
        finish(new Error(timeoutMessage));
        onTimeout?.();
      }, timeoutMs);
      this.#pending.add(finish);
      send(finish);
    });
  }

  /** Fails every write still in flight: the link closed. */
  failAll(): void {
    for (const fail of [...this.#pending]) fail(new Error('link closed during write'));
  }
}
