import { mkdtemp, rename, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serialLink } from '../../../hardware/link/serial-link.ts';
import { createEscPosPrinter, type EscPosPrinterOptions } from '../../../hardware/printer/escpos-printer.ts';
import type { PrinterDriver, PrinterStatus } from '../../../hardware/printer/printer-driver.ts';
import { printerProfile, type PrinterProfile } from '../../../hardware/printer/printer-profile.ts';
import { encodeTicket } from '../../../hardware/printer/ticket-encoder.ts';
import { sampleTicketLayout } from '../../../hardware/printer/sample-ticket.ts';
import { logger } from '../../../server/log.ts';
import { EscPosDevice, EscPosPeer } from '../../support/escpos-peer.ts';
import { askPerson, realPrinter } from '../../support/real-devices.ts';
import { openPtyPair, type PtyPair } from '../../support/pty-pair.ts';
import { waitFor } from '../../support/wait-for.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const job = (id: string, number: string) => ({ id, layout: sampleTicketLayout({ number }) });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A byte count that ends in the middle of the ticket's first image after its number: the roll
 * runs out mid-command, with hundreds of that image's bytes still to come. The status queries
 * the driver sends before the job move the point only a few bytes within that image.
 */
function midImage(layout: ReturnType<typeof sampleTicketLayout>, profile: PrinterProfile): number {
  const bytes = [...encodeTicket(layout, profile)];
  const find = (pattern: readonly number[], from: number) =>
    bytes.findIndex((_, i) => i >= from && pattern.every((b, k) => bytes[i + k] === b));
  const header = find([0x1d, 0x76, 0x30], find([...new TextEncoder().encode(layout.number)], 0));
  const length = (bytes[header + 4]! | (bytes[header + 5]! << 8)) * (bytes[header + 6]! | (bytes[header + 7]! << 8));
  expect(length).toBeGreaterThan(200);
  return header + 8 + Math.floor(length / 2);
}

/** A printer plugged in on a pty: the pair and the peer playing the printer. */
interface Plug {
  pair: PtyPair;
  peer: EscPosPeer;
}

/**
 * Plugs the printer in at `<dir>/printer`. The pair is made under another name and moved into
 * place once the peer is open: a driver retrying that path must not open it first, or the
 * peer's open would flush what the driver wrote (the status query it then waits for).
 */
async function plugIn(dir: string, device: EscPosDevice): Promise<Plug> {
  const pair = await openPtyPair(dir, `printer-${++plugs}`);
  const peer = await EscPosPeer.open(pair.peerPath, { device });
  const devicePath = join(dir, 'printer');
  await rename(pair.devicePath, devicePath);
  return { pair: { ...pair, devicePath }, peer };
}
let plugs = 0;

async function unplug(plug: Plug): Promise<void> {
  await plug.peer.close();
  await plug.pair.close();
}

async function setUp(
  options: { mode?: 'raster' | 'codepage-cp1258'; driver?: Partial<EscPosPrinterOptions>; flow?: 'none' | 'xonxoff' } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-printer-'));
  const profile = printerProfile({ vietnameseMode: options.mode ?? 'codepage-cp1258' });
  const device = new EscPosDevice({ profile, strayBytes: true });
  const rig = {
    dir,
    device,
    plug: await plugIn(dir, device),
    printer: undefined as unknown as PrinterDriver,
    statuses: [] as PrinterStatus['state'][],
  };
  rig.printer = createEscPosPrinter({
    link: serialLink({ path: rig.plug.pair.devicePath, baudRate: 115200, flowControl: options.flow ?? 'none' }),
    profile,
    log: logger('printer'),
    idlePollMs: 100,
    replyTimeoutMs: 2000,
    reconnect: { initialMs: 50, maxMs: 400 },
    ...options.driver,
  });
  rig.printer.onStatus((s) => rig.statuses.push(s.state));
  cleanups.push(async () => {
    await rig.printer.close();
    await unplug(rig.plug);
    await rm(dir, { recursive: true, force: true });
  });
  await waitFor(() => rig.printer.status().state === 'ready', 'ready status');
  return rig;
}

