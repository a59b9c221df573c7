import type { SiteConfig } from '../../protocol/site-config.ts';
import type { TicketPublicView, TicketStaffView, Translated } from '../../protocol/views.ts';
import type { Ticket } from '../core/model.ts';
import type { QueueState } from '../core/queue-state.ts';
import { estimateWait, peopleAhead } from '../core/wait-estimate.ts';

export function serviceName(config: SiteConfig, serviceId: string): Translated {
  return config.services.find((s) => s.id === serviceId)?.name ?? { vi: serviceId, en: serviceId };
}

export function counterName(config: SiteConfig, counterId: number): Translated {
  return config.counters.find((c) => c.id === counterId)?.name ?? { vi: `Quầy ${counterId}`, en: `Counter ${counterId}` };
}

/** What the ticket's holder sees: nothing about anybody else but a count of people ahead. */
export function ticketPublicView(config: SiteConfig, state: QueueState, t: Ticket, now: number): TicketPublicView {
  const ahead = peopleAhead(config, state, t, now);
  return {
    id: t.id,
    label: t.label,
    serviceId: t.serviceId,
    serviceName: serviceName(config, t.serviceId),
    status: t.status,
    counterId: t.counterId,
    counterName: t.counterId === null ? null : counterName(config, t.counterId),
    priority: t.priorityGroup !== null,
    issuedAt: t.issuedAt,
    calledAt: t.lastCalledAt,
    peopleAhead: ahead,
    wait: t.status === 'waiting' ? estimateWait(config, state, t.serviceId, ahead, now) : { kind: 'unknown' },
    centreName: config.centre.name,
    timeZone: config.centre.timeZone,
  };
}

export function ticketStaffView(t: Ticket): TicketStaffView {
  return {
    id: t.id,
    label: t.label,
    serviceId: t.serviceId,
    status: t.status,
    priorityGroup: t.priorityGroup,
    procedureCode: t.procedureCode,
    issuedAt: t.issuedAt,
    queuedAt: t.queuedAt,
    calledAt: t.lastCalledAt,
    startedAt: t.startedAt,
    recalls: t.recalls,
    targetCounterId: t.targetCounterId,
    dossierCode: t.dossierCode,
  };
}

/** Counters that serve a service, for the ticket's "go to counter 2 or 3". */
export function countersServing(config: SiteConfig, serviceId: string): Array<{ id: number; name: Translated }> {
  return config.counters.filter((c) => c.services.some((s) => s.serviceId === serviceId)).map((c) => ({ id: c.id, name: c.name }));
}
