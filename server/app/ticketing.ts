import type * as v from 'valibot';
import type { IssueTicketPayload } from '../../protocol/commands.ts';
import type { Result } from '../../protocol/result.ts';
import type { IssuedTicket, PrintOutcome } from '../../protocol/views.ts';
import { actorOf, isKiosk, type Principal } from '../auth/principal.ts';
import { ticketRef } from '../auth/tokens.ts';
import type { Lang } from '../i18n.ts';
import { countersServing, ticketPublicView } from '../views/ticket-view.ts';
import type { AppContext } from './context.ts';
import { failure } from './results.ts';
import { followUrlOf, printIssued } from './ticket-paper.ts';

type Issue = v.InferOutput<typeof IssueTicketPayload>;

/** An issue's answer, and when it printed, what the printer did (the answer said `printing`). */
export interface IssueOutcome {
  result: Result<IssuedTicket>;
  printed: Promise<PrintOutcome> | null;
}

/**
 * Issue a ticket for a kiosk (or staff at a help desk). One path for Socket.IO and HTTP, whose
 * callers have parsed the payload and enforced the policy: rate-limit, decide and write durably,
 * then send it to the kiosk's printer and acknowledge; the printer's outcome follows in `printed`.
 */
export async function issueTicket(ctx: AppContext, principal: Principal, issue: Issue, lang: Lang): Promise<IssueOutcome> {
  const result = await decideIssue(ctx, principal, issue, lang);
  if (!result.ok) return { result, printed: null };
  const { first, done } = printIssued(ctx, result.value.ticket.id, isKiosk(principal) ? principal.device.id : null);
  return { result: { ok: true, value: { ...result.value, print: first } }, printed: first.kind === 'printing' ? done : null };
}

async function decideIssue(ctx: AppContext, principal: Principal, issue: Issue, lang: Lang): Promise<Result<Omit<IssuedTicket, 'print'>>> {
  const timeZone = ctx.site.get().centre.timeZone;
  if (isKiosk(principal)) {
    const wait = ctx.guards.kioskIssue.take(principal.device.id);
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
  return { ok: true, value: confirmation(ctx, issued.ticketId) };
}

/** The kiosk's confirmation, made from the durable state. */
function confirmation(ctx: AppContext, ticketId: string): Omit<IssuedTicket, 'print'> {
  const config = ctx.site.get();
  const state = ctx.engine.state;
  const t = state.tickets.get(ticketId)!;
  return {
    ticket: ticketPublicView(config, state, t, ctx.clock.now()),
    ref: ticketRef(ctx.auth.secret, t.id),
    followUrl: followUrlOf(ctx, t.id),
    counters: countersServing(config, t.serviceId),
  };
}