// With MOTCUA_TEST_PRINTER set, the tests that need no staged fault drive that printer; the
// others play the printer on a pty (they need paper to run out, or the adapter to go, on cue).
const ptyOnly = it.skipIf(realPrinter !== null);

describe.runIf(realPrinter)(`ESC/POS printer on ${realPrinter?.target}`, () => {
  it('sees the printer, prints a ticket and, asked again, a second copy', async () => {
    const printer = createEscPosPrinter({
      link: realPrinter!.link,
      profile: realPrinter!.profile,
      log: logger('printer'),
      idlePollMs: 1000,
    });
    cleanups.push(() => printer.close());
    await waitFor(() => ['ready', 'unknown'].includes(printer.status().state), 'the printer connected');
    const first = await printer.print(job('r1', '0001'));
    expect(first).toMatchObject({ ok: true, jobId: 'r1' });
    expect(await printer.print(job('r1', '0001'))).toMatchObject({ ok: true, jobId: 'r1' });
    const confirmed = first.ok && first.confirmed ? 'confirmed by the printer' : 'unconfirmed: the printer does not answer status';
    askPerson(
      `The printer should have printed ticket 0001 twice (${confirmed}), each whole, with its Vietnamese text, a QR code and a cut.`,
    );
  }, 60_000);
});

