import type { WebhookDelivery, WebhookEventType, WebhookTicket } from '../../protocol/webhooks.ts';
import type { QueueEvent, Ticket } from './model.ts';

/** The journal events integrators hear about, by their webhook name. */
const webhookTypes: Partial<Record<QueueEvent['type'], WebhookEventType>> = {
  'ticket.issued': 'ticket.issued',
  'ticket.called': 'ticket.called',
  'ticket.recalled': 'ticket.called',
  'ticket.finished': 'ticket.finished',
  'ticket.no_show': 'ticket.no_show',
  'ticket.rated': 'ticket.rated',
};

/** The webhook an event raises, if any (a recall is a call again: the SMS says "your turn" once more). */
export function webhookTypeOf(type: QueueEvent['type']): WebhookEventType | null {
  return webhookTypes[type] ?? null;
}

/** A ticket as webhooks carry it: what the public board shows, plus its times and rating. */
export function webhookTicket(t: Ticket, ratingScale: 3 | 5): WebhookTicket {
  return {
    id: t.id,
    label: t.label,
    serviceId: t.serviceId,
    counterId: t.counterId,
    status: t.status,
    priority: t.priorityGroup !== null,
    procedureCode: t.procedureCode,
    issuedAt: t.issuedAt,
    calledAt: t.lastCalledAt,
    endedAt: t.endedAt,
    rating: t.rating && { level: t.rating.level, scale: ratingScale },
  };
}

/**
 * The delivery for one journal event, made right after the event is applied so the ticket is
 * as it was then. The id names the event (centre, day, seq): a centre and its hub that both
 * deliver it send the same id, and a receiver drops the second.
 */
export function ticketDelivery(
  event: QueueEvent,
  ticket: Ticket,
  centre: { code: string; name: string; ratingScale: 3 | 5 },
  day: string,
): WebhookDelivery | null {
  const type = webhookTypeOf(event.type);
  if (!type) return null;
  return {
    id: `${centre.code}:${day}:${event.seq}`,
    type,
    occurredAt: event.at,
    centre: { code: centre.code, name: centre.name },
    ticket: webhookTicket(ticket, centre.ratingScale),
  };
}
