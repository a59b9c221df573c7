/**
 * The ticket printer's public API: what the server (`server/printing/`) imports. Build a layout with `parseTicketLayout`, pick a driver with `createEscPosPrinter` (on
 * a serial, USB printer-class or network link) or `createVirtualPrinter`, then `print`.
 */
export {
  parseTicketLayout,
  TicketLayoutSchema,
  type TicketLayout,
  type TicketLayoutInput,
  type TicketPaper,
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
export type { PrinterDriver, PrintJob, PrintResult, PrintFailure, PrinterStatus, PrinterFault, StatusListener } from './printer-driver.ts';
export { createVirtualPrinter, type VirtualPrinter, type VirtualPrinterOptions, type PrintedTicket } from './virtual-printer.ts';
export { createEscPosPrinter, type EscPosPrinterOptions } from './escpos-printer.ts';
export { PRINTER_MODELS, printerModel, type PrinterModel } from './printer-models.ts';
export { sampleTicketLayout } from './sample-ticket.ts';
