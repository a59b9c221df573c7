import type { TicketPrinter as DevicePrinter, PrinterStatus } from '../../hardware/printer/index.ts';
import { parseTicketLayout } from '../../hardware/printer/index.ts';
import type { PrinterState, PrintOutcome } from '../../protocol/views.ts';
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
        estimatedWaitMinutes: t.ticket.estimatedWaitMinutes,
        issuedAt: t.ticket.issuedAt,
        timeZone: options.timeZone(),
        qrUrl: t.followUrl,
        papers: t.papers.slice(0, 6),
        ...(t.hotline && { footer: `Hotline: ${t.hotline}` }),
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
    onState(listener) {
      return device.onStatus((s) => listener(printerState(s, options.isVirtual)));
    },
    close: () => device.close(),
  };
}
