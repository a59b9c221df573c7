import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureLogging, logger } from '../../../server/log.ts';
import { openPtyPair, type PtyPair } from '../../support/pty-pair.ts';
import { createSerialPrinter, type SerialPrinter, type SerialPrinterOptions } from '../../../hardware/printer/serial-printer.ts';
import { printerProfile } from '../../../hardware/printer/printer-profile.ts';
import { sampleTicketLayout } from '../../../hardware/printer/sample-ticket.ts';
import type { PrinterStatus } from '../../../hardware/printer/ticket-printer.ts';
import { EscPosPeer } from '../../support/escpos-peer.ts';
import { askPerson, realPrinter } from '../../support/real-devices.ts';
import { waitFor } from '../../support/wait-for.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
beforeAll(() => configureLogging({ level: 'silent' }));

// With MOTCUA_TEST_PRINTER set, the tests that need no staged fault drive that printer; the
// others play the printer on a pty (they need paper to run out, or the adapter to go, on cue).
const ptyOnly = it.skipIf(realPrinter !== null);

const job = (id: string, number: string) => ({ id, layout: sampleTicketLayout({ number }) });

async function setUp(dir?: string, options: Partial<SerialPrinterOptions> = {}) {
  const pair = await openPtyPair(dir, 'printer');
  // Open the peer before the driver writes anything: opening a port flushes it.
  const peer = await EscPosPeer.open(pair.peerPath, { strayBytes: true });
  const printer = createSerialPrinter({
    log: logger('printer'),
    path: pair.devicePath,
    profile: printerProfile({ vietnameseMode: 'codepage-cp1258' }),
    idlePollMs: 100,
    reconnect: { initialMs: 50, maxMs: 400 },
    ...options,
  });
  const statuses: PrinterStatus['state'][] = [];
  printer.onStatus((s) => statuses.push(s.state));
  cleanups.push(async () => {
    await printer.close();
    await peer.close();
    await pair.close();
  });
  return { pair, peer, printer, statuses };
}

/** The printer named by MOTCUA_TEST_PRINTER (no peer: the paper is the proof), else a pty one. */
async function setUpDevice(): Promise<{ printer: SerialPrinter; peer: EscPosPeer | null }> {
  if (!realPrinter) return setUp();
  const printer = createSerialPrinter({ log: logger('printer'), path: realPrinter.path, profile: realPrinter.profile, idlePollMs: 1000 });
  cleanups.push(() => printer.close());
  return { printer, peer: null };
}

