import type { SeededRandom } from './seeded-random.ts';

/** Half-hour slots from 07:00 (minutes after midnight) and their relative arrival weight. */
const SLOTS: ReadonlyArray<readonly [number, number]> = [
  [7 * 60, 0.6],
  [7 * 60 + 30, 1.0],
  [8 * 60, 1.6],
  [8 * 60 + 30, 1.9],
  [9 * 60, 2.0],
  [9 * 60 + 30, 1.8],
  [10 * 60, 1.5],
  [10 * 60 + 30, 1.1],
  [11 * 60, 0.7],
  // Lunch 11:30–13:00: nobody takes a number.
  [13 * 60, 0.8],
  [13 * 60 + 30, 1.2],
  [14 * 60, 1.3],
  [14 * 60 + 30, 1.2],
  [15 * 60, 1.0],
  [15 * 60 + 30, 0.8],
  [16 * 60, 0.5],
];

/** A procedure a citizen may come for: the catalogue's code and the service it is queued under. */
export interface ProcedureChoice {
  code: string;
  serviceId: string;
  /** Relative share of citizens who come for it. */
  weight: number;
}

/** One citizen arriving at a kiosk. */
export interface Arrival {
  /** Local minutes after midnight, fractional. */
  minute: number;
  serviceId: string;
  procedureCode: string;
  priorityGroup: string | null;
}

export interface ArrivalPlan {
  tickets: number;
  procedures: readonly ProcedureChoice[];
  priorityGroups: readonly string[];
  /** Share of citizens in a priority group. Defaults to 0.07. */
  priorityShare?: number;
}

/**
 * Procedures weighted so each service's demand matches what its counters can serve (counter
 * time shared among a counter's services, divided by the service's mean minutes): the centre
 * was staffed for its usual crowd, and a demo day should not leave one service hours behind.
 */
export function staffedProcedureChoices(
  procedures: ReadonlyArray<{ code: string; serviceId: string }>,
  counters: ReadonlyArray<{ serviceIds: readonly string[] }>,
  meanMinutes: (serviceId: string) => number,
): ProcedureChoice[] {
  const capacity = new Map<string, number>();
  for (const c of counters) {
    for (const id of c.serviceIds) capacity.set(id, (capacity.get(id) ?? 0) + 1 / c.serviceIds.length / meanMinutes(id));
  }
  const perService = new Map<string, number>();
  for (const p of procedures) perService.set(p.serviceId, (perService.get(p.serviceId) ?? 0) + 1);
  return procedures
    .filter((p) => capacity.has(p.serviceId))
    .map((p) => ({ code: p.code, serviceId: p.serviceId, weight: capacity.get(p.serviceId)! / perService.get(p.serviceId)! }));
}

/**
 * The day's arrivals, in time order: a morning peak around 09:00, a smaller afternoon one,
 * nothing over lunch (07:00–11:30 and 13:00–16:30).
 */
export function planArrivals(random: SeededRandom, plan: ArrivalPlan): Arrival[] {
  if (plan.procedures.length === 0) throw new Error('no procedures to draw from');
  const weights = SLOTS.map(([, w]) => w);
  const procedureWeights = plan.procedures.map((p) => p.weight);
  const arrivals: Arrival[] = [];
  for (let i = 0; i < plan.tickets; i++) {
    const slot = SLOTS[random.weightedIndex(weights)]![0];
    const procedure = plan.procedures[random.weightedIndex(procedureWeights)]!;
    const priority = plan.priorityGroups.length > 0 && random.chance(plan.priorityShare ?? 0.07) ? random.pick(plan.priorityGroups) : null;
    arrivals.push({
      minute: slot + random.next() * 30,
      serviceId: procedure.serviceId,
      procedureCode: procedure.code,
      priorityGroup: priority,
    });
  }
  return arrivals.sort((a, b) => a.minute - b.minute);
}
