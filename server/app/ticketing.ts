import type * as v from 'valibot';
import type { IssueTicketPayload } from '../../protocol/commands.ts';
import type { Result } from '../../protocol/result.ts';
import type { IssuedTicket } from '../../protocol/views.ts';
import { actorOf, isKiosk, type Principal } from '../auth/principal.ts';
import { ticketRef } from '../auth/tokens.ts';
import type { Lang } from '../i18n.ts';
import { countersServing, ticketPublicView } from '../views/ticket-view.ts';
import type { AppContext } from './context.ts';
import { failure } from './results.ts';

/**
 * Issue a ticket for a kiosk (or staff at a help desk). One path for Socket.IO and HTTP, whose
 * callers have parsed the payload and enforced the policy: rate-limit, decide and write durably,
 * then print and acknowledge.
 */
export async function issueTicket(
  ctx: AppContext,
  principal: Principal,
  issue: v.InferOutput<typeof IssueTicketPayload>,
  lang: Lang,
): Promise<Result<IssuedTicket>> {
  const timeZone = ctx.site.get().centre.timeZone;
  if (isKiosk(principal)) {
    const wait = ctx.issueLimit.take(principal.device.id, ctx.clock());
    if (wait > 0) return failure(ctx.translator, lang, { code: 'rate_limited', params: { seconds: wait } }, timeZone);
  }
  const outcome = await ctx.engine.execute(
    {
      kind: 'issue',
      issue: {
        serviceId: issue.serviceId,
        procedureCode: issue.procedureCode ?? null,
        priorityGroup: issue.priorityGroup ?? null,
        source: principal.role === 'user' ? 'staff' : 'kiosk',
      },
    },
    actorOf(principal),
  );
  if (!outcome.ok) return failure(ctx.translator, lang, outcome.refusal, timeZone);
  const issued = outcome.events[0];
  if (issued?.type !== 'ticket.issued') throw new Error('issue decided no ticket');
  return { ok: true, value: await confirmation(ctx, issued.ticketId) };
}

/** The kiosk's confirmation, made from the durable state, and the print job for it. */
async function confirmation(ctx: AppContext, ticketId: string): Promise<IssuedTicket> {
  const config = ctx.site.get();
  const state = ctx.engine.state;
  const t = state.tickets.get(ticketId)!;
  const ref = ticketRef(ctx.auth.secret, t.id);
  const followUrl = `${ctx.settings.publicUrl}/t/${ref}`;
  const ticket = ticketPublicView(config, state, t, ctx.clock());
  const counters = countersServing(config, t.serviceId);
  const print = await ctx.printer.print({
    ticket,
    followUrl,
    counters,
    hotline: config.centre.hotline,
    footer: config.centre.ticketFooter,
    papers: ctx.catalogue.papersFor(t.procedureCode),
  });
  return { ticket, ref, followUrl, counters, print };
}
