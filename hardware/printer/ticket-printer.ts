import type { DeviceLog } from '../device-log.ts';
import type { TicketLayout } from './ticket-layout.ts';

/** A ticket to print. `id` is the ticket's id: the same id never prints twice by accident. */
export interface PrintJob {
  id: string;
  layout: TicketLayout;
}

/** Why the printer cannot print now. */
export type PrinterFault = 'paper-end' | 'cover-open' | 'offline' | 'no-reply' | 'disconnected';

/**
 * What the printer last reported. `paperNearEnd` is a hint only: many clones have no near-end
 * sensor, so nothing may depend on it.
 */
export type PrinterStatus = { state: 'ready'; paperNearEnd: boolean } | { state: PrinterFault; paperNearEnd: boolean };

/** Why a print did not happen. */
export type PrintFailure = PrinterFault | 'write-failed' | 'closed' | 'unknown-job';

/** Outcome of one print attempt. A failed job is kept and can be reprinted by id. */
export type PrintResult = { ok: true; jobId: string; printedAt: number } | { ok: false; jobId: string; reason: PrintFailure };

/** Listener of status changes. */
export type StatusListener = (status: PrinterStatus) => void;

/**
 * The one interface the server holds, served by the serial printer and the virtual printer
 * alike (the composition root picks one).
 */
export interface TicketPrinter {
  /**
   * Print a ticket. Resolves with the first outcome; a job that failed stays queued and is
   * printed when the printer is ready again (serial) or on {@link TicketPrinter.reprint}.
   * Calling again with the id of a printed job returns its result and prints nothing.
   */
  print(job: PrintJob): Promise<PrintResult>;
  /** Print a known job again now: a failed one, or a printed one whose paper was lost. */
  reprint(jobId: string): Promise<PrintResult>;
  /** The last known status. */
  status(): PrinterStatus;
  /** Called on every status change; returns the unsubscribe function. */
  onStatus(listener: StatusListener): () => void;
  /** Stop polling, release the port; pending jobs resolve as `closed`. */
  close(): Promise<void>;
}

/** Holds the current status and tells subscribers when it really changes. */
export class StatusBroadcaster {
  private readonly listeners = new Set<StatusListener>();

  constructor(
    private value: PrinterStatus,
    private readonly log: DeviceLog,
  ) {}

  current(): PrinterStatus {
    return this.value;
  }

  set(next: PrinterStatus): void {
    if (next.state === this.value.state && next.paperNearEnd === this.value.paperNearEnd) return;
    this.value = next;
    this.log.info('printer status', { state: next.state, paperNearEnd: next.paperNearEnd });
    for (const listener of this.listeners) {
      try {
        listener(next);
      } catch (error) {
        this.log.error('status listener failed', { error });
      }
    }
  }

  subscribe(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.listeners.clear();
  }
}
