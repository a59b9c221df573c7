import { KioskPrinterPayload, ReprintPayload } from '../../protocol/commands.ts';
import { audit } from '../app/audited-change.ts';
import type { AppContext } from '../app/context.ts';
import { assignKioskPrinter, printersView, removePrinter, savePrinter } from '../app/printer-settings.ts';
import { failure, parsePayload } from '../app/results.ts';
import { printTestTicket, reprintTicket } from '../app/ticket-paper.ts';
import { httpError, okResponse } from './http-results.ts';
import type { IncomingRequest, Refused, Router } from './router.ts';

/**
 * The printers: set-up (model, transport, Vietnamese mode), which kiosk prints where, test
 * tickets, the last prints with previews, and reprints of any ticket of the day.
 */
export function addPrinterRoutes(router: Router, ctx: AppContext): void {
  const invalid = (r: IncomingRequest, problems: string[]): Refused => ({
    status: 400,
    result: failure(
      ctx.translator,
      r.lang,
      { code: 'admin:config.invalid', params: { detail: problems.slice(0, 5).join('; ') } },
      ctx.site.get().centre.timeZone,
    ),
  });

  router.add('printers', () => okResponse(printersView(ctx)));

  router.add('savePrinter', async (r) => {
    const body = await r.body();
    const before = ctx.printing.settings().printers.find((p) => p.id === r.params.id) ?? null;
    const saved = await savePrinter(ctx, { ...(typeof body === 'object' && body), id: r.params.id });
    if (!saved.ok) return invalid(r, saved.problems);
    await audit(ctx, r.principal, 'printer.saved', r.params.id, {
      before,
      after: ctx.printing.settings().printers.find((p) => p.id === r.params.id),
    });
    return okResponse(printersView(ctx));
  });

  router.add('removePrinter', async (r) => {
    const removed = await removePrinter(ctx, r.params.id);
    if (removed === 'not_found') return httpError(ctx, r, 'not_found');
    if (!removed.ok) return invalid(r, removed.problems);
    await audit(ctx, r.principal, 'printer.removed', r.params.id);
    return okResponse(printersView(ctx));
  });

  router.add('kioskPrinter', async (r) => {
    const p = parsePayload(KioskPrinterPayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    if (!ctx.auth.devices().some((d) => d.id === r.params.id && d.kind === 'kiosk' && d.revokedAt === null))
      return httpError(ctx, r, 'not_found');
    const saved = await assignKioskPrinter(ctx, r.params.id, p.value.printerId);
    if (!saved.ok) return invalid(r, saved.problems);
    await audit(ctx, r.principal, 'printer.kiosk_assigned', r.params.id, { after: p.value.printerId });
    return okResponse(printersView(ctx));
  });

  router.add('testPrint', async (r) => {
    if (!ctx.printing.settings().printers.some((p) => p.id === r.params.id)) return httpError(ctx, r, 'not_found');
    return okResponse(await printTestTicket(ctx, r.params.id));
  });

  router.add('printerPreview', (r) => {
    const png = ctx.printing.preview(r.params.id, r.params.ticketId);
    if (!png) return httpError(ctx, r, 'not_found');
    r.res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'private, max-age=60' });
    r.res.end(png);
    return null;
  });

  // Any ticket of the day, rebuilt from the durable ticket: also one issued before a restart.
  router.add('reprint', async (r) => {
    const p = parsePayload(ReprintPayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    const { ticketId, label } = p.value;
    const found = [...ctx.engine.state.tickets.values()].filter((t) => (ticketId ? t.id === ticketId : t.label === label));
    if (found.length === 0) return httpError(ctx, r, 'unknown_ticket');
    if (found.length > 1) return httpError(ctx, r, 'admin:printer.label_ambiguous', { label: label ?? '' });
    const ticket = found[0]!;
    const printerId = p.value.printerId ?? lastPrinterOf(ctx, ticket.id) ?? ctx.printing.printerFor(null);
    if (printerId === null || !ctx.printing.settings().printers.some((x) => x.id === printerId)) return httpError(ctx, r, 'not_found');
    const outcome = await reprintTicket(ctx, ticket.id, printerId);
    if (!outcome) return httpError(ctx, r, 'unknown_ticket');
    await audit(ctx, r.principal, 'printer.reprinted', ticket.label, { after: { ticketId: ticket.id, printerId, outcome: outcome.kind } });
    if (outcome.kind === 'not_printed') {
      return httpError(ctx, r, 'admin:printer.reprint_failed', { reason: ctx.translator.t(r.lang, `errors:print.${outcome.reason}`) });
    }
    return okResponse(outcome);
  });
}

/** The printer a ticket was last sent to, from the printers' recent prints. */
function lastPrinterOf(ctx: AppContext, ticketId: string): string | null {
  for (const printer of ctx.printing.settings().printers)
    if (ctx.printing.jobs(printer.id).some((j) => j.ticketId === ticketId)) return printer.id;
  return null;
}
