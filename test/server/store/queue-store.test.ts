import { mkdtemp, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../../../server/core/queue.ts';
import { snapshotOf } from '../../../server/core/queue-state.ts';
import { FileQueueStore } from '../../../server/store/queue-store.ts';
import { TestQueue, monday, siteConfig } from '../../support/site-fixture.ts';

async function dayWithTickets(store: FileQueueStore, n: number) {
  const q = new TestQueue(siteConfig());
  const { state } = await store.openDay(monday);
  q.state = state;
  for (let i = 0; i < n; i++) {
    const r = execute(
      q.config,
      q.state,
      { kind: 'issue', issue: { serviceId: 'civil', source: 'kiosk' } },
      { now: q.now, newId: () => `t${i}`, by: { kind: 'system' } },
    );
    if (r.ok) await store.append(r.events!);
  }
  return q;
}

describe('FileQueueStore', () => {
  it('restores the exact queue from the journal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-store-'));
    const store = new FileQueueStore(dir, () => 0);
    const q = await dayWithTickets(store, 5);
    await store.close();
    const reopened = new FileQueueStore(dir, () => 0);
    const { state } = await reopened.openDay(monday);
    expect(snapshotOf(state)).toEqual(snapshotOf(q.state));
    expect(await reopened.listDays()).toEqual([monday]);
    await reopened.close();
  });

  it('starts from a snapshot and replays the journal after it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-store-'));
    const store = new FileQueueStore(dir, () => 0);
    const q = await dayWithTickets(store, 3);
    await store.saveSnapshot(q.state);
    const r = execute(
      q.config,
      q.state,
      { kind: 'issue', issue: { serviceId: 'civil', source: 'kiosk' } },
      { now: q.now, newId: () => 'late', by: { kind: 'system' } },
    );
    await store.append(r.events!);
    await store.close();
    const { state } = await new FileQueueStore(dir, () => 0).openDay(monday);
    expect([...state.tickets.values()].map((t) => t.label)).toEqual(['1001', '1002', '1003', '1004']);
  });

  it('ignores a snapshot that is ahead of a damaged journal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-store-'));
    const store = new FileQueueStore(dir, () => 0);
    const q = await dayWithTickets(store, 2);
    await store.close();
    const path = join(dir, 'journal', `${monday}.jsonl`);
    await appendFile(path, '{"broken');
    const again = new FileQueueStore(dir, () => 0);
    const { state, damage } = await again.openDay(monday);
    expect(damage?.reason).toBe('torn_line');
    expect(state.tickets.size).toBe(2);
    expect(q.state.tickets.size).toBe(2);
    await again.close();
  });
});
