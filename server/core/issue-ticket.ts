import { accept, refuse, type DecideContext, type Decision } from './decision.ts';
import { dailyQuota, nextNumber, ticketLabel } from './numbering.ts';
import { issueAvailability, nextOpening } from './opening-hours.ts';

export interface IssueTicketCommand {
  serviceId: string;
  procedureCode?: string | null;
  priorityGroup?: string | null;
  /** Kiosks may issue priority tickets only where the centre allows it; staff always may. */
  source: 'kiosk' | 'staff';
}

/** Decide whether a ticket can be issued now, and with which number. */
export function issueTicket(ctx: DecideContext, cmd: IssueTicketCommand): Decision {
  const { centre, services } = ctx.config;
  const service = services.find((s) => s.id === cmd.serviceId);
  if (!service?.enabled) return refuse('unknown_service');
  const group = cmd.priorityGroup ?? null;
  if (group !== null) {
    if (!centre.priorityGroups.some((g) => g.id === group)) return refuse('unknown_priority_group');
    if (cmd.source === 'kiosk' && !centre.kioskMayIssuePriority) return refuse('priority_staff_only');
  }
  const availability = issueAvailability(centre, service, ctx.now);
  if (availability.kind !== 'open') {
    const code = availability.kind === 'after_cutoff' ? 'after_cutoff' : 'service_closed';
    return availability.reopensAt === null ? refuse(code) : refuse(code, { reopensAt: availability.reopensAt });
  }
  const issued = ctx.state.issuedByService.get(service.id) ?? 0;
  const number = nextNumber(ctx.state, service);
  if (issued >= dailyQuota(service) || number === null) {
    // Full for today: numbers are handed out again at the next opening.
    const reopensAt = nextOpening(centre, service, ctx.state.day);
    return reopensAt === null ? refuse('quota_reached') : refuse('quota_reached', { reopensAt });
  }
  return accept({
    type: 'ticket.issued',
    ticketId: ctx.newId(),
    serviceId: service.id,
    number,
    label: ticketLabel(service, number),
    priorityGroup: group,
    procedureCode: cmd.procedureCode ?? null,
  });
}
