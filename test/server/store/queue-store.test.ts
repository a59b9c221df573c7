import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../server/core/model.ts';
import { nextNumber } from '../../../server/core/numbering.ts';
import { execute } from '../../../server/core/queue.ts';
import { snapshotOf } from '../../../server/core/queue-state.ts';
import { encodeEvent } from '../../../server/store/journal-line.ts';
import { scanJournal } from '../../../server/store/journal-recovery.ts';
import { FileQueueStore } from '../../../server/store/queue-store.ts';
import { monday, siteConfig, TestQueue } from '../../support/site-fixture.ts';
import { SteppedClock } from '../../support/stepped-clock.ts';

const config = siteConfig();
const civil = config.services.find((s) => s.id === 'civil')!;
const clock = new SteppedClock(1_764_000_000_000);

async function newDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'motcua-store-'));
}

/** Issues `n` civil-status tickets (1001, 1002, …) through the store, then calls `calls` of them at counter 1. */
async function dayWithTickets(store: FileQueueStore, n: number, calls = 0): Promise<TestQueue> {
  const q = new TestQueue(config);
  q.state = (await store.openDay(monday)).state;
  let id = q.state.tickets.size;
  const run = async (command: Parameters<typeof execute>[2]) => {
    const r = execute(q.config, q.state, command, { now: q.now, newId: () => `t${++id}`, by: { kind: 'system' } });
    if (!r.ok) throw new Error(r.refusal.code);
    await store.append(r.events!);
  };
  for (let i = 0; i < n; i++) await run({ kind: 'issue', issue: { serviceId: 'civil', source: 'kiosk' } });
  for (let i = 0; i < calls; i++) await run({ kind: 'counter', counterId: 1, command: { kind: 'next' } });
  return q;
}

/** Opens the day in a new store (as a restarted server does) and closes it again. */
async function openOnce(dir: string) {
  const store = new FileQueueStore(dir, clock);
  try {
    return await store.openDay(monday);
  } finally {
    await store.close();
  }
}

const journalPath = (dir: string) => join(dir, 'journal', `${monday}.jsonl`);
const labels = (state: { tickets: Map<string, { label: string }> }) => [...state.tickets.values()].map((t) => t.label);

