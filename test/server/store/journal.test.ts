import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../server/core/model.ts';
import { DayJournal } from '../../../server/store/journal.ts';
import { decodeLine, encodeEvent } from '../../../server/store/journal-line.ts';
import { scanJournal } from '../../../server/store/journal-recovery.ts';

function opened(seq: number): QueueEvent {
  return { type: 'counter.opened', counterId: 1, seq, at: 1_700_000_000_000 + seq, by: { kind: 'system' } };
}
function issued(seq: number, number: number): QueueEvent {
  return {
    type: 'ticket.issued',
    ticketId: `t${seq}`,
    serviceId: 'civil',
    number,
    label: String(number),
    priorityGroup: null,
    procedureCode: null,
    seq,
    at: 1_700_000_000_000 + seq,
    by: { kind: 'device', id: 'kiosk-1' },
  };
}
const lines = (...events: QueueEvent[]) => events.map((e) => encodeEvent(e).line).join('');
/** Lines as builds before the checksum wrote them. */
const oldLines = (...events: QueueEvent[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');
const seqs = (content: string | Buffer) => scanJournal(Buffer.from(content)).events.map((e) => e.event.seq);

describe('journal lines', () => {
  it('are JSON with the checksum of the event as their last member', () => {
    const { line, crc } = encodeEvent(opened(1));
    expect(JSON.parse(line)).toEqual({ ...opened(1), crc });
    expect(decodeLine(line.trimEnd())).toEqual({ ok: true, event: opened(1), crc, checked: true });
  });

  it('catch a flipped byte inside a string, which still parses', () => {
    const line = encodeEvent(issued(1, 1001)).line.trimEnd().replace('"kiosk-1"', '"kiosk-3"');
    expect(() => JSON.parse(line)).not.toThrow();
    expect(decodeLine(line)).toEqual({ ok: false, reason: 'bad_checksum' });
  });

  it('written before the checksum still read, but only with exactly the shape of an event', () => {
    expect(decodeLine(JSON.stringify(opened(1)))).toMatchObject({ ok: true, checked: false, event: opened(1) });
    // A damaged checksum member must not pass a line off as an old one.
    expect(decodeLine(JSON.stringify({ ...opened(1), crd: '00000000' }))).toEqual({ ok: false, reason: 'unreadable_line' });
    expect(decodeLine(JSON.stringify({ ...opened(1), type: 'counter.exploded' }))).toEqual({ ok: false, reason: 'unreadable_line' });
  });
});

describe('journal scan', () => {
  it('reads every event of a sound journal, old lines first and new ones after', () => {
    expect(seqs(oldLines(opened(1), opened(2)) + lines(opened(3), opened(4)))).toEqual([1, 2, 3, 4]);
    expect(scanJournal(Buffer.alloc(0))).toEqual({ events: [], setAside: [] });
  });

  it('keeps every intact event after a line with a flipped byte, setting that line aside alone', () => {
    const text = lines(opened(1), issued(2, 1001), opened(3), opened(4));
    const flipped = Buffer.from(text);
    const at = text.indexOf('1001') + 2;
    flipped[at] = flipped[at]! ^ 0x04;
    const scan = scanJournal(flipped);
    expect(scan.events.map((e) => e.event.seq)).toEqual([1, 3, 4]);
    expect(scan.setAside).toMatchObject([{ line: 2, reason: 'bad_checksum', seq: null }]);
  });

  it('sets aside the lines a zeroed 512-byte block covers, and keeps what follows', () => {
    const events = Array.from({ length: 20 }, (_, i) => issued(i + 1, 1001 + i));
    const content = Buffer.from(lines(...events));
    content.fill(0, 700, 1212);
    const scan = scanJournal(content);
    expect(scan.events.at(-1)?.event.seq).toBe(20);
    expect(scan.events.length).toBeLessThan(20);
    expect(scan.events.length).toBeGreaterThan(10);
    expect(scan.setAside.every((l) => l.reason === 'bad_checksum' || l.reason === 'unreadable_line')).toBe(true);
  });

  it('sets aside a torn last line but keeps a whole last event that only lost its newline', () => {
    const good = lines(opened(1), opened(2));
    expect(scanJournal(Buffer.from(`${good}{"type":"counter.op`)).setAside).toEqual([
      { line: 3, reason: 'torn_line', start: Buffer.byteLength(good), end: Buffer.byteLength(good) + 19, seq: null },
    ]);
    expect(seqs(good + lines(opened(3)).trimEnd())).toEqual([1, 2, 3]);
  });

  it('accepts gaps but sets aside a seq that does not go up, and an old-style line after checksummed ones', () => {
    expect(seqs(lines(opened(1), opened(5), opened(9)))).toEqual([1, 5, 9]);
    const scan = scanJournal(Buffer.from(lines(opened(1), opened(2)) + lines(opened(2)) + oldLines(opened(3)) + lines(opened(4))));
    expect(scan.events.map((e) => e.event.seq)).toEqual([1, 2, 4]);
    expect(scan.setAside.map((l) => [l.line, l.reason, l.seq])).toEqual([
      [3, 'out_of_sequence', 2],
      [4, 'bad_checksum', 3],
    ]);
  });
});

describe('DayJournal', () => {
  it('appends lines, grouping writes that arrive during a sync, that a later scan reads back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-journal-'));
    const path = join(dir, '2026-11-23.jsonl');
    const journal = await DayJournal.open(path);
    await Promise.all([journal.append(lines(opened(1))), journal.append(lines(opened(2), opened(3)))]);
    await journal.close();
    expect(seqs(await readFile(path))).toEqual([1, 2, 3]);
  });
});
