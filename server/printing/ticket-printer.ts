import type { PrinterState, PrintOutcome, TicketPublicView, Translated } from '../../protocol/views.ts';

/** What goes on the paper ticket; the printer driver turns it into its own layout. */
export interface TicketToPrint {
  ticket: TicketPublicView;
  followUrl: string;
  counters: Array<{ id: number; name: Translated }>;
  hotline: string;
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
  close(): Promise<void>;
}
