import { expect } from 'vitest';
import type { Ticket } from '../../server/core/model.ts';
import type { runKillCycles } from './kill-cycles.ts';

type Outcome = Awaited<ReturnType<typeof runKillCycles>>;

/**
 * What must hold after any number of hard kills: every acknowledged ticket is there, no number
 * twice in a service, called tickets stay called, and each service's queue is still first come,
 * first served at the same positions.
 */
export function expectIntactQueue({ acked, exported, tickets, days }: Outcome): void {
  expect(days).toHaveLength(1);
  expect(acked.duplicates).toEqual([]);
  const key = (t: Ticket) => `${t.serviceId}:${t.label}`;
  const byKey = new Map(tickets.map((t) => [key(t), t]));
  expect(byKey.size).toBe(tickets.length);
  for (const service of new Set(tickets.map((t) => t.serviceId))) {
    const numbers = tickets.filter((t) => t.serviceId === service).map((t) => t.number);
    expect(new Set(numbers).size, `numbers of ${service}`).toBe(numbers.length);
  }
  // The restarted server shows exactly the replayed journal.
  expect(new Map(exported.map((e) => [e.key, e.status]))).toEqual(new Map(tickets.map((t) => [key(t), t.status])));

  for (const [k, issuedAt] of acked.issued) {
    const t = byKey.get(k);
    expect(t, `acknowledged ticket ${k}`).toBeDefined();
    expect(t!.issuedAt).toBe(issuedAt);
    if (t!.status === 'waiting') expect(t!.queuedAt, `queue position of ${k}`).toBe(issuedAt);
  }
  for (const k of acked.called) expect(['called', 'finished'], `called ticket ${k}`).toContain(byKey.get(k)?.status);

  for (const service of new Set(tickets.map((t) => t.serviceId))) {
    const inOrder = tickets.filter((t) => t.serviceId === service).sort((a, b) => a.queuedAt - b.queuedAt || a.number - b.number);
    expect(
      inOrder.map((t) => t.number),
      `queue order of ${service}`,
    ).toEqual([...inOrder.map((t) => t.number)].sort((a, b) => a - b));
    // Counters call first come, first served: nobody waiting was passed over.
    const firstWaiting = inOrder.findIndex((t) => t.status === 'waiting');
    if (firstWaiting >= 0)
      expect(
        inOrder.slice(firstWaiting).map((t) => t.status),
        `nobody called past a waiting ticket in ${service}`,
      ).toEqual(inOrder.slice(firstWaiting).map(() => 'waiting'));
  }
}
