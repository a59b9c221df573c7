import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteConfig } from '../../../protocol/site-config.ts';
import type { Clock } from '../../../server/clock.ts';
import { QueueEngine } from '../../../server/engine/queue-engine.ts';
import { FileQueueStore, type QueueStore } from '../../../server/store/queue-store.ts';
import { siteConfig } from '../../support/site-fixture.ts';

const allDay: Array<[string, string]> = [['00:00', '23:59']];

/** The test centre open around the clock, so a test can issue at any hour, midnight included. */
export const openAllDay: SiteConfig = siteConfig(
  {
    hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    holidays: [],
    issueOpensMinutesBefore: 0,
  },
  (c) => {
    for (const s of c.services) s.cutoff = '23:59';
  },
);

export function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'motcua-engine-'));
}

let ids = 0;

/** The engine on a file store in `dataDir`, with the test's clock; the timer is left to the test (it calls `checkDay`). */
export function startEngine(dataDir: string, clock: Clock, store: QueueStore = new FileQueueStore(dataDir, clock)): Promise<QueueEngine> {
  return QueueEngine.start({
    config: () => openAllDay,
    store,
    clock,
    newId: () => `t${++ids}`,
    checkEveryMs: 3_600_000,
    retryDelaysMs: [20, 40, 80],
  });
}

/** Issues a civil-status ticket and returns its label, or the refusal's code. */
export async function issue(engine: QueueEngine, serviceId = 'civil'): Promise<string> {
  const r = await engine.execute({ kind: 'issue', issue: { serviceId, source: 'kiosk' } }, { kind: 'device', id: 'kiosk-1' });
  if (!r.ok) return r.refusal.code;
  const e = r.events[0];
  return e?.type === 'ticket.issued' ? e.label : 'no ticket';
}

/**
 * Finishes whoever is at counter 1 and calls the next ticket; returns its label. The finish is
 * its own command: a Next seconds after a call does not finish the ticket just called.
 */
export async function callNext(engine: QueueEngine): Promise<string | null> {
  if (engine.state.counters.get(1)?.currentTicketId)
    await engine.execute({ kind: 'counter', counterId: 1, command: { kind: 'finish' } }, { kind: 'system' });
  const r = await engine.execute({ kind: 'counter', counterId: 1, command: { kind: 'next' } }, { kind: 'system' });
  if (!r.ok) throw new Error(r.refusal.code);
  const id = engine.state.counters.get(1)?.currentTicketId;
  return id ? (engine.state.tickets.get(id)?.label ?? null) : null;
}

/** Labels of the waiting tickets. */
export function waitingLabels(engine: QueueEngine): string[] {
  return [...engine.state.waiting].map((id) => engine.state.tickets.get(id)!.label).sort();
}

export const hour = 3_600_000;
export const minute = 60_000;
