import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSerialPrinter, ticketWords, type SerialPrinter } from '../../hardware/printer/index.ts';
import type { IssuedTicket, KioskSnapshot, TicketPublicView } from '../../protocol/views.ts';
import { configureLogging, logger } from '../../server/log.ts';
import { adaptPrinter } from '../../server/printing/hardware-printer-adapter.ts';
import { sitePrinterProfile } from '../../server/printing/printer-device.ts';
import { waitFor } from '../support/wait-for.ts';
import { openPtyPair, type PtyPair } from '../support/pty-pair.ts';
import { command, TestServer, type ClientSocket } from '../support/test-server.ts';
import { EscPosPeer } from '../support/escpos-peer.ts';

// A 58 mm printer with a Windows-1258 code page, as a site config would name it: text decodes to Vietnamese.
const profile = sitePrinterProfile('site.json', { paperWidthMm: 58, dotsPerLine: 384, vietnameseMode: 'codepage-cp1258', baudRate: 19200 });

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
beforeAll(() => configureLogging({ level: 'silent' }));

interface Rig {
  server: TestServer;
  device: SerialPrinter;
  kiosk: ClientSocket;
  snapshots: KioskSnapshot['printer'][];
  /** The printer as plugged in now. */
  plug: { pair: PtyPair; peer: EscPosPeer };
}

async function plugIn(dir: string): Promise<{ pair: PtyPair; peer: EscPosPeer }> {
  const pair = await openPtyPair(dir, 'printer');
  const peer = await EscPosPeer.open(pair.peerPath, { profile });
  return { pair, peer };
}

async function unplug(plug: { pair: PtyPair; peer: EscPosPeer }): Promise<void> {
  await plug.peer.close();
  await plug.pair.close();
}

async function startRig(): Promise<Rig> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-printer-it-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const plug = await plugIn(dir);
  const device = createSerialPrinter({
    log: logger('printer'),
    path: plug.pair.devicePath,
    profile,
    idlePollMs: 100,
    // A busy test machine can be slow to answer; a missed reply would read as an unplugged printer.
    replyTimeoutMs: 3000,
    reconnect: { initialMs: 50, maxMs: 400 },
  });
  const server = await TestServer.start({
    serverPrinter: adaptPrinter(device, { isVirtual: false, timeZone: () => 'Asia/Ho_Chi_Minh' }),
  });
  const rig: Rig = { server, device, kiosk: await server.socket(await server.deviceToken('kiosk')), snapshots: [], plug };
  // Closing the server closes the printer driver; the pty pair (whichever is plugged in) goes after.
  cleanups.push(() => unplug(rig.plug));
  cleanups.push(() => server.close());
  rig.kiosk.on('kiosk:snapshot', (s) => rig.snapshots.push(s.printer));
  const subscribed = await command(rig.kiosk, 'kiosk:subscribe');
  if (!subscribed.ok) throw new Error(subscribed.error.code);
  rig.snapshots.push(subscribed.value.printer);
  return rig;
}

const latest = (rig: Rig) => rig.snapshots.at(-1);

