import type { ServiceConfig } from '../../protocol/site-config.ts';

/**
 * Numbers a day has seen beyond its applied events (issue 12): in journal lines set aside as
 * damaged, a snapshot that no longer matched its journal, or decisions whose journal write
 * failed. Numbering never goes at or below them. Per service, candidates rather than one
 * maximum: a misread digit may give a number outside the service's range, which
 * {@link floorFor} ignores, and the real highest must still be there.
 */
export type NumberFloor = Map<string, number[]>;

/** How many of a service's highest distinct numbers are kept: enough that a few misread ones cannot hide the real highest. */
export const candidatesKept = 16;

/** Adds a number to a service's candidates, keeping the highest {@link candidatesKept} distinct ones, highest first. */
export function addCandidate(into: NumberFloor, serviceId: string, n: number): void {
  const list = into.get(serviceId) ?? [];
  if (list.includes(n) || (list.length >= candidatesKept && n < list[list.length - 1]!)) return;
  list.push(n);
  list.sort((a, b) => b - a);
  if (list.length > candidatesKept) list.length = candidatesKept;
  into.set(serviceId, list);
}

/** Adds every candidate of `from` to `into`. */
export function mergeNumbers(into: NumberFloor, from: ReadonlyMap<string, readonly number[]>): void {
  for (const [serviceId, list] of from) for (const n of list) addCandidate(into, serviceId, n);
}

/** The highest number seen for the service within its range, or null. */
export function floorFor(floor: NumberFloor, service: ServiceConfig): number | null {
  for (const n of floor.get(service.id) ?? []) if (n >= service.numberStart && n <= service.numberEnd) return n;
  return null;
}
