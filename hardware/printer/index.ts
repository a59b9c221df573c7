/**
 * The ticket printer's public API: what the server (`server/printing/`) imports.
 * Build a layout with `parseTicketLayout`, pick a printer with `createSerialPrinter` or
 * `createVirtualPrinter`, then `print`, `reprint`, `status` and `onStatus`.
 */
export {
  parseTicketLayout,
  TicketLayoutSchema,
  type TicketLayout,
  type TicketLayoutInput,
  type LayoutParseResult,
} from './ticket-layout.ts';
export {
  parsePrinterProfile,
  printerProfile,
  PrinterProfileSchema,
  VIETNAMESE_MODES,
  type PrinterProfile,
  type PrinterProfileInput,
  type VietnameseMode,
} from './printer-profile.ts';
export { ticketWords, type TicketWords } from './ticket-words.ts';
export { encodeTicket } from './ticket-encoder.ts';
export { decodeEscPos, charsetsFor, documentText, type PrintedDocument, type PrintedItem } from './escpos-decoder.ts';
export { renderPreview } from './preview-render.ts';
export type { TicketPrinter, PrintJob, PrintResult, PrintFailure, PrinterStatus, PrinterFault, StatusListener } from './ticket-printer.ts';
export { createVirtualPrinter, type VirtualPrinter, type VirtualPrinterOptions, type PrintedTicket } from './virtual-printer.ts';
export { createSerialPrinter, type SerialPrinter, type SerialPrinterOptions } from './serial-printer.ts';
export type { JobSnapshot, JobState } from './print-queue.ts';
export { sampleTicketLayout } from './sample-ticket.ts';
