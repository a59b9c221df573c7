/**
 * A simulated working day at a centre, driven through the real queue core (`execute`), so
 * report benchmarks and tests read journals exactly like the ones the server writes.
 * Seeded: the same seed gives the same day.
 */
import type { SiteConfig } from '../protocol/site-config.ts';
import { epochOfLocal, parseClock, weekdayOf } from '../server/core/local-time.ts';
import type { QueueEvent } from '../server/core/model.ts';
import { execute, type QueueCommand } from '../server/core/queue.ts';
import { emptyDayState, type QueueState } from '../server/core/queue-state.ts';

export interface SimulatedDay {
  state: QueueState;
  events: QueueEvent[];
}

export interface DayPlan {
  /** Tickets to try to issue, spread over the day's sessions. */
  tickets: number;
  seed: number;
  /** Share of called tickets that do not come. Defaults to 0.05. */
  noShowShare?: number;
  /** Share of served tickets that get rated. Defaults to 0.6. */
  ratedShare?: number;
}

/** Runs one local day minute by minute: arrivals take numbers, every counter calls, serves and finishes. */
export function simulateDay(config: SiteConfig, day: string, plan: DayPlan): SimulatedDay {
  const random = seededRandom(plan.seed);
  const tz = config.centre.timeZone;
  const state = emptyDayState(day);
  const events: QueueEvent[] = [];
  let ids = 0;
  const run = (command: QueueCommand, now: number, by: string | null) => {
    const r = execute(config, state, command, {
      now,
      newId: () => `${day.replaceAll('-', '')}x${++ids}`,
      by: by ? { kind: 'user', id: by } : { kind: 'device', id: 'kiosk-sim' },
    });
    if (r.ok && r.events) events.push(...r.events);
    return r.ok;
  };
  const sessions = config.centre.hours[(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[weekdayOf(day)]!];
  if (sessions.length === 0) return { state, events };
  const first = parseClock(sessions[0]![0]);
  const last = parseClock(sessions[sessions.length - 1]![1]);
  const arrivals = Array.from({ length: plan.tickets }, () => first + Math.floor(random() * (last - first - 45))).sort((a, b) => a - b);
  const busyUntil = new Map<number, number>();
  const minute = (m: number) => epochOfLocal(day, m, tz);
  for (const c of config.counters) run({ kind: 'counter', counterId: c.id, command: { kind: 'open' } }, minute(first), `clerk-${c.id}`);
  let next = 0;
  for (let m = first; m < last; m++) {
    const now = minute(m);
    while (next < arrivals.length && arrivals[next]! <= m) {
      const service = config.services[Math.floor(random() * config.services.length)]!;
      const priority = random() < 0.08 ? (config.centre.priorityGroups[0]?.id ?? null) : null;
      run({ kind: 'issue', issue: { serviceId: service.id, priorityGroup: priority, source: 'kiosk' } }, now + next, null);
      next++;
    }
    for (const c of config.counters) {
      if ((busyUntil.get(c.id) ?? 0) > m) continue;
      const current = state.counters.get(c.id)?.currentTicketId;
      const t = current ? state.tickets.get(current) : undefined;
      const by = `clerk-${c.id}`;
      const counter = (command: QueueCommand & { kind: 'counter' }) => run(command, now + 1000, by);
      if (t?.status === 'called') {
        if (random() < (plan.noShowShare ?? 0.05)) counter({ kind: 'counter', counterId: c.id, command: { kind: 'no_show' } });
        else {
          counter({ kind: 'counter', counterId: c.id, command: { kind: 'start' } });
          busyUntil.set(c.id, m + 3 + Math.floor(random() * 10));
          continue;
        }
      }
      if (t?.status === 'serving') {
        counter({ kind: 'counter', counterId: c.id, command: { kind: 'finish' } });
        if (random() < (plan.ratedShare ?? 0.6)) {
          const level = random() < 0.75 ? 3 : random() < 0.8 ? 2 : 1;
          run(
            {
              kind: 'rate',
              ticketId: t.id,
              level: Math.min(level, config.centre.ratingScale),
              reason: null,
              scale: config.centre.ratingScale,
            },
            now + 2000,
            null,
          );
        }
      }
      if (counter({ kind: 'counter', counterId: c.id, command: { kind: 'next' } })) busyUntil.set(c.id, m + 1);
    }
  }
  return { state, events };
}

/** Mulberry32: small, fast and good enough to spread arrivals. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
