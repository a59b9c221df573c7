/**
 * Narrows a centre-wide snapshot to what one board shows. A centre with two halls runs a board
 * per hall; each shows and announces only its own services and counters.
 */
import type { CallView, DisplaySnapshot } from '../protocol/views.ts';
import type { BoardFilter } from './board-route.ts';

/** Whether a board with `filter` shows (and announces) `call`. */
export function showsCall(filter: BoardFilter, call: Pick<CallView, 'serviceId' | 'counterId'>): boolean {
  return (
    (filter.services === null || filter.services.includes(call.serviceId)) &&
    (filter.counters === null || filter.counters.includes(call.counterId))
  );
}

/**
 * The snapshot as the board shows it. Counters: the named ones, else those serving a named
 * service. Services: the named ones, else those the board's counters serve.
 */
export function filterSnapshot(filter: BoardFilter, snapshot: DisplaySnapshot): DisplaySnapshot {
  const { services, counters } = filter;
  const shownCounters = snapshot.counters.filter((c) =>
    counters !== null ? counters.includes(c.id) : services === null || c.serviceIds.some((id) => services.includes(id)),
  );
  const servedByShown = new Set(shownCounters.flatMap((c) => c.serviceIds));
  const shownServices = snapshot.services.filter((s) =>
    services !== null ? services.includes(s.id) : counters === null || servedByShown.has(s.id),
  );
  return {
    ...snapshot,
    calls: snapshot.calls.filter((call) => showsCall(filter, call)),
    counters: shownCounters,
    services: shownServices,
  };
}