async function issue(rig: Rig): Promise<IssuedTicket> {
  const r = await command(rig.kiosk, 'ticket:issue', { serviceId: 'civil-status' });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

/** The ticket as the public follow page sees it: still in the queue, number kept. */
async function followed(rig: Rig, t: IssuedTicket): Promise<TicketPublicView> {
  const r = await rig.server.request<TicketPublicView>('GET', `/api/tickets/${t.ref}`);
  if (!r.body.ok) throw new Error(r.body.error.code);
  return r.body.value;
}

const printedNumbers = (peer: EscPosPeer, labels: string[]) => peer.tickets().map((t) => labels.find((l) => t.text.includes(l)) ?? '?');

describe('server with a serial ESC/POS printer on a real pty', () => {
  it('prints kiosk tickets, tells the kiosk about paper end, and keeps every number', async () => {
    const rig = await startRig();
    await waitFor(() => latest(rig)?.state === 'ready', 'kiosk told the printer is ready');
    expect(latest(rig)?.canPrint).toBe(true);

    const first = await issue(rig);
    expect(first.print).toEqual({ kind: 'queued', jobId: first.ticket.id });
    await waitFor(() => rig.plug.peer.tickets().length === 1, 'the first ticket on paper');
    const [paper] = rig.plug.peer.tickets();
    expect(paper?.text).toContain(first.ticket.label);
    // Vietnamese with its tone marks, through the profile's CP1258 code page.
    expect(paper?.text).toContain(ticketWords('vi').number_label);
    expect(paper?.text).toContain(first.ticket.serviceName.vi);
    expect(paper?.qr).toEqual([first.followUrl]);

    rig.plug.peer.paperOut = true;
    await waitFor(() => latest(rig)?.state === 'paper_out', 'kiosk told of paper end');
    expect(latest(rig)?.canPrint).toBe(false);
    const during = await issue(rig);
    expect(during.print).toEqual({ kind: 'unavailable', reason: 'paper_out' });
    expect(during.ticket.label).not.toBe(first.ticket.label);
    expect(await followed(rig, during)).toMatchObject({ label: during.ticket.label, status: 'waiting' });

    rig.plug.peer.paperOut = false;
    await waitFor(() => latest(rig)?.state === 'ready', 'kiosk told paper is back');
    expect(latest(rig)?.canPrint).toBe(true);
    const after = await issue(rig);
    expect(after.print.kind).toBe('queued');
    await waitFor(() => rig.plug.peer.tickets().length === 2, 'the ticket after paper is back');
    // Jobs go out in order, so the ticket taken on screen during paper end never reached paper.
    expect(
      printedNumbers(
        rig.plug.peer,
        [first, during, after].map((t) => t.ticket.label),
      ),
    ).toEqual([first.ticket.label, after.ticket.label]);
    expect(rig.plug.peer.tickets()[1]?.qr).toEqual([after.followUrl]);
    expect(rig.plug.peer.document().errors).toEqual([]);
  });

  it('goes offline when the printer is unplugged and prints once after it is plugged back', async () => {
    const rig = await startRig();
    await waitFor(() => latest(rig)?.state === 'ready', 'printer ready');
    const dir = join(rig.plug.pair.devicePath, '..');

    await unplug(rig.plug);
    await waitFor(() => ['offline', 'no_reply'].includes(latest(rig)?.state ?? ''), 'kiosk told the printer is gone');
    expect(latest(rig)?.canPrint).toBe(false);
    const unplugged = await issue(rig);
    expect(unplugged.print.kind).toBe('unavailable');
    expect(await followed(rig, unplugged)).toMatchObject({ label: unplugged.ticket.label, status: 'waiting' });

    rig.plug = await plugIn(dir);
    await waitFor(() => latest(rig)?.state === 'ready', 'kiosk told the printer is back', 30_000);
    const replugged = await issue(rig);
    expect(replugged.print.kind).toBe('queued');
    await waitFor(() => rig.plug.peer.tickets().length === 1, 'the ticket after replug');
    await waitFor(() => rig.device.jobs().find((j) => j.id === replugged.ticket.id)?.state === 'printed', 'job marked printed');
    // A later ticket follows on the same wire: a second copy of the first would come before it.
    await waitFor(() => latest(rig)?.state === 'ready', 'printer still ready');
    const next = await issue(rig);
    expect(next.print.kind).toBe('queued');
    await waitFor(() => rig.plug.peer.tickets().length >= 2, 'the next ticket');
    const labels = [unplugged, replugged, next].map((t) => t.ticket.label);
    expect(printedNumbers(rig.plug.peer, labels)).toEqual([replugged.ticket.label, next.ticket.label]);
    expect(rig.device.jobs().filter((j) => j.id === unplugged.ticket.id)).toEqual([]);
  });
});
