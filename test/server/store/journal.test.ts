import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../server/core/model.ts';
import { DayJournal } from '../../../server/store/journal.ts';
import { recoverJournal } from '../../../server/store/journal-recovery.ts';

function opened(seq: number): QueueEvent {
  return { type: 'counter.opened', counterId: 1, seq, at: 1_700_000_000_000 + seq, by: { kind: 'system' } };
}
const lines = (...events: QueueEvent[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');

describe('journal recovery', () => {
  it('reads every complete event', () => {
    expect(recoverJournal(Buffer.from(lines(opened(1), opened(2)))).events.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('keeps every complete event before a line cut by a power failure', () => {
    const good = lines(opened(1), opened(2));
    const r = recoverJournal(Buffer.from(`${good}{"type":"counter.op`));
    expect(r.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(r.damage).toEqual({ goodBytes: Buffer.byteLength(good), damagedBytes: 19, line: 3, reason: 'torn_line' });
  });

  it('stops at an unreadable line and at a gap in the sequence', () => {
    expect(recoverJournal(Buffer.from(`${lines(opened(1))}\u0000\u0000garbage\n${lines(opened(2))}`)).damage?.reason).toBe(
      'unreadable_line',
    );
    expect(recoverJournal(Buffer.from(lines(opened(1), opened(3)))).damage).toMatchObject({ reason: 'out_of_sequence', line: 2 });
  });

  it('treats an empty file as an empty day', () => {
    expect(recoverJournal(Buffer.alloc(0))).toEqual({ events: [], damage: null });
  });
});

describe('DayJournal', () => {
  it('appends events that a reopened journal reads back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-journal-'));
    const path = join(dir, 'journal', '2026-11-23.jsonl');
    const first = await DayJournal.open(path, 0);
    await Promise.all([first.journal.append([opened(1)]), first.journal.append([opened(2), opened(3)])]);
    await first.journal.close();
    const again = await DayJournal.open(path, 0);
    expect(again.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    await again.journal.close();
  });

  it('cuts a damaged tail back, saves it aside, and appends after the good part', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-journal-'));
    const path = join(dir, '2026-11-23.jsonl');
    await writeFile(path, `${lines(opened(1))}{"seq":2,"ty`);
    const r = await DayJournal.open(path, 42);
    expect(r.events).toHaveLength(1);
    expect(r.damage?.reason).toBe('torn_line');
    await r.journal.append([opened(2)]);
    await r.journal.close();
    expect(recoverJournal(await readFile(path))).toMatchObject({ damage: null, events: [{ seq: 1 }, { seq: 2 }] });
    expect(await readdir(dir)).toContain('2026-11-23.jsonl.damaged-42');
  });
});
