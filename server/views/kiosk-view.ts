import type { IssuingState } from '../../protocol/health.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import { PRINTABLE_STATES } from '../../protocol/printers.ts';
import type { ClosedDayView, KioskServiceView, KioskSnapshot, PrinterState } from '../../protocol/views.ts';
import { calendarDay } from '../core/centre-calendar.ts';
import { dailyQuota, nextNumber } from '../core/numbering.ts';
import { issueAvailability, nextOpening } from '../core/opening-hours.ts';
import { waitingOf, type QueueState } from '../core/queue-state.ts';
import { estimateWait } from '../core/wait-estimate.ts';

/** What the kiosk needs before a citizen chooses: whether numbers can be issued, which services hand them out, the wait, the printer. */
export function kioskSnapshot(
  config: SiteConfig,
  state: QueueState,
  now: number,
  printer: PrinterState,
  issuing: IssuingState,
): KioskSnapshot {
  const services = config.services.filter((s) => s.enabled).map((s) => kioskService(config, state, s.id, now));
  return {
    issuing,
    centreName: config.centre.name,
    hotline: config.centre.hotline,
    serverTime: now,
    services,
    priorityGroups: config.centre.priorityGroups.map((g) => ({ id: g.id, name: g.name })),
    kioskMayIssuePriority: config.centre.kioskMayIssuePriority,
    printer: { state: printer, canPrint: PRINTABLE_STATES.has(printer) },
    closedDay: closedDay(config, state.day, services),
  };
}

/** The snapshot as one kiosk sees it: with the state of the printer it prints on. */
export function withPrinter(base: KioskSnapshot, state: PrinterState): KioskSnapshot {
  return { ...base, printer: { state, canPrint: PRINTABLE_STATES.has(state) } };
}

/** A day no service works (a holiday, Sunday): what it is and when numbers come back, said once. */
function closedDay(config: SiteConfig, day: string, services: readonly KioskServiceView[]): ClosedDayView | null {
  if (services.length === 0 || services.some((s) => s.availability !== 'closed_today')) return null;
  const calendar = calendarDay(config.centre, day);
  const reopens = services.map((s) => s.reopensAt).filter((at): at is number => at !== null);
  return { dayOff: calendar.kind === 'day_off' ? calendar.name : null, reopensAt: reopens.length > 0 ? Math.min(...reopens) : null };
}

function kioskService(config: SiteConfig, state: QueueState, serviceId: string, now: number): KioskServiceView {
  const service = config.services.find((s) => s.id === serviceId)!;
  const waiting = waitingOf(state, serviceId).size;
  const open = issueAvailability(config.centre, service, now);
  const full = (state.issuedByService.get(serviceId) ?? 0) >= dailyQuota(service) || nextNumber(state, service) === null;
  const base = {
    id: service.id,
    code: service.code,
    name: service.name,
    waiting,
    wait: estimateWait(config, state, serviceId, waiting, now),
    counters: config.counters.filter((c) => c.services.some((x) => x.serviceId === serviceId)).map((c) => c.id),
  };
  if (open.kind !== 'open') return { ...base, availability: open.kind, reopensAt: open.reopensAt };
  if (full) return { ...base, availability: 'quota_reached', reopensAt: nextOpening(config.centre, service, state.day) };
  return { ...base, availability: 'open', reopensAt: null };
}
