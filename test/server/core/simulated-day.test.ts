import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../scripts/simulation/seeded-random.ts';
import { applyEvent } from '../../../server/core/apply-event.ts';
import type { QueueEvent } from '../../../server/core/model.ts';
import { emptyDayState, snapshotOf } from '../../../server/core/queue-state.ts';
import { computeStatistics } from '../../../server/core/statistics.ts';
import { TestQueue, at, monday, siteConfig } from '../../support/site-fixture.ts';

describe('a whole simulated day', () => {
  it('serves 600 arrivals across three counters, numbers unique, every ticket accounted for, replay equal', () => {
    // Seeded, so the day is the same on every run.
    const seeded = new SeededRandom(42);
    const random = () => seeded.next();
    const q = new TestQueue(siteConfig({ agingMinutes: 30 }), at(monday, '07:00'));
    const events: QueueEvent[] = [];
    const record = (r: { events?: QueueEvent[] }) => events.push(...(r.events ?? []));
    const end = at(monday, '17:00');
    let arrivals = 0;
    while (q.now < end) {
      q.advance(1);
      if (q.now < at(monday, '16:30') && random() < 0.9) {
        const serviceId = random() < 0.6 ? 'civil' : 'cert';
        const r = q.run({ kind: 'issue', issue: { serviceId, source: 'kiosk', ...(random() < 0.15 ? { priorityGroup: 'elderly' } : {}) } });
        if (r.ok) arrivals++;
        record(r);
      }
      for (const counterId of [1, 2, 3]) {
        if (random() < 0.2) {
          const c = q.state.counters.get(counterId);
          const action = random();
          const cmd = c?.currentTicketId && action < 0.05 ? ({ kind: 'no_show' } as const) : ({ kind: 'next' } as const);
          const r = q.counter(counterId, cmd);
          record(r);
        }
      }
    }
    expect(arrivals).toBeGreaterThan(400);
    const labels = [...q.state.tickets.values()].map((t) => `${t.serviceId}:${t.label}`);
    expect(new Set(labels).size).toBe(labels.length);
    const stats = computeStatistics(q.state.tickets.values(), { timeZone: 'Asia/Ho_Chi_Minh', targetWaitMinutes: 15 });
    expect(stats.total.issued).toBe(arrivals);
    expect(stats.total.served + stats.total.noShow + stats.total.open).toBe(arrivals);

    const replayed = emptyDayState(monday);
    for (const e of events) applyEvent(replayed, e);
    expect(snapshotOf(replayed)).toEqual(snapshotOf(q.state));
  });
});
