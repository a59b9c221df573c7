import type { SiteConfig } from '../../protocol/site-config.ts';
import type { CallView, DisplaySnapshot } from '../../protocol/views.ts';
import type { Ticket } from '../core/model.ts';
import type { QueueState } from '../core/queue-state.ts';
import { counterName } from './ticket-view.ts';

const historySize = 8;

/** A call as the board shows it; `recall` when the ticket was called before. */
export function callView(config: SiteConfig, t: Ticket): CallView {
  const counterId = t.counterId ?? 0;
  return {
    ticketId: t.id,
    label: t.label,
    counterId,
    counterName: counterName(config, counterId),
    serviceId: t.serviceId,
    at: t.lastCalledAt ?? t.issuedAt,
    recall: t.recalls > 0 && t.lastCalledAt !== t.firstCalledAt,
  };
}

/**
 * The lobby board. The call history is derived from the tickets' last call times, so a
 * recall moves a ticket back to the top without any extra state to keep in step.
 */
export function displaySnapshot(config: SiteConfig, state: QueueState, now: number): DisplaySnapshot {
  const called = [...state.tickets.values()].filter((t) => t.lastCalledAt !== null && t.counterId !== null);
  called.sort((a, b) => b.lastCalledAt! - a.lastCalledAt! || b.number - a.number);
  const waiting = new Map<string, number>();
  for (const id of state.waiting) {
    const t = state.tickets.get(id);
    if (t) waiting.set(t.serviceId, (waiting.get(t.serviceId) ?? 0) + 1);
  }
  return {
    centreName: config.centre.name,
    day: state.day,
    serverTime: now,
    calls: called.slice(0, historySize).map((t) => callView(config, t)),
    counters: config.counters.map((c) => {
      const s = state.counters.get(c.id);
      const current = s?.currentTicketId ? state.tickets.get(s.currentTicketId) : undefined;
      return {
        id: c.id,
        name: c.name,
        status: s?.status ?? 'closed',
        currentLabel: current?.label ?? null,
        serviceIds: c.services.map((x) => x.serviceId),
      };
    }),
    services: config.services
      .filter((s) => s.enabled)
      .map((s) => ({ id: s.id, code: s.code, name: s.name, waiting: waiting.get(s.id) ?? 0 })),
  };
}
