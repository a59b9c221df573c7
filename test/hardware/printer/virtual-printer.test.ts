import { describe, expect, it } from 'vitest';
import { createVirtualPrinter } from '../../../hardware/printer/virtual-printer.ts';
import { decodeEscPos } from '../../../hardware/printer/escpos-decoder.ts';
import { rasterBandHeader, statusQuery } from '../../../hardware/printer/escpos-commands.ts';
import { sampleTicketLayout } from '../../../hardware/printer/sample-ticket.ts';
import type { PrinterStatus } from '../../../hardware/printer/printer-driver.ts';
import { logger } from '../../../server/log.ts';

const printerLog = logger('printer');

const PNG_SIGNATURE = '89504e470d0a1a0a';
const job = (id: string, number: string) => ({ id, layout: sampleTicketLayout({ number }) });

describe('virtual printer', () => {
  it('keeps the last N printed tickets, newest first, each with a PNG preview', async () => {
    let clock = 1000;
    const printer = createVirtualPrinter({ log: printerLog, keep: 2, now: () => clock++ });
    for (const [id, n] of [
      ['a', '0001'],
      ['b', '0002'],
      ['c', '0003'],
    ] as const)
      await printer.print(job(id, n));
    expect(printer.recent().map((t) => t.jobId)).toEqual(['c', 'b']);
    const newest = printer.recent()[0]!;
    expect(newest.png.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
    expect(newest.document.items.some((i) => i.kind === 'text' && i.text === '0003')).toBe(true);
  });

  it('reports a simulated fault to subscribers and refuses to print until ready', async () => {
    const printer = createVirtualPrinter({ log: printerLog });
    const seen: PrinterStatus[] = [];
    printer.onStatus((s) => seen.push(s));
    printer.simulateStatus({ state: 'paper-end', paperNearEnd: false });
    expect(await printer.print(job('a', '0001'))).toEqual({ ok: false, jobId: 'a', reason: 'paper-end' });
    printer.simulateStatus({ state: 'ready', paperNearEnd: true });
    expect(await printer.print(job('a', '0001'))).toMatchObject({ ok: true, confirmed: true });
    expect(seen.map((s) => s.state)).toEqual(['paper-end', 'ready']);
  });
});

describe('ESC/POS decoder', () => {
  it('reads status queries and reports a raster band cut short', () => {
    const bytes = Uint8Array.from([...statusQuery(4), ...rasterBandHeader(2, 3), 0xff, 0x10, 0x04, 0x01]);
    const doc = decodeEscPos(bytes);
    expect(doc.items).toEqual([{ kind: 'status-query', n: 4 }]);
    expect(doc.errors).toEqual(['truncated GS v 0 data at byte 11']);
  });

  it('does not take DLE EOT inside raster data for a status query', () => {
    const bytes = Uint8Array.from([...rasterBandHeader(1, 3), 0x10, 0x04, 0x01]);
    const doc = decodeEscPos(bytes);
    expect(doc.items.map((i) => i.kind)).toEqual(['raster']);
    expect(doc.errors).toEqual([]);
  });
});