describe('FileQueueStore', () => {
  it('restores the exact queue from the journal', async () => {
    const dir = await newDir();
    const store = new FileQueueStore(dir, clock);
    const q = await dayWithTickets(store, 5, 2);
    await store.close();
    const reopened = new FileQueueStore(dir, clock);
    const { state, recovery } = await reopened.openDay(monday);
    expect(snapshotOf(state)).toEqual(snapshotOf(q.state));
    expect(recovery).toBeNull();
    expect(await reopened.listDays()).toEqual([monday]);
    await reopened.close();
  });

  it('starts from a snapshot bound to its journal event and replays the journal after it', async () => {
    const dir = await newDir();
    const store = new FileQueueStore(dir, clock);
    const q = await dayWithTickets(store, 3);
    await store.saveSnapshot(q.state);
    const r = execute(
      q.config,
      q.state,
      { kind: 'issue', issue: { serviceId: 'civil', source: 'kiosk' } },
      {
        now: q.now,
        newId: () => 'late',
        by: { kind: 'system' },
      },
    );
    await store.append(r.events!);
    await store.close();
    const { state, recovery } = await openOnce(dir);
    expect(labels(state)).toEqual(['1001', '1002', '1003', '1004']);
    expect(recovery).toBeNull();
  });

  it('drops a snapshot whose event is not in the journal: a stale one never replaces newer tickets', async () => {
    const dir = await newDir();
    const first = new FileQueueStore(dir, clock);
    const old = await dayWithTickets(first, 3);
    await first.saveSnapshot(old.state);
    await first.close();
    // Another journal for the same day (a second server's, a restored one): the same seqs, other tickets.
    const others = scanJournal(await readFile(journalPath(dir))).events.map(
      (e) => ({ ...e.event, ticketId: `x${e.event.seq}` }) as QueueEvent,
    );
    await writeFile(journalPath(dir), others.map((e) => encodeEvent(e).line).join(''));
    const { state, recovery } = await openOnce(dir);
    expect([...state.tickets.keys()]).toEqual(['x1', 'x2', 'x3']);
    expect(recovery).toMatchObject({ snapshotDropped: true, keptEvents: 3, setAside: [], numberFloor: { civil: 1003 } });
  });

  it('numbers above a dropped snapshot when the journal lost its events', async () => {
    const dir = await newDir();
    const first = new FileQueueStore(dir, clock);
    const old = await dayWithTickets(first, 3);
    await first.saveSnapshot(old.state);
    await first.close();
    await writeFile(journalPath(dir), '');
    const { state, recovery } = await openOnce(dir);
    expect(state.tickets.size).toBe(0);
    expect(recovery).toMatchObject({ snapshotDropped: true, keptEvents: 0 });
    expect(nextNumber(state, civil)).toBe(1004);
    expect(state.floor.seq).toBe(3);
    // The snapshot was replaced by one that matches the journal and carries the floor: nothing to report again.
    const again = await openOnce(dir);
    expect(again.recovery).toBeNull();
    expect(nextNumber(again.state, civil)).toBe(1004);
  });

  it('keeps every event after a damaged line, sets the line aside and numbers above what it held', async () => {
    const dir = await newDir();
    const store = new FileQueueStore(dir, clock);
    await dayWithTickets(store, 6, 1);
    await store.close();
    const content = Buffer.from(await readFile(journalPath(dir)));
    // Flip a digit of the last ticket's number: its line no longer checks, its number is still readable.
    const last = content.lastIndexOf('"number":1006');
    content[last + 12] = content[last + 12]! ^ 0x01;
    await writeFile(journalPath(dir), content);

    const reopened = new FileQueueStore(dir, clock);
    const { state, recovery } = await reopened.openDay(monday);
    expect(labels(state)).toEqual(['1001', '1002', '1003', '1004', '1005']);
    expect(recovery).toMatchObject({ keptEvents: 7, setAside: [{ line: 6, reason: 'bad_checksum' }] });
    // 1006 with a flipped digit reads 1007; its label still says 1006: numbering goes above both.
    expect(nextNumber(state, civil)).toBe(1008);
    // The journal now holds the intact lines only; the original is kept beside it, with the report.
    expect(scanJournal(await readFile(journalPath(dir))).setAside).toEqual([]);
    const files = await readdir(join(dir, 'journal'));
    expect(files.filter((f) => f.startsWith(`${monday}.jsonl.damaged-`))).toHaveLength(1);
    expect(await readFile(join(dir, recovery!.savedTo))).toEqual(content);
    expect(files.filter((f) => f.startsWith(`${monday}.recovery-`))).toHaveLength(1);
    await reopened.close();

    // The next start finds a sound journal, still numbers above the damaged line, and still shows the report.
    const again = await openOnce(dir);
    expect(again.recovery).toBeNull();
    expect(again.earlierRecoveries).toMatchObject([{ setAside: [{ line: 6 }] }]);
    expect(nextNumber(again.state, civil)).toBe(1008);
  });

  it('sets aside an event naming a ticket whose issue line was lost, instead of refusing to start', async () => {
    const dir = await newDir();
    const store = new FileQueueStore(dir, clock);
    await dayWithTickets(store, 3, 1);
    await store.close();
    const text = await readFile(journalPath(dir), 'utf8');
    const [first, ...rest] = text.split('\n');
    await writeFile(journalPath(dir), [`${first!.slice(0, 40)}\u0000\u0000\u0000`, ...rest].join('\n'));
    const { state, recovery } = await openOnce(dir);
    expect(labels(state)).toEqual(['1002', '1003']);
    expect(recovery?.setAside.map((l) => [l.line, l.reason])).toEqual([
      [1, 'unreadable_line'],
      [5, 'unknown_ticket'],
    ]);
    expect(nextNumber(state, civil)).toBe(1004);
  });

  it('a snapshot bound to a later intact event keeps a ticket whose issue line was damaged', async () => {
    const dir = await newDir();
    const store = new FileQueueStore(dir, clock);
    const q = await dayWithTickets(store, 4);
    await store.saveSnapshot(q.state);
    await store.close();
    const content = Buffer.from(await readFile(journalPath(dir)));
    content.fill(0, 10, 30);
    await writeFile(journalPath(dir), content);
    const { state, recovery } = await openOnce(dir);
    expect(labels(state)).toEqual(['1001', '1002', '1003', '1004']);
    expect(recovery).toMatchObject({ snapshotDropped: false, setAside: [{ line: 1 }] });
  });

  it('cuts a torn last line back without rewriting the journal', async () => {
    const dir = await newDir();
    const store = new FileQueueStore(dir, clock);
    await dayWithTickets(store, 2);
    await store.close();
    const sound = await readFile(journalPath(dir));
    await writeFile(
      journalPath(dir),
      Buffer.concat([sound, Buffer.from('{"type":"ticket.issued","ticketId":"t3","serviceId":"civil","number":10')]),
    );
    const reopened = new FileQueueStore(dir, clock);
    const { state, recovery } = await reopened.openDay(monday);
    expect(recovery?.setAside).toMatchObject([{ line: 3, reason: 'torn_line' }]);
    expect(await readFile(journalPath(dir))).toEqual(sound);
    expect(labels(state)).toEqual(['1001', '1002']);
    await reopened.close();
  });

  it('loads a damaged day without writing anything, for a server that cannot write yet', async () => {
    const dir = await newDir();
    const store = new FileQueueStore(dir, clock);
    await dayWithTickets(store, 2);
    await store.close();
    await writeFile(journalPath(dir), `${await readFile(journalPath(dir), 'utf8')}garbage`);
    const before = await readdir(join(dir, 'journal'));
    const { state, recovery } = await new FileQueueStore(dir, clock).loadDay(monday);
    expect(labels(state)).toEqual(['1001', '1002']);
    expect(recovery?.setAside).toMatchObject([{ reason: 'torn_line' }]);
    expect(await readdir(join(dir, 'journal'))).toEqual(before);
  });

  it('reads a past day for reports without the events that cannot apply', async () => {
    const dir = await newDir();
    const store = new FileQueueStore(dir, clock);
    await dayWithTickets(store, 2, 2);
    await store.close();
    const text = (await readFile(journalPath(dir), 'utf8')).split('\n');
    await writeFile(journalPath(dir), ['garbage', ...text.slice(1)].join('\n'));
    const events = await new FileQueueStore(dir, clock).readDay(monday);
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [2, 'ticket.issued'],
      [3, 'counter.opened'],
      [6, 'ticket.called'],
    ]);
  });
});
