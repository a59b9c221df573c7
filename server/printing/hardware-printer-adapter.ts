import type { TicketPrinter as DevicePrinter, PrinterStatus, SerialPrinter, VirtualPrinter } from '../../hardware/printer/index.ts';
import type { PrintedJobView } from '../../protocol/admin.ts';
import { parseTicketLayout } from '../../hardware/printer/index.ts';
import type { PrinterState, PrintOutcome, WaitEstimate } from '../../protocol/views.ts';
import { printableStates } from '../views/kiosk-view.ts';
import { logger } from '../log.ts';
import type { TicketPrinter, TicketToPrint } from './ticket-printer.ts';

const log = logger('printing');

/** The driver's status as the kiosk and admin see it. */
export function printerState(status: PrinterStatus, isVirtual: boolean): PrinterState {
  switch (status.state) {
    case 'ready':
      return status.paperNearEnd ? 'paper_near_end' : isVirtual ? 'virtual' : 'ready';
    case 'paper-end':
      return 'paper_out';
    case 'cover-open':
      return 'cover_open';
    case 'no-reply':
      return 'no_reply';
    case 'offline':
    case 'disconnected':
      return 'offline';
  }
}

/**
 * Connects the queue to a printer driver (serial or virtual). A ticket goes to the printer only
 * when the printer can print it now: a citizen who saw "take your number on screen" must not
 * find a stale paper ticket printed for them ten minutes later.
 */
export function adaptPrinter(device: DevicePrinter, options: { isVirtual: boolean; timeZone: () => string }): TicketPrinter {
  const state = () => printerState(device.status(), options.isVirtual);
  return {
    state,
    async print(t: TicketToPrint): Promise<PrintOutcome> {
      const now = state();
      if (!printableStates.has(now)) return { kind: 'unavailable', reason: now };
      const layout = parseTicketLayout({
        language: 'vi',
        centreName: t.ticket.centreName.vi,
        number: t.ticket.label,
        serviceName: t.ticket.serviceName.vi,
        counters: t.counters.map((c) => String(c.id)),
        peopleAhead: t.ticket.peopleAhead,
        estimatedWaitMinutes: printedWaitMinutes(t.ticket.wait),
        issuedAt: t.ticket.issuedAt,
        timeZone: options.timeZone(),
        qrUrl: t.followUrl,
        papers: t.papers.slice(0, 6),
        ...(footerOf(t) && { footer: footerOf(t) }),
      });
      if (!layout.ok) {
        log.error('ticket layout refused', { issues: layout.issues });
        return { kind: 'unavailable', reason: 'layout' };
      }
      // The job runs on; its outcome reaches the admin through the driver's status and job list.
      device.print({ id: t.ticket.id, layout: layout.layout }).then(
        (r) => (r.ok ? undefined : log.warn('ticket not printed', { jobId: r.jobId, reason: r.reason })),
        (e: unknown) => log.error('print failed', { error: e }),
      );
      return { kind: 'queued', jobId: t.ticket.id };
    },
    recent: () => recentJobs(device),
    preview: (jobId) => (isVirtual(device) ? (device.recent().find((p) => p.jobId === jobId)?.png ?? null) : null),
    async reprint(jobId) {
      const now = state();
      if (!printableStates.has(now)) return { kind: 'unavailable', reason: now };
      const r = await device.reprint(jobId);
      return r.ok ? { kind: 'queued', jobId } : { kind: 'unavailable', reason: r.reason };
    },
    onState(listener) {
      return device.onStatus((s) => listener(printerState(s, options.isVirtual)));
    },
    close: () => device.close(),
  };
}

/**
 * The paper's one wait figure until the layout prints the shared range text: the top of the
 * range, and nothing at all while service has not started (no "your turn is near" on a ticket
 * taken before opening or over lunch).
 */
function printedWaitMinutes(wait: WaitEstimate): number | null {
  if (wait.kind === 'soon') return 0;
  return wait.kind === 'range' && wait.startsAt === null ? wait.toMinutes : null;
}

function footerOf(t: TicketToPrint): string {
  return t.footer || (t.hotline ? `Hotline: ${t.hotline}` : '');
}

function isVirtual(device: DevicePrinter): device is VirtualPrinter {
  return typeof (device as Partial<VirtualPrinter>).recent === 'function';
}

function isSerial(device: DevicePrinter): device is SerialPrinter {
  return typeof (device as Partial<SerialPrinter>).jobs === 'function';
}

/** The virtual printer remembers what it printed with previews; the serial one its job queue. */
function recentJobs(device: DevicePrinter): PrintedJobView[] {
  if (isVirtual(device)) {
    return device.recent().map((p) => ({ jobId: p.jobId, printedAt: p.printedAt, state: 'printed', hasPreview: true, bytes: p.bytes }));
  }
  if (isSerial(device)) {
    return device
      .jobs()
      .slice(-50)
      .reverse()
      .map((j) => ({ jobId: j.id, printedAt: null, state: j.state, hasPreview: false, bytes: null }));
  }
  return [];
}
