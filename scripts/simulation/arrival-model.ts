import type { SeededRandom } from './seeded-random.ts';

/** Half-hour slots from 07:00 (minutes after midnight) and their relative arrival weight. */
const SLOTS: ReadonlyArray<readonly [number, number]> = [
  [7 * 60, 0.6], [7 * 60 + 30, 1.0], [8 * 60, 1.6], [8 * 60 + 30, 1.9], [9 * 60, 2.0],
  [9 * 60 + 30, 1.8], [10 * 60, 1.5], [10 * 60 + 30, 1.1], [11 * 60, 0.7],
  // Lunch 11:30–13:00: nobody takes a number.
  [13 * 60, 0.8], [13 * 60 + 30, 1.2], [14 * 60, 1.3], [14 * 60 + 30, 1.2], [15 * 60, 1.0],
  [15 * 60 + 30, 0.8], [16 * 60, 0.5],
];

/** A procedure a citizen may come for: the catalogue's code and the service it is queued under. */
export interface ProcedureChoice {
  code: string;
  serviceId: string;
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
 * The day's arrivals, in time order: a morning peak around 09:00, a smaller afternoon one,
 * nothing over lunch (07:00–11:30 and 13:00–16:30).
 */
export function planArrivals(random: SeededRandom, plan: ArrivalPlan): Arrival[] {
  if (plan.procedures.length === 0) throw new Error('no procedures to draw from');
  const weights = SLOTS.map(([, w]) => w);
  const arrivals: Arrival[] = [];
  for (let i = 0; i < plan.tickets; i++) {
    const slot = SLOTS[random.weightedIndex(weights)]![0];
    const procedure = random.pick(plan.procedures);
    const priority = plan.priorityGroups.length > 0 && random.chance(plan.priorityShare ?? 0.07) ? random.pick(plan.priorityGroups) : null;
    arrivals.push({ minute: slot + random.next() * 30, serviceId: procedure.serviceId, procedureCode: procedure.code, priorityGroup: priority });
  }
  return arrivals.sort((a, b) => a.minute - b.minute);
}
