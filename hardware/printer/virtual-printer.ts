import type { DeviceLog } from '../device-log.ts';
import { charsetsFor, decodeEscPos, type PrintedDocument } from './escpos-decoder.ts';
import { renderPreview } from './preview-render.ts';
import { StatusBroadcaster, type PrinterDriver, type PrinterStatus } from './printer-driver.ts';
import { printerProfile, type PrinterProfile } from './printer-profile.ts';
import { encodeTicket } from './ticket-encoder.ts';

/** A ticket the virtual printer "printed": what the admin shows as the last tickets. */
export interface PrintedTicket {
  jobId: string;
  /** Epoch ms when it was printed (from the injected clock). */
  printedAt: number;
  bytes: number;
  document: PrintedDocument;
  /** The PNG preview, rendered on first use: most tickets are never looked at, and rendering costs ~20 ms. */
  readonly png: Buffer;
}

/** Options of {@link createVirtualPrinter}. */
export interface VirtualPrinterOptions {
  /** Where status changes are told (the server passes `logger('printer')`). */
  log: DeviceLog;
  /** Defaults to the default 80 mm raster profile. */
  profile?: PrinterProfile;
  /** How many printed tickets to keep in memory. Defaults to 20. */
  keep?: number;
  /** Defaults to `Date.now`. */
  now?: () => number;
}

/** The virtual printer: a {@link PrinterDriver} plus the last tickets it printed. */
export interface VirtualPrinter extends PrinterDriver {
  /** Newest first. */
  recent(): readonly PrintedTicket[];
  /** Make the printer report a fault (or `ready` again), as a demo or test of the kiosk's warnings. */
  simulateStatus(status: PrinterStatus): void;
}

/**
 * A printer that decodes the bytes motcua would send and keeps a PNG preview of each ticket.
 * The server uses it when a centre has no printer yet; tests use it for golden previews. It
 * goes through the same encoder as the ESC/POS printer, so a preview shows exactly those bytes.
 */
export function createVirtualPrinter(options: VirtualPrinterOptions): VirtualPrinter {
  const profile = options.profile ?? printerProfile();
  const keep = options.keep ?? 20;
  const now = options.now ?? Date.now;
  const printed: PrintedTicket[] = [];
  const status = new StatusBroadcaster({ state: 'ready', paperNearEnd: false }, options.log);
  let closed = false;

  return {
    async print(job) {
      const current = status.current();
      if (closed) return { ok: false, jobId: job.id, reason: 'closed' };
      if (current.state !== 'ready' && current.state !== 'unknown') return { ok: false, jobId: job.id, reason: current.state };
      const bytes = encodeTicket(job.layout, profile);
      const document = decodeEscPos(bytes, charsetsFor(profile));
      let png: Buffer | null = null;
      const ticket: PrintedTicket = {
        jobId: job.id,
        printedAt: now(),
        bytes: bytes.length,
        document,
        get png() {
          return (png ??= renderPreview(document, profile.dotsPerLine));
        },
      };
      printed.unshift(ticket);
      printed.length = Math.min(printed.length, keep);
      return { ok: true, jobId: job.id, printedAt: ticket.printedAt, confirmed: true, bytes: bytes.length };
    },
    status: () => status.current(),
    onStatus: (listener) => status.subscribe(listener),
    recent: () => printed,
    simulateStatus: (next) => status.set(next),
    async close() {
      closed = true;
      status.clear();
    },
  };
}