async function pause(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

describe(realPrinter ? `serial printer on ${realPrinter.path}` : 'serial printer on a real pty', () => {
  it('polls status, prints a ticket once and reports ready', async () => {
    const { peer, printer } = await setUpDevice();
    await waitFor(() => printer.status().state === 'ready', 'ready status');
    const result = await printer.print(job('t1', '0001'));
    expect(result).toMatchObject({ ok: true, jobId: 't1' });
    // Asking again for the same ticket prints nothing more.
    expect((await printer.print(job('t1', '0001'))).ok).toBe(true);
    expect(printer.jobs()).toEqual([expect.objectContaining({ id: 't1', state: 'printed', copies: 1 })]);
    if (!peer) return askPerson('The printer should have printed one ticket, number 0001, with a QR code, and cut it.');
    await waitFor(() => peer.cuts() === 1, 'the ticket on the peer');
    expect(peer.numbers()).toEqual(['0001']);
    expect(peer.document().items.find((i) => i.kind === 'qr')).toMatchObject({ payload: sampleTicketLayout().qrUrl });
    await pause(300);
    expect(peer.cuts()).toBe(1);
  }, 60_000);

  it('reprints a printed ticket on request, once', async () => {
    const { peer, printer } = await setUpDevice();
    await waitFor(() => printer.status().state === 'ready', 'ready status');
    expect((await printer.print(job('t7', '0007'))).ok).toBe(true);
    expect(await printer.reprint('t7')).toMatchObject({ ok: true, jobId: 't7' });
    expect(printer.jobs()).toEqual([expect.objectContaining({ id: 't7', state: 'printed', copies: 2 })]);
    if (!peer) return askPerson('The printer should have printed ticket 0007 twice: once, and once again as a reprint.');
    await waitFor(() => peer.cuts() === 2, 'both copies on the peer');
    expect(peer.numbers()).toEqual(['0007', '0007']);
  }, 60_000);

  ptyOnly('reports paper end, holds the ticket, and prints it once when paper is back', async () => {
    const { peer, printer, statuses } = await setUp();
    await waitFor(() => printer.status().state === 'ready', 'ready status');
    peer.paperOut = true;
    await waitFor(() => printer.status().state === 'paper-end', 'paper-end status');
    const result = await printer.print(job('t2', '0002'));
    expect(result).toEqual({ ok: false, jobId: 't2', reason: 'paper-end' });
    expect(printer.jobs()).toEqual([expect.objectContaining({ id: 't2', state: 'failed', lastFailure: 'paper-end' })]);
    expect(peer.cuts()).toBe(0);
    peer.paperOut = false;
    await waitFor(() => peer.cuts() === 1, 'the held ticket printed');
    await waitFor(() => printer.jobs()[0]?.state === 'printed', 'job marked printed');
    await pause(400);
    expect(peer.numbers()).toEqual(['0002']);
    expect(statuses).toContain('paper-end');
    expect(printer.status().state).toBe('ready');
  });

  ptyOnly('prints a held ticket on reprint when automatic retry is off', async () => {
    const { peer, printer } = await setUp(undefined, { retryWhenReady: false });
    await waitFor(() => printer.status().state === 'ready', 'ready status');
    peer.paperOut = true;
    await waitFor(() => printer.status().state === 'paper-end', 'paper-end status');
    expect((await printer.print(job('t3', '0003'))).ok).toBe(false);
    peer.paperOut = false;
    await waitFor(() => printer.status().state === 'ready', 'ready again');
    expect(peer.cuts()).toBe(0);
    expect(await printer.reprint('t3')).toMatchObject({ ok: true, jobId: 't3' });
    await waitFor(() => peer.cuts() === 1, 'the reprinted ticket');
    expect(peer.numbers()).toEqual(['0003']);
    expect(await printer.reprint('nope')).toEqual({ ok: false, jobId: 'nope', reason: 'unknown-job' });
  });

  ptyOnly('recovers after the adapter is unplugged and replugged, printing the queued ticket exactly once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-printer-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const first = await setUp(dir);
    const { printer } = first;
    await waitFor(() => printer.status().state === 'ready', 'ready status');
    expect((await printer.print(job('t4', '0004'))).ok).toBe(true);
    await waitFor(() => first.peer.cuts() === 1, 'first ticket');

    await first.peer.close();
    await first.pair.close();
    await waitFor(() => ['disconnected', 'no-reply'].includes(printer.status().state), 'unplugged status');
    const held = await printer.print(job('t5', '0005'));
    expect(held.ok).toBe(false);

    let replugged: { pair: PtyPair; peer: EscPosPeer } | undefined;
    const pair = await openPtyPair(dir, 'printer');
    replugged = { pair, peer: await EscPosPeer.open(pair.peerPath, { strayBytes: true }) };
    cleanups.push(async () => {
      await replugged?.peer.close();
      await replugged?.pair.close();
    });
    await waitFor(() => replugged!.peer.cuts() === 1, 'held ticket after replug', 30_000);
    await waitFor(() => printer.jobs().find((j) => j.id === 't5')?.state === 'printed', 'job printed');
    await pause(500);
    expect(replugged.peer.numbers()).toEqual(['0005']);
    expect(first.peer.numbers()).toEqual(['0004']);
    expect(printer.status().state).toBe('ready');
  });

  ptyOnly('notices a vanished path by itself, without waiting for a status reply, and prints the held ticket once later', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-printer-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    // Polls and reply waits this long cannot explain a quick detection: only the path check can.
    const first = await setUp(dir, { idlePollMs: 600_000, replyTimeoutMs: 600_000 });
    const { printer } = first;
    await waitFor(() => printer.status().state === 'ready', 'ready status');

    // The path goes while the pty behind it stays up, so the binding has nothing to notice.
    await unlink(first.pair.devicePath);
    await waitFor(() => printer.status().state === 'disconnected', 'the vanished path noticed', 20_000);
    const held = await printer.print(job('t6', '0006'));
    expect(held).toMatchObject({ ok: false, jobId: 't6' });

    await first.peer.close();
    await first.pair.close();
    const pair = await openPtyPair(dir, 'printer');
    const peer = await EscPosPeer.open(pair.peerPath, { strayBytes: true });
    cleanups.push(async () => {
      await peer.close();
      await pair.close();
    });
    await waitFor(() => peer.cuts() === 1, 'the held ticket after the path came back');
    await waitFor(() => printer.jobs().find((j) => j.id === 't6')?.state === 'printed', 'job printed');
    await pause(500);
    expect(peer.numbers()).toEqual(['0006']);
    expect(first.peer.cuts()).toBe(0);
  });
});
