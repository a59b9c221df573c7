import type { Actor, QueueEvent, Ticket } from './model.ts';
import {
  assignCounter,
  counterState,
  touchCounter,
  markWaiting,
  recordCall,
  serviceTimeWindow,
  unmarkWaiting,
  type QueueState,
} from './queue-state.ts';
import { applyUndo } from './undo.ts';

/** Why an event cannot be folded into the state (journal recovery sets such events aside). */
export type NotApplicable = 'out_of_sequence' | 'unknown_ticket' | 'duplicate_ticket';

/**
 * Whether the event fits the state: it comes after the last one applied, and names a ticket
 * the day has (or, for an issue, one it does not have yet). A gap in the seqs is allowed: it is
 * where a damaged journal line was set aside.
 */
export function whyNotApplicable(state: QueueState, e: QueueEvent): NotApplicable | null {
  if (e.seq <= state.seq) return 'out_of_sequence';
  if (e.type === 'ticket.issued') return state.tickets.has(e.ticketId) ? 'duplicate_ticket' : null;
  if ('ticketId' in e && !state.tickets.has(e.ticketId)) return 'unknown_ticket';
  if (e.type === 'counter.undone' && e.tickets.some((t) => !state.tickets.has(t.id))) return 'unknown_ticket';
  return null;
}

/**
 * Folds one event into the state. Events are facts already decided and on disk, so this
 * never refuses; an event that does not fit is a bug and throws before changing anything
 * (recovery checks {@link whyNotApplicable} first).
 */
export function applyEvent(state: QueueState, e: QueueEvent): void {
  const why = whyNotApplicable(state, e);
  if (why) throw new Error(`event ${e.seq} (${e.type}) does not apply after ${state.seq}: ${why}`);
  state.seq = e.seq;
  applyTo(state, e);
  // Whatever counter the ticket is (or was) at sees its figures change.
  if ('ticketId' in e) touchCounter(state, state.tickets.get(e.ticketId)?.counterId ?? null);
  if (e.type === 'ticket.transferred') touchCounter(state, e.fromCounterId);
}

