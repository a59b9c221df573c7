import type { PrinterStatus } from './printer-driver.ts';

/** `DLE EOT n` replies look like 0xx1xx10. */
export const isStatusReply = (b: number): boolean => (b & 0x93) === 0x12;
/** First byte of a `GS a` automatic status message looks like 0xx1xx00; three 0xx0xxxx bytes follow. */
const isAutoStatusHeader = (b: number): boolean => (b & 0x93) === 0x10;
const isAutoStatusTail = (b: number): boolean => (b & 0x90) === 0x00;

/** The three `DLE EOT` replies: 4 (paper sensor), 2 (offline cause), 1 (printer). */
export interface StatusReplies {
  paper: number;
  offlineCause: number;
  printer: number;
}

/** Interpret the replies; the most actionable fault wins (a cover to close before paper to add). */
export function statusFromReplies(r: StatusReplies): PrinterStatus {
  const paperNearEnd = (r.paper & 0x0c) !== 0;
  if (r.offlineCause & 0x04) return { state: 'cover-open', paperNearEnd };
  if (r.paper & 0x60 || r.offlineCause & 0x20) return { state: 'paper-end', paperNearEnd };
  if (r.offlineCause & 0x40 || r.printer & 0x08) return { state: 'offline', paperNearEnd };
  return { state: 'ready', paperNearEnd };
}

/**
 * Picks status replies out of whatever the printer sends. Stray bytes (an answer that came too
 * late, automatic status messages, line noise) are dropped, never taken for an answer to a
 * later question unless they match the reply pattern while one is awaited.
 */
export class StatusReplyReader {
  private waiter: ((b: number | undefined) => void) | undefined;
  private autoStatusLeft = 0;
  /** Bytes dropped since start, for the health view. */
  strayBytes = 0;

  feed(chunk: Uint8Array): void {
    for (const b of chunk) {
      if (this.autoStatusLeft > 0 && isAutoStatusTail(b)) {
        this.autoStatusLeft--;
        continue;
      }
      this.autoStatusLeft = 0;
      if (isAutoStatusHeader(b)) this.autoStatusLeft = 3;
      else if (isStatusReply(b) && this.waiter) this.settle(b);
      else this.strayBytes++;
    }
  }

  /** The next reply byte, or `undefined` after `timeoutMs` without one. */
  next(timeoutMs: number): Promise<number | undefined> {
    this.settle(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(undefined), timeoutMs);
      this.waiter = (b) => {
        clearTimeout(timer);
        resolve(b);
      };
    });
  }

  /** Give up waiting (port closed). */
  cancel(): void {
    this.settle(undefined);
  }

  private settle(b: number | undefined): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.(b);
  }
}
