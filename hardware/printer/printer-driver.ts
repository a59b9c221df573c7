import type { DeviceLog } from '../device-log.ts';
import type { TicketLayout } from './ticket-layout.ts';

/** A ticket to print. `id` is the ticket's id: asking again while it prints joins that print. */
export interface PrintJob {
  id: string;
  layout: TicketLayout;
}

/** Why the printer cannot print now. */
export type PrinterFault = 'paper-end' | 'cover-open' | 'offline' | 'no-reply' | 'disconnected';

/**
 * What the printer last reported. `unknown`: the link is open but the printer has never answered
 * a status query (a one-way USB printer, a network printer without a back channel): it prints,
 * but nothing can confirm it. `paperNearEnd` is a hint only: many clones have no near-end sensor.
 */
export type PrinterStatus = { state: 'ready' | 'unknown' | PrinterFault; paperNearEnd: boolean };

/** Why a job did not print. `interrupted`: the link failed during the job, or the printer stopped answering right after it. */
export type PrintFailure = PrinterFault | 'interrupted' | 'closed';

/**
 * Outcome of one print. `confirmed`: the printer answered a status query after the job and
 * reported nothing wrong; false when it cannot answer at all.
 */
export type PrintResult =
  | { ok: true; jobId: string; printedAt: number; confirmed: boolean; bytes: number }
  | { ok: false; jobId: string; reason: PrintFailure };

/** Listener of status changes. */
export type StatusListener = (status: PrinterStatus) => void;

/**
 * A ticket printer driver: the ESC/POS printer on any link, or the virtual printer. It prints
 * a job once, now, or says why not; it never keeps a failed job to print it later by itself
 * (a citizen told "not printed" must not find a ticket printed for nobody ten minutes later).
 */
export interface PrinterDriver {
  print(job: PrintJob): Promise<PrintResult>;
  /** The last known status. */
  status(): PrinterStatus;
  /** Called on every status change; returns the unsubscribe function. */
  onStatus(listener: StatusListener): () => void;
  /** Stop polling, release the link; a job still waiting resolves as `closed`. */
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
