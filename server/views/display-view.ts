import type { SiteConfig } from '../../protocol/site-config.ts';
import type { CallView, DisplaySnapshot } from '../../protocol/views.ts';
import type { Ticket } from '../core/model.ts';
import { waitingOf, type QueueState } from '../core/queue-state.ts';
import { configVersion } from './config-version.ts';
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
 * The lobby board. The call history comes from the state's call log, where a recall moves a
 * ticket back to the top.
 */
export function displaySnapshot(config: SiteConfig, state: QueueState, now: number, voicePackVersion: string): DisplaySnapshot {
  const called = latestCalls(state);
  return {
    centreName: config.centre.name,
    day: state.day,
    serverTime: now,
    calls: called.map((t) => callView(config, t)),
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
      .map((s) => ({ id: s.id, code: s.code, name: s.name, waiting: waitingOf(state, s.id).size })),
    configVersion: configVersion(config, voicePackVersion),
  };
}

/** The most recently called tickets, newest first, from the state's bounded call log. */
function latestCalls(state: QueueState): Ticket[] {
  const seen = new Set<string>();
  const out: Ticket[] = [];
  for (let i = state.recentCalls.length - 1; i >= 0 && out.length < historySize; i--) {
    const id = state.recentCalls[i]!;
    const t = state.tickets.get(id);
    if (seen.has(id) || !t || t.counterId === null) continue;
    seen.add(id);
    out.push(t);
  }
  return out;
}
