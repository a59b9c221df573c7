import type { ServiceConfig } from '../../protocol/site-config.ts';
import { floorFor } from './number-floor.ts';
import type { QueueState } from './queue-state.ts';

/** What people see and hear for a number: prefix and zero-padded digits (`A007`, `1023`). */
export function ticketLabel(service: ServiceConfig, number: number): string {
  return service.prefix + String(number).padStart(service.pad, '0');
}

/**
 * The next number of a service today, or null when its range is used up. Numbers only go
 * up within a day, above every number the day has seen (its floor too), so a number is never
 * handed out twice; the day's first is `numberStart`.
 */
export function nextNumber(state: QueueState, service: ServiceConfig): number | null {
  const applied = state.lastNumberByService.get(service.id);
  const floor = floorFor(state.floor.numbers, service);
  const last = applied === undefined ? floor : floor === null ? applied : Math.max(applied, floor);
  const next = last === null ? service.numberStart : last + 1;
  return next <= service.numberEnd ? next : null;
}

/** The daily quota: the configured one, never more than the numbers the range holds. */
export function dailyQuota(service: ServiceConfig): number {
  const rangeSize = service.numberEnd - service.numberStart + 1;
  return Math.min(service.dailyQuota ?? rangeSize, rangeSize);
}
