import type { DeviceLog } from '../device-log.ts';
import { decodeEscPos, charsetsFor, type PrintedDocument } from './escpos-decoder.ts';
import { renderPreview } from './preview-render.ts';
import { printerProfile, type PrinterProfile } from './printer-profile.ts';
import { encodeTicket } from './ticket-encoder.ts';
import { StatusBroadcaster, type PrintJob, type PrintResult, type PrinterStatus, type TicketPrinter } from './ticket-printer.ts';

/** A day's tickets at a busy centre, with room to spare. */
const MAX_REMEMBERED_JOBS = 5000;

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
  /** Defaults to the default 80 mm raster profile. */
  profile?: PrinterProfile;
  /** How many printed tickets to keep in memory. Defaults to 20. */
  keep?: number;
  /** Defaults to `Date.now`. */
  now?: () => number;
  /** Where status changes are told (the server passes `logger('printer')`). */
  log: DeviceLog;
}

/** The virtual printer: the {@link TicketPrinter} interface plus the last tickets it printed. */
export interface VirtualPrinter extends TicketPrinter {
  /** Newest first. */
  recent(): readonly PrintedTicket[];
  /** Make the printer report a fault (or `ready` again), as a demo or test of the kiosk's warnings. */
  simulateStatus(status: PrinterStatus): void;
}

/**
 * A printer that decodes the bytes motcua would send and keeps a PNG preview of each ticket.
 * The server uses it when no printer is configured; tests use it for golden previews. It goes
 * through the same encoder as the serial printer, so a preview shows exactly those bytes.
 */
export function createVirtualPrinter(options: VirtualPrinterOptions): VirtualPrinter {
  const profile = options.profile ?? printerProfile();
  const keep = options.keep ?? 20;
  const now = options.now ?? Date.now;
  const printed: PrintedTicket[] = [];
  // Jobs and results are kept for reprint and de-duplication; bounded so a long day does not grow memory.
  const results = new Map<string, PrintResult>();
  const lastJobs = new Map<string, PrintJob>();
  const remember = (job: PrintJob, result: PrintResult): void => {
    lastJobs.delete(job.id);
    lastJobs.set(job.id, job);
    results.set(job.id, result);
    for (const id of lastJobs.keys()) {
      if (lastJobs.size <= MAX_REMEMBERED_JOBS) break;
      lastJobs.delete(id);
      results.delete(id);
    }
  };
  const status = new StatusBroadcaster({ state: 'ready', paperNearEnd: false }, options.log);
  let closed = false;

  const printNow = (job: PrintJob): PrintResult => {
    const current = status.current();
    if (closed) return { ok: false, jobId: job.id, reason: 'closed' };
    if (current.state !== 'ready') return { ok: false, jobId: job.id, reason: current.state };
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
    return { ok: true, jobId: job.id, printedAt: ticket.printedAt };
  };

  return {
    async print(job) {
      // Same contract as the serial printer: a job id prints once; asking again returns the first result.
      const previous = results.get(job.id);
      if (previous?.ok) return previous;
      const result = printNow(job);
      remember(job, result);
      return result;
    },
    async reprint(jobId) {
      const job = lastJobs.get(jobId);
      if (!job) return { ok: false, jobId, reason: 'unknown-job' };
      const result = printNow(job);
      remember(job, result);
      return result;
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
