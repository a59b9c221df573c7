import { sampleTicketLayout, type TicketLayoutInput } from '../../hardware/printer/index.ts';
import type { PrintOutcome } from '../../protocol/printers.ts';
import { ticketRef } from '../auth/tokens.ts';
import type { PrintStarted } from '../printing/ticket-printing.ts';
import { countersServing, ticketPublicView } from '../views/ticket-view.ts';
import type { AppContext } from './context.ts';

/** The follow page of a ticket, the address its QR code carries. */
export function followUrlOf(ctx: AppContext, ticketId: string): string {
  return `${ctx.settings.publicUrl}/t/${ticketRef(ctx.auth.secret, ticketId)}`;
}

/**
 * The paper of a ticket, made from the durable ticket (the engine's state) and the centre's
 * config and catalogue as they are now: the same at issue and at any reprint of the day, also
 * after a restart. `null` for a ticket that is not today's.
 */
export function ticketLayoutOf(ctx: AppContext, ticketId: string): TicketLayoutInput | null {
  const config = ctx.site.get();
  const state = ctx.engine.state;
  const t = state.tickets.get(ticketId);
  if (!t) return null;
  const view = ticketPublicView(config, state, t, ctx.clock.now());
  const group = config.centre.priorityGroups.find((g) => g.id === t.priorityGroup);
  return {
    language: 'vi',
    centreName: config.centre.name.vi,
    number: t.label,
    serviceName: view.serviceName.vi,
    ...(group && { priorityGroup: group.name.vi }),
    counters: countersServing(config, t.serviceId).map((c) => String(c.id)),
    // A ticket already called has no wait left to print (its view says `unknown`, which means no counter open).
    wait: t.status === 'waiting' ? view.wait : null,
    issuedAt: t.issuedAt,
    timeZone: config.centre.timeZone,
    qrUrl: followUrlOf(ctx, t.id),
    dossier: ctx.catalogue.dossierFor(t.procedureCode),
    ...(config.centre.hotline && { hotline: config.centre.hotline }),
    ...(config.centre.ticketFooter && { footer: config.centre.ticketFooter }),
  };
}

/** Prints a ticket on the printer of the kiosk that issued it (staff issues: the first printer). */
export function printIssued(ctx: AppContext, ticketId: string, kioskId: string | null): PrintStarted {
  return printOn(ctx, ctx.printing.printerFor(kioskId), ticketId, false);
}

/** Prints a ticket of the day again, on the printer asked for; `null` for a ticket that is not today's. */
export function reprintTicket(ctx: AppContext, ticketId: string, printerId: string): Promise<PrintOutcome> | null {
  if (!ctx.engine.state.tickets.has(ticketId)) return null;
  return printOn(ctx, printerId, ticketId, true).done;
}

/** A test ticket (marked so, with the centre's name and hotline) on one printer. */
export function printTestTicket(ctx: AppContext, printerId: string): Promise<PrintOutcome> {
  const config = ctx.site.get();
  const layout = sampleTicketLayout({
    test: true,
    centreName: config.centre.name.vi,
    issuedAt: ctx.clock.now(),
    timeZone: config.centre.timeZone,
    qrUrl: `${ctx.settings.publicUrl}/kiosk/`,
    ...(config.centre.hotline && { hotline: config.centre.hotline }),
  });
  return ctx.printing.print(printerId, { ticketId: `test-${ctx.clock.now()}`, label: layout.number, layout, reprint: true }).done;
}

function printOn(ctx: AppContext, printerId: string | null, ticketId: string, reprint: boolean): PrintStarted {
  const layout = ticketLayoutOf(ctx, ticketId);
  const label = ctx.engine.state.tickets.get(ticketId)?.label ?? ticketId;
  if (!layout) {
    const outcome: PrintOutcome = { kind: 'not_printed', printerId, reason: 'failed' };
    return { first: outcome, done: Promise.resolve(outcome) };
  }
  return ctx.printing.print(printerId, { ticketId, label, layout, reprint });
}
