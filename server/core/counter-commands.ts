import type { CounterConfig } from '../../protocol/site-config.ts';
import { chooseNext, counterMayCall } from './call-order.ts';
import { accept, refuse, type DecideContext, type Decision } from './decision.ts';
import type { CounterState, QueueEventDraft, Ticket } from './model.ts';
import { counterState } from './queue-state.ts';

/** What a clerk (console or call button) asks of the counter they are signed in to. */
export type CounterCommand =
  | { kind: 'next' }
  | { kind: 'recall' }
  | { kind: 'start' }
  | { kind: 'finish' }
  | { kind: 'no_show' }
  | { kind: 'transfer'; toServiceId?: string; toCounterId?: number }
  | { kind: 'park' }
  | { kind: 'resume_ticket'; ticketId: string }
  | { kind: 'call_ticket'; ticketId: string }
  | { kind: 'pause'; reason: string }
  | { kind: 'resume' }
  | { kind: 'open' }
  | { kind: 'close' };

export function decideCounter(ctx: DecideContext, counterId: number, cmd: CounterCommand): Decision {
  const counter = ctx.config.counters.find((c) => c.id === counterId);
  if (!counter) return refuse('unknown_counter');
  const c = counterState(ctx.state, counterId);
  const current = c.currentTicketId ? (ctx.state.tickets.get(c.currentTicketId) ?? null) : null;
  switch (cmd.kind) {
    case 'next': {
      const before = prepareToCall(c, current);
      if ('refusal' in before) return before.refusal;
      const t = chooseNext(ctx.config, ctx.state, counter, ctx.now);
      const called: QueueEventDraft[] = t ? [{ type: 'ticket.called', ticketId: t.id, counterId, how: 'next' }] : [];
      return accept(...before.events, ...called);
    }
    case 'call_ticket':
    case 'resume_ticket': {
      const t = ctx.state.tickets.get(cmd.ticketId);
      const refusal = checkCallable(counter, t, cmd.kind);
      if (refusal) return refusal;
      const before = prepareToCall(c, current);
      if ('refusal' in before) return before.refusal;
      const how = cmd.kind === 'call_ticket' ? 'chosen' : 'resumed';
      return accept(...before.events, { type: 'ticket.called', ticketId: t!.id, counterId, how });
    }
    case 'recall':
      if (!current) return refuse('no_current_ticket');
      if (current.status !== 'called') return refuse('ticket_not_called');
      if (current.recalls >= ctx.config.centre.maxRecalls) return refuse('recall_limit_reached', { max: ctx.config.centre.maxRecalls });
      return accept({ type: 'ticket.recalled', ticketId: current.id, counterId });
    case 'start':
      if (!current) return refuse('no_current_ticket');
      if (current.status !== 'called') return refuse('ticket_not_called');
      return accept({ type: 'ticket.started', ticketId: current.id, counterId });
    case 'finish':
      if (!current) return refuse('no_current_ticket');
      return accept({ type: 'ticket.finished', ticketId: current.id, counterId });
    case 'no_show':
      if (!current) return refuse('no_current_ticket');
      if (current.status !== 'called') return refuse('ticket_being_served');
      return accept({ type: 'ticket.no_show', ticketId: current.id, counterId });
    case 'transfer':
      return transfer(ctx, counter, current, cmd);
    case 'park':
      if (!current) return refuse('no_current_ticket');
      return accept({ type: 'ticket.parked', ticketId: current.id, counterId });
    case 'pause':
      if (c.status === 'closed') return refuse('counter_closed');
      return accept({ type: 'counter.paused', counterId, reason: cmd.reason });
    case 'resume':
      if (c.status !== 'paused') return refuse('counter_not_paused');
      return accept({ type: 'counter.resumed', counterId });
    case 'open':
      return accept({ type: 'counter.opened', counterId });
    case 'close':
      if (current) return refuse('counter_busy');
      return accept({ type: 'counter.closed', counterId });
  }
}

/**
 * Calling someone new finishes whoever is at the counter (one press does the common thing)
 * and opens a closed counter; a paused counter calls nobody until it is resumed.
 */
function prepareToCall(c: CounterState, current: Ticket | null): { events: QueueEventDraft[] } | { refusal: Decision } {
  if (c.status === 'paused') return { refusal: refuse('counter_paused') };
  const events: QueueEventDraft[] = [];
  if (c.status === 'closed') events.push({ type: 'counter.opened', counterId: c.id });
  if (current) events.push({ type: 'ticket.finished', ticketId: current.id, counterId: c.id });
  return { events };
}

function checkCallable(counter: CounterConfig, t: Ticket | undefined, kind: 'call_ticket' | 'resume_ticket'): Decision | null {
  if (!t) return refuse('unknown_ticket');
  if (kind === 'resume_ticket') {
    if (t.status !== 'parked') return refuse('ticket_not_parked');
    if (t.counterId !== counter.id && !counterMayCall(counter, t)) return refuse('ticket_not_for_counter');
    return null;
  }
  if (t.status !== 'waiting') return refuse('ticket_not_waiting');
  if (!counterMayCall(counter, t)) return refuse('ticket_not_for_counter');
  return null;
}

function transfer(
  ctx: DecideContext,
  counter: CounterConfig,
  current: Ticket | null,
  cmd: { toServiceId?: string; toCounterId?: number },
): Decision {
  if (!current) return refuse('no_current_ticket');
  if ((cmd.toServiceId === undefined) === (cmd.toCounterId === undefined)) return refuse('transfer_target_required');
  const keepArrival = ctx.config.centre.transferKeepsArrival;
  if (cmd.toCounterId !== undefined) {
    if (cmd.toCounterId === counter.id) return refuse('transfer_to_same');
    if (!ctx.config.counters.some((k) => k.id === cmd.toCounterId)) return refuse('unknown_counter');
    return accept({
      type: 'ticket.transferred',
      ticketId: current.id,
      fromCounterId: counter.id,
      toServiceId: current.serviceId,
      toCounterId: cmd.toCounterId,
      keepArrival,
    });
  }
  const service = ctx.config.services.find((s) => s.id === cmd.toServiceId && s.enabled);
  if (!service) return refuse('unknown_service');
  if (service.id === current.serviceId) return refuse('transfer_to_same');
  return accept({
    type: 'ticket.transferred',
    ticketId: current.id,
    fromCounterId: counter.id,
    toServiceId: service.id,
    toCounterId: null,
    keepArrival,
  });
}