describe('ESC/POS printer on a serial line (real pty)', () => {
  ptyOnly('polls status, prints a ticket and confirms it, with a reset first', async () => {
    const { device, printer } = await setUp();
    const result = await printer.print(job('t1', '0001'));
    expect(result).toMatchObject({ ok: true, jobId: 't1', confirmed: true });
    await waitFor(() => device.cuts() === 1, 'the ticket on the peer');
    expect(device.numbers()).toEqual(['0001']);
    const items = device.document().items;
    const number = items.findIndex((i) => i.kind === 'text' && i.width === 6);
    // The job starts from a known state: ESC @ (and the code page) before anything it prints.
    expect(items.slice(0, number).some((i) => i.kind === 'init')).toBe(true);
    expect(device.document().codePages[0]).toBe(52);
    expect(items.find((i) => i.kind === 'qr')).toMatchObject({ payload: sampleTicketLayout().qrUrl });
    expect(device.document().errors).toEqual([]);
  });

  ptyOnly('says "not printed" on paper end and never prints that ticket by itself when paper is back', async () => {
    const { device, printer, statuses } = await setUp();
    device.paperOut = true;
    await waitFor(() => printer.status().state === 'paper-end', 'paper-end status');
    expect(await printer.print(job('t2', '0002'))).toEqual({ ok: false, jobId: 't2', reason: 'paper-end' });
    device.paperOut = false;
    await waitFor(() => printer.status().state === 'ready', 'ready again');
    await pause(600);
    expect(device.cuts()).toBe(0);
    expect(statuses).toContain('paper-end');
    // Asked for again (a reprint), it prints.
    expect(await printer.print(job('t2', '0002'))).toMatchObject({ ok: true });
    await waitFor(() => device.cuts() === 1, 'the reprint');
    expect(device.numbers()).toEqual(['0002']);
  });

  ptyOnly('counts a ticket during which paper ran out as not printed, and cuts its remains off before the next', async () => {
    const { device, printer } = await setUp({ mode: 'raster' });
    device.runOutOfPaperAfter(midImage(job('t3', '0003').layout, device.profile));
    expect(await printer.print(job('t3', '0003'))).toEqual({ ok: false, jobId: 't3', reason: 'paper-end' });
    await waitFor(() => device.buffersCleared(), 'the printer told to drop the rest');
    device.paperOut = false;
    await waitFor(() => printer.status().state === 'ready', 'paper back');
    expect(await printer.print(job('t4', '0004'))).toMatchObject({ ok: true, confirmed: true });
    await waitFor(() => device.numbers().includes('0004'), 'the next ticket');
    const tickets = device.tickets();
    // The broken ticket never finished (no QR code), and is cut off on its own; the next one is whole.
    expect(tickets.at(-2)).toMatchObject({ qr: [] });
    expect(tickets.at(-1)?.text).toEqual(expect.arrayContaining(['0004']));
    expect(tickets.at(-1)?.qr).toEqual([sampleTicketLayout().qrUrl]);
    expect(device.document().errors).toEqual([]);
  });

  ptyOnly('counts a ticket cut off by an unplug as not printed; after replug the next starts clean, whole and cut apart', async () => {
    const rig = await setUp({ mode: 'raster' });
    const { device, printer } = rig;
    expect(await printer.print(job('t5', '0005'))).toMatchObject({ ok: true });
    const start = device.bytesReceived;
    let unplugging: Promise<void> | null = null;
    device.onReceived = (total) => {
      if (total > start + 2500 && !unplugging) unplugging = unplug(rig.plug);
    };
    const broken = await printer.print(job('t6', '0006'));
    expect(broken).toMatchObject({ ok: false, jobId: 't6' });
    expect(['interrupted', 'disconnected', 'no-reply']).toContain(broken.ok ? '' : broken.reason);
    await unplugging;
    device.onReceived = null;
    // The printer kept the half ticket; its raster command still waits for data.
    expect(device.document().errors.join()).toMatch(/truncated/);

    rig.plug = await plugIn(rig.dir, device);
    await waitFor(() => printer.status().state === 'ready', 'ready after replug', 30_000);
    expect(await printer.print(job('t7', '0007'))).toMatchObject({ ok: true, confirmed: true });
    await waitFor(() => device.numbers().includes('0007'), 'the ticket after replug');
    const doc = device.document();
    expect(doc.errors).toEqual([]);
    expect(doc.padding).toBeGreaterThan(0);
    const tickets = device.tickets();
    const last = tickets.at(-1)!;
    // Whole: the header (a raster line in this mode), the number, the QR code, all after a cut of its own.
    expect(last.text).toContain('0007');
    expect(last.rasters).toBeGreaterThan(5);
    expect(last.qr).toEqual([sampleTicketLayout().qrUrl]);
    // The half ticket (its number printed, no QR code yet) is on paper of its own.
    expect(tickets.at(-2)).toMatchObject({ qr: [] });
    expect(tickets.at(-2)?.text).toContain('0006');
    expect(tickets.at(-2)?.text).not.toContain('0007');
  });

  ptyOnly('notices a vanished path by itself and prints nothing held when it is back', async () => {
    const rig = await setUp({ driver: { idlePollMs: 600_000, replyTimeoutMs: 600_000 } });
    // The path goes while the pty behind it stays up, so the binding has nothing to notice.
    await unlink(rig.plug.pair.devicePath);
    await waitFor(() => rig.printer.status().state === 'disconnected', 'the vanished path noticed', 20_000);
    expect(await rig.printer.print(job('t8', '0008'))).toEqual({ ok: false, jobId: 't8', reason: 'disconnected' });
    await unplug(rig.plug);
    rig.plug = await plugIn(rig.dir, rig.device);
    await waitFor(() => rig.printer.status().state === 'ready', 'ready after the path came back', 30_000);
    await pause(500);
    expect(rig.device.cuts()).toBe(0);
  });

  ptyOnly('prints with XON/XOFF flow control on the line', async () => {
    const { device, printer } = await setUp({ flow: 'xonxoff' });
    expect(await printer.print(job('t9', '0009'))).toMatchObject({ ok: true, confirmed: true });
    await waitFor(() => device.numbers().includes('0009'), 'the ticket');
  });
});
