import type { PrintFailure, PrinterStatus } from '../../hardware/printer/index.ts';
import type { PrintFailureReason, PrinterState } from '../../protocol/printers.ts';

/** The driver's status as kiosks and the admin see it. */
export function printerState(status: PrinterStatus, isVirtual: boolean): PrinterState {
  switch (status.state) {
    case 'ready':
      return status.paperNearEnd ? 'paper_near_end' : isVirtual ? 'virtual' : 'ready';
    case 'unknown':
      return 'unknown';
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

/** A driver's failure as the kiosk words it. */
export function failureReason(failure: PrintFailure): PrintFailureReason {
  switch (failure) {
    case 'paper-end':
      return 'paper_out';
    case 'cover-open':
      return 'cover_open';
    case 'no-reply':
      return 'no_reply';
    case 'offline':
    case 'disconnected':
      return 'offline';
    case 'interrupted':
      return 'interrupted';
    case 'closed':
      return 'closed';
  }
}

/** Why a printer in this state does not get the job at all. */
export function unprintableReason(state: PrinterState): PrintFailureReason {
  switch (state) {
    case 'paper_out':
    case 'cover_open':
    case 'offline':
    case 'no_reply':
    case 'no_printer':
      return state;
    default:
      return 'failed';
  }
}
