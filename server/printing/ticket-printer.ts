import type { PrintedJobView } from '../../protocol/admin.ts';
import type { PrinterState, PrintOutcome, TicketPublicView, Translated } from '../../protocol/views.ts';

/** What goes on the paper ticket; the printer driver turns it into its own layout. */
export interface TicketToPrint {
  ticket: TicketPublicView;
  followUrl: string;
  counters: Array<{ id: number; name: Translated }>;
  hotline: string;
  /** The centre's own line at the foot of the ticket; when empty the hotline is printed. */
  footer?: string;
  /** Papers to have ready, from the procedure the citizen chose. */
  papers: string[];
}

/**
 * The server's view of a ticket printer: real (serial ESC/POS) or virtual. `print` queues a
 * job and returns at once; the number is already durable, so a failed print loses nothing.
 */
export interface TicketPrinter {
  state(): PrinterState;
  print(ticket: TicketToPrint): Promise<PrintOutcome>;
  onState(listener: (state: PrinterState) => void): () => void;
  /** The last tickets sent to the printer, newest first, for the admin. */
  recent(): PrintedJobView[];
  /** The PNG the virtual printer made of a ticket; null for a real printer or an unknown job. */
  preview(jobId: string): Buffer | null;
  /** Prints a known ticket again (paper lost, jammed); refused while the printer cannot print. */
  reprint(jobId: string): Promise<PrintOutcome>;
  close(): Promise<void>;
}
