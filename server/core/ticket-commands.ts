import { counterMayCall } from './call-order.ts';
import { accept, asAct, refuse, type DecideContext, type Decision } from './decision.ts';
import { finalStatuses, type RatingScale, type Ticket } from './model.ts';

export type { RatingScale };

/**
 * Staff cancel a ticket that will not be served (left the building, issued by mistake). From a
 * counter (`counterId`) a clerk touches only what that counter may: the ticket at the counter
 * or parked there, and the tickets waiting for its services (issue 14: a clerk at counter 1
 * cancelled the ticket being served at counter 2). Null: an admin away from any counter.
 */
export function cancelTicket(ctx: DecideContext, ticketId: string, reason: string | null, counterId: number | null): Decision {
  const t = ctx.state.tickets.get(ticketId);
  if (!t) return refuse('unknown_ticket');
  if (finalStatuses.has(t.status)) return refuse('ticket_closed');
  if (counterId === null) return accept({ type: 'ticket.cancelled', ticketId, reason });
  if (!counterMayTouch(ctx, counterId, t)) return refuse('ticket_not_at_counter', { label: t.label, counterId });
  return asAct(accept({ type: 'ticket.cancelled', ticketId, reason, counterId }), counterId, 'cancel');
}

/** The tickets of its own counter (called, served or parked there) and those waiting for the services it serves. */
export function counterMayTouch(ctx: DecideContext, counterId: number, t: Ticket): boolean {
  const counter = ctx.config.counters.find((c) => c.id === counterId);
  if (!counter) return false;
  if (t.status === 'waiting') return counterMayCall(counter, t);
  return t.counterId === counterId;
}

/**
 * A citizen rates a finished ticket once, on the scale the tablet showed; the level counts up
 * from 1 (least satisfied). The rating keeps its scale and the ticket's dossier code.
 */
export function rateTicket(ctx: DecideContext, ticketId: string, level: number, reason: string | null, scale: RatingScale): Decision {
  const t = ctx.state.tickets.get(ticketId);
  if (!t) return refuse('unknown_ticket');
  if (t.status !== 'finished') return refuse('ticket_not_finished');
  if (t.rating) return refuse('already_rated');
  if (!Number.isInteger(level) || level < 1 || level > scale) return refuse('invalid_rating', { max: scale });
  return accept({ type: 'ticket.rated', ticketId, level, reason, scale, dossierCode: t.dossierCode });
}