function applyTo(state: QueueState, e: QueueEvent): void {
  switch (e.type) {
    case 'ticket.issued': {
      const t: Ticket = {
        id: e.ticketId,
        serviceId: e.serviceId,
        issuedServiceId: e.serviceId,
        number: e.number,
        label: e.label,
        priorityGroup: e.priorityGroup,
        procedureCode: e.procedureCode,
        issuedAt: e.at,
        queuedAt: e.at,
        issuedSeq: e.seq,
        queuedSeq: e.seq,
        status: 'waiting',
        counterId: null,
        targetCounterId: null,
        firstCalledAt: null,
        lastCalledAt: null,
        recalls: 0,
        startedAt: null,
        endedAt: null,
        transfers: 0,
        clerkId: null,
        dossierCode: null,
        rating: null,
      };
      state.tickets.set(t.id, t);
      markWaiting(state, t.id, t.serviceId);
      state.issuedByService.set(e.serviceId, (state.issuedByService.get(e.serviceId) ?? 0) + 1);
      // Never lower: a journal from before the data-directory lock may hold a number twice.
      state.lastNumberByService.set(e.serviceId, Math.max(e.number, state.lastNumberByService.get(e.serviceId) ?? 0));
      return;
    }
    case 'ticket.called': {
      const t = ticket(state, e.ticketId);
      const c = counterState(state, e.counterId);
      t.status = 'called';
      assignCounter(state, t, e.counterId);
      state.parked.delete(t.id);
      t.counterId = e.counterId;
      t.targetCounterId = null;
      t.firstCalledAt ??= e.at;
      t.lastCalledAt = e.at;
      t.startedAt = null;
      t.clerkId = userOf(e.by) ?? c.clerkId;
      unmarkWaiting(state, t.id, t.serviceId);
      recordCall(state, t.id);
      c.currentTicketId = t.id;
      c.callsByService[t.serviceId] = (c.callsByService[t.serviceId] ?? 0) + 1;
      if (e.how === 'next') c.priorityStreak = t.priorityGroup ? c.priorityStreak + 1 : 0;
      return;
    }
    case 'ticket.recalled': {
      const t = ticket(state, e.ticketId);
      t.recalls += 1;
      t.lastCalledAt = e.at;
      credit(state, t, e.by, e.counterId);
      recordCall(state, t.id);
      return;
    }
    case 'ticket.started': {
      const t = ticket(state, e.ticketId);
      t.status = 'serving';
      t.startedAt = e.at;
      credit(state, t, e.by, e.counterId);
      return;
    }
    case 'ticket.finished': {
      const t = ticket(state, e.ticketId);
      t.status = 'finished';
      t.startedAt ??= e.at;
      t.endedAt = e.at;
      if (e.dossierCode !== undefined) t.dossierCode = e.dossierCode;
      credit(state, t, e.by, e.counterId);
      release(state, e.counterId, t.id);
      recordServiceTime(state, t.serviceId, e.at - (t.lastCalledAt ?? e.at));
      return;
    }
    case 'ticket.no_show': {
      const t = ticket(state, e.ticketId);
      t.status = 'no_show';
      t.endedAt = e.at;
      credit(state, t, e.by, e.counterId);
      release(state, e.counterId, t.id);
      return;
    }
    case 'ticket.transferred': {
      const t = ticket(state, e.ticketId);
      if (e.fromCounterId !== null) {
        credit(state, t, e.by, e.fromCounterId);
        release(state, e.fromCounterId, t.id);
      }
      unmarkWaiting(state, t.id, t.serviceId);
      state.parked.delete(t.id);
      t.serviceId = e.toServiceId;
      t.targetCounterId = e.toCounterId;
      t.status = 'waiting';
      t.startedAt = null;
      t.queuedAt = e.keepArrival ? t.issuedAt : e.at;
      t.queuedSeq = e.keepArrival ? t.issuedSeq : e.seq;
      t.transfers += 1;
      markWaiting(state, t.id, t.serviceId);
      return;
    }
    case 'ticket.parked': {
      const t = ticket(state, e.ticketId);
      t.status = 'parked';
      credit(state, t, e.by, e.counterId);
      state.parked.add(t.id);
      release(state, e.counterId, t.id);
      return;
    }
    case 'ticket.cancelled': {
      const t = ticket(state, e.ticketId);
      if (e.counterId !== undefined) credit(state, t, e.by, e.counterId);
      if (t.counterId !== null) release(state, t.counterId, t.id);
      t.status = 'cancelled';
      t.endedAt = e.at;
      unmarkWaiting(state, t.id, t.serviceId);
      state.parked.delete(t.id);
      return;
    }
    case 'ticket.rated': {
      const t = ticket(state, e.ticketId);
      t.rating = { level: e.level, reason: e.reason, at: e.at, scale: e.scale ?? null, dossierCode: e.dossierCode ?? t.dossierCode };
      return;
    }
    case 'counter.opened': {
      const c = counterState(state, e.counterId);
      c.status = 'open';
      c.pauseReason = null;
      if (e.by.kind === 'user') c.clerkId = e.by.id;
      return;
    }
    case 'counter.paused': {
      const c = counterState(state, e.counterId);
      c.status = 'paused';
      c.pauseReason = e.reason;
      return;
    }
    case 'counter.resumed': {
      const c = counterState(state, e.counterId);
      c.status = 'open';
      c.pauseReason = null;
      return;
    }
    case 'counter.closed': {
      const c = counterState(state, e.counterId);
      c.status = 'closed';
      c.pauseReason = null;
      c.clerkId = null;
      return;
    }
    case 'counter.taken_over': {
      counterState(state, e.counterId).clerkId = userOf(e.by);
      return;
    }
    case 'counter.undone':
      applyUndo(state, e);
      return;
  }
}

function userOf(by: Actor): string | null {
  return by.kind === 'user' ? by.id : null;
}

/**
 * The ticket is credited to whoever acted on it at the counter: the signed-in clerk the event
 * was recorded for, or (a call button or device acting there) the clerk holding the counter.
 */
function credit(state: QueueState, t: Ticket, by: Actor, counterId: number): void {
  t.clerkId = userOf(by) ?? counterState(state, counterId).clerkId ?? t.clerkId;
}

function ticket(state: QueueState, id: string): Ticket {
  const t = state.tickets.get(id);
  if (!t) throw new Error(`event names unknown ticket ${id}`);
  return t;
}

function release(state: QueueState, counterId: number, ticketId: string): void {
  const c = counterState(state, counterId);
  if (c.currentTicketId === ticketId) c.currentTicketId = null;
}

function recordServiceTime(state: QueueState, serviceId: string, ms: number): void {
  const list = state.serviceTimes.get(serviceId) ?? [];
  list.push(ms);
  if (list.length > serviceTimeWindow) list.shift();
  state.serviceTimes.set(serviceId, list);
}
