import type { CounterConfig } from '../../protocol/site-config.ts';
import { chooseNext, counterMayCall } from './call-order.ts';
import { accept, asAct, refuse, type DecideContext, type Decision } from './decision.ts';
import type { QueueEventDraft, Ticket } from './model.ts';
import { counterState } from './queue-state.ts';
import { decideUndo } from './undo.ts';

/**
 * How soon after a call (or recall) a Next, or a call of another ticket, is taken for a slip
 * and refused instead of finishing the ticket just called (issue 14: two presses 0.4 s apart
 * marked an elderly citizen served). On the monotonic clock.
 */
export const NEXT_GUARD_MS = 5_000;

/** What a clerk (console or call button) asks of the counter they are signed in to. */
export type CounterCommand =
  /** `dossierCode`: given at the finish of whoever is at the counter. */
  | { kind: 'next'; dossierCode?: string }
  | { kind: 'recall' }
  | { kind: 'start' }
  | { kind: 'finish'; dossierCode?: string }
  | { kind: 'no_show' }
  | { kind: 'transfer'; toServiceId?: string; toCounterId?: number }
  | { kind: 'park' }
  | { kind: 'resume_ticket'; ticketId: string }
  | { kind: 'call_ticket'; ticketId: string }
  | { kind: 'pause'; reason: string }
  | { kind: 'resume' }
  | { kind: 'open' }
  | { kind: 'close' }
  /** Undo the counter's last action (see `undo.ts`). */
  | { kind: 'undo' }
  /** A clerk takes over a counter another clerk holds (shift change). */
  | { kind: 'take_over'; clerkId: string };

export function decideCounter(ctx: DecideContext, counterId: number, cmd: CounterCommand): Decision {
  const counter = ctx.config.counters.find((c) => c.id === counterId);
  if (!counter) return refuse('unknown_counter');
  const c = counterState(ctx.state, counterId);
  const current = c.currentTicketId ? (ctx.state.tickets.get(c.currentTicketId) ?? null) : null;
  switch (cmd.kind) {
    case 'next': {
      const before = prepareToCall(ctx, counterId, current, cmd.dossierCode);
      if ('refusal' in before) return before.refusal;
      const t = chooseNext(ctx.config, ctx.state, counter, ctx.now);
      const called: QueueEventDraft[] = t ? [{ type: 'ticket.called', ticketId: t.id, counterId, how: 'next' }] : [];
      return asAct(accept(...before.events, ...called), counterId, 'next');
    }
    case 'call_ticket':
    case 'resume_ticket': {
      const t = ctx.state.tickets.get(cmd.ticketId);
      const refusal = checkCallable(counter, t, cmd.kind);
      if (refusal) return refusal;
      const before = prepareToCall(ctx, counterId, current);
      if ('refusal' in before) return before.refusal;
      const how = cmd.kind === 'call_ticket' ? 'chosen' : 'resumed';
      return asAct(accept(...before.events, { type: 'ticket.called', ticketId: t!.id, counterId, how }), counterId, 'call');
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
      return asAct(accept(finished(current, counterId, cmd.dossierCode)), counterId, 'finish');
    case 'no_show':
      if (!current) return refuse('no_current_ticket');
      if (current.status !== 'called') return refuse('ticket_being_served');
      return asAct(accept({ type: 'ticket.no_show', ticketId: current.id, counterId }), counterId, 'no_show');
    case 'transfer':
      return asAct(transfer(ctx, counter, current, cmd), counterId, 'transfer');
    case 'park':
      if (!current) return refuse('no_current_ticket');
      return asAct(accept({ type: 'ticket.parked', ticketId: current.id, counterId }), counterId, 'park');
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
    case 'undo':
      return decideUndo(ctx, counterId);
    case 'take_over':
      // Nothing to hand over on a closed counter or to the clerk already holding it.
      if (c.status === 'closed' || c.clerkId === cmd.clerkId) return accept();
      return accept({ type: 'counter.taken_over', counterId, fromClerkId: c.clerkId });
  }
}

function finished(t: Ticket, counterId: number, dossierCode: string | undefined): QueueEventDraft {
  return { type: 'ticket.finished', ticketId: t.id, counterId, ...(dossierCode !== undefined && { dossierCode }) };
}

/**
 * Calling someone new finishes whoever is at the counter (one press does the common thing)
 * and opens a closed counter; a paused counter calls nobody until it is resumed. Whoever was
 * called only seconds ago is not finished: the press is taken for a slip ({@link NEXT_GUARD_MS}).
 */
function prepareToCall(
  ctx: DecideContext,
  counterId: number,
  current: Ticket | null,
  dossierCode?: string,
): { events: QueueEventDraft[] } | { refusal: Decision } {
  const c = counterState(ctx.state, counterId);
  if (c.status === 'paused') return { refusal: refuse('counter_paused') };
  const call = ctx.recent?.memory.lastCall(counterId);
  if (current && ctx.recent && call?.ticketId === current.id && ctx.recent.monotonic - call.at < NEXT_GUARD_MS)
    return { refusal: refuse('next_too_soon', { label: current.label, seconds: NEXT_GUARD_MS / 1000 }) };
  const events: QueueEventDraft[] = [];
  if (c.status === 'closed') events.push({ type: 'counter.opened', counterId: c.id });
  if (current) events.push(finished(current, counterId, dossierCode));
  return { events };
}

function checkCallable(counter: CounterConfig, t: Ticket | undefined, kind: 'call_ticket' | 'resume_ticket'): Decision | null {
  if (!t) return refuse('unknown_ticket');
  if (kind === 'resume_ticket') {
    if (t.status !== 'parked') return refuse('ticket_not_parked');
    // A parked ticket stays its counter's: another counter does not take it (issue 14).
    if (t.counterId !== counter.id) return refuse('ticket_not_at_counter', { label: t.label, counterId: counter.id });
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
