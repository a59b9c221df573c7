import { accept, refuse, type DecideContext, type Decision } from './decision.ts';
import { finalStatuses } from './model.ts';

/** Staff cancel a ticket that will not be served (left the building, issued by mistake). */
export function cancelTicket(ctx: DecideContext, ticketId: string, reason: string | null): Decision {
  const t = ctx.state.tickets.get(ticketId);
  if (!t) return refuse('unknown_ticket');
  if (finalStatuses.has(t.status)) return refuse('ticket_closed');
  return accept({ type: 'ticket.cancelled', ticketId, reason });
}

/** The maximum level of the configured rating scale: three faces or five stars. */
export type RatingScale = 3 | 5;

/** A citizen rates a finished ticket once; the level counts up from 1 (least satisfied). */
export function rateTicket(ctx: DecideContext, ticketId: string, level: number, reason: string | null, scale: RatingScale): Decision {
  const t = ctx.state.tickets.get(ticketId);
  if (!t) return refuse('unknown_ticket');
  if (t.status !== 'finished') return refuse('ticket_not_finished');
  if (t.rating) return refuse('already_rated');
  if (!Number.isInteger(level) || level < 1 || level > scale) return refuse('invalid_rating', { max: scale });
  return accept({ type: 'ticket.rated', ticketId, level, reason });
}
