import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { charsetsFor, decodeEscPos, printerProfile } from '../../hardware/printer/index.ts';
import type { PrintOutcome, PrintersSettingsInput, PrintersView } from '../../protocol/printers.ts';
import type { IssuedTicket, KioskSnapshot } from '../../protocol/views.ts';
import { configureLogging } from '../../server/log.ts';
import { EscPosDevice, EscPosNetworkPrinter, EscPosPeer, ticketsOf } from '../support/escpos-peer.ts';
import { openPtyPair } from '../support/pty-pair.ts';
import { command, nextEvent, TestServer, type ClientSocket } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';

// A 58 mm printer with a Windows-1258 code page, as a centre would set it up: text decodes to Vietnamese.
const profile = printerProfile({ paperWidthMm: 58, dotsPerLine: 384, vietnameseMode: 'codepage-cp1258' });

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
beforeAll(() => configureLogging({ level: 'silent' }));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-printing-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function serialPrinter(dir: string) {
  const pair = await openPtyPair(dir, 'printer');
  const peer = await EscPosPeer.open(pair.peerPath, { profile });
  cleanups.push(async () => {
    await peer.close();
    await pair.close();
  });
  return { pair, peer, device: peer.device };
}

async function start(printers: PrintersSettingsInput, dataDir?: string): Promise<TestServer> {
  const server = await TestServer.start({ printers, ...(dataDir && { dataDir }) });
  cleanups.push(() => server.close());
  return server;
}

async function kiosk(server: TestServer, printerId?: string): Promise<{ socket: ClientSocket; snapshots: KioskSnapshot['printer'][] }> {
  const admin = await server.adminToken();
  const code = await server.request<{ code: string }>(
    'POST',
    '/api/devices/pairing-codes',
    { kind: 'kiosk', name: `Ki-ốt ${printerId ?? ''}`, ...(printerId && { printerId }) },
    admin,
  );
  if (!code.body.ok) throw new Error(code.body.error.code);
  const paired = await server.request<{ token: string }>('POST', '/api/devices/pair', { code: code.body.value.code });
  if (!paired.body.ok) throw new Error(paired.body.error.code);
  const socket = await server.socket(paired.body.value.token);
  const snapshots: KioskSnapshot['printer'][] = [];
  socket.on('kiosk:snapshot', (s) => snapshots.push(s.printer));
  const first = await command(socket, 'kiosk:subscribe');
  if (first.ok) snapshots.push(first.value.printer);
  return { socket, snapshots };
}

/** Issues a ticket; resolves with the answer and the printer's outcome (the same when nothing was sent). */
async function issue(socket: ClientSocket): Promise<{ issued: IssuedTicket; outcome: PrintOutcome }> {
  const finished = nextEvent(socket, 'ticket:print-finished', () => true, 30_000);
  const r = await command(socket, 'ticket:issue', { serviceId: 'civil-status', procedureCode: '1.004873' });
  if (!r.ok) throw new Error(r.error.code);
  if (r.value.print.kind !== 'printing') {
    finished.catch(() => undefined);
    return { issued: r.value, outcome: r.value.print };
  }
  const f = await finished;
  expect(f.ticketId).toBe(r.value.ticket.id);
  return { issued: r.value, outcome: f.print };
}

const serialSettings = (path: string): PrintersSettingsInput => ({
  version: 1,
  printers: [{ id: 'lobby', name: 'Máy in sảnh', transport: { kind: 'serial', path, baudRate: 19200 }, profile }],
});

describe('ticket printing through the real server and drivers', () => {
  it('tells the kiosk what the printer did: printed, or not printed and never printed later', async () => {
    const dir = await tempDir();
    const plug = await serialPrinter(dir);
    const server = await start(serialSettings(plug.pair.devicePath));
    const { socket, snapshots } = await kiosk(server);
    await waitFor(() => snapshots.at(-1)?.state === 'ready', 'the kiosk told the printer is ready');

    const first = await issue(socket);
    expect(first.issued.print).toEqual({ kind: 'printing', printerId: 'lobby' });
    expect(first.outcome).toMatchObject({ kind: 'printed', confirmed: true, printerId: 'lobby' });
    const [paper] = plug.device.tickets();
    expect(paper?.text).toContain(first.issued.ticket.label);
    expect(paper?.qr).toEqual([first.issued.followUrl]);
    // Every case's papers of the procedure chosen, the ID card marked as shown only.
    const text = paper?.text.join(' ') ?? '';
    expect(text).toMatch(/- Giấy tờ tùy thân .*\(xuất trình\)/);
    expect(text).toMatch(/Trường hợp đã từng kết hôn.*: - Bản án, quyết định ly hôn/);
    expect(text).toContain('Đường dây nóng: 1900 0000');

    plug.device.paperOut = true;
    await waitFor(() => snapshots.at(-1)?.state === 'paper_out', 'the kiosk told of paper end');
    const during = await issue(socket);
    expect(during.issued.print).toEqual({ kind: 'not_printed', printerId: 'lobby', reason: 'paper_out' });
    plug.device.paperOut = false;
    await waitFor(() => snapshots.at(-1)?.state === 'ready', 'paper is back');
    await new Promise((r) => setTimeout(r, 500));
    expect(plug.device.tickets()).toHaveLength(1);

    // The citizen asks at the desk: a clerk reprints it by its number.
    const clerk = await server.clerkToken('desk1');
    const reprint = await server.request<PrintOutcome>('POST', '/api/reprints', { label: during.issued.ticket.label }, clerk);
    expect(reprint.body).toMatchObject({ ok: true, value: { kind: 'printed', printerId: 'lobby' } });
    expect(plug.device.tickets()[1]?.qr).toEqual([during.issued.followUrl]);
    expect(plug.device.document().errors).toEqual([]);
  });

  it('prints each kiosk on its own printer (network and USB), chosen at pairing or in the admin app', async () => {
    const dir = await tempDir();
    const network = await EscPosNetworkPrinter.listen(new EscPosDevice({ profile }));
    cleanups.push(() => network.close());
    const lp = join(dir, 'lp0');
    await writeFile(lp, '');
    const server = await start({
      version: 1,
      printers: [
        { id: 'hall-a', name: 'Sảnh A', transport: { kind: 'network', host: '127.0.0.1', port: network.port }, profile },
        { id: 'hall-b', name: 'Sảnh B', transport: { kind: 'usb', path: lp }, profile },
      ],
    });
    const a = await kiosk(server, 'hall-a');
    const b = await kiosk(server, 'hall-b');
    await waitFor(() => a.snapshots.at(-1)?.state === 'ready' && b.snapshots.at(-1)?.state === 'unknown', 'each kiosk told of its printer');
    const fromA = await issue(a.socket);
    const fromB = await issue(b.socket);
    expect(fromA.outcome).toMatchObject({ kind: 'printed', printerId: 'hall-a', confirmed: true });
    // The file never answers status: printed, but unconfirmed.
    expect(fromB.outcome).toMatchObject({ kind: 'printed', printerId: 'hall-b', confirmed: false });
    expect(network.device.tickets().map((t) => t.qr)).toEqual([[fromA.issued.followUrl]]);
    const onFile = ticketsOf(decodeEscPos(new Uint8Array(await readFile(lp)), charsetsFor(profile)));
    expect(onFile.map((t) => t.qr)).toEqual([[fromB.issued.followUrl]]);

    // The admin moves kiosk B to printer A.
    const admin = await server.adminToken();
    const view = await server.request<PrintersView>('GET', '/api/printers', undefined, admin);
    if (!view.body.ok) throw new Error('no view');
    const kioskB = view.body.value.kiosks.find((k) => k.printerId === 'hall-b')!;
    await server.request('PUT', `/api/kiosks/${kioskB.id}/printer`, { printerId: 'hall-a' }, admin);
    await waitFor(() => b.snapshots.at(-1)?.state === 'ready', 'kiosk B told of its new printer');
    const moved = await issue(b.socket);
    expect(moved.outcome).toMatchObject({ kind: 'printed', printerId: 'hall-a' });
    expect(network.device.tickets()).toHaveLength(2);
  });

  it('reprints any ticket of the day after a restart, rebuilt from the durable ticket', async () => {
    const dir = await tempDir();
    const dataDir = join(dir, 'data');
    const plug = await serialPrinter(dir);
    const first = await start(serialSettings(plug.pair.devicePath), dataDir);
    const { socket } = await kiosk(first);
    const issued = await issue(socket);
    expect(issued.outcome.kind).toBe('printed');
    await first.close();
    cleanups.pop();

    const again = await start(serialSettings(plug.pair.devicePath), dataDir);
    const admin = await again.adminToken();
    await waitFor(() => again.server.ctx.printing.state('lobby') === 'ready', 'printer ready after restart');
    const r = await again.request<PrintOutcome>('POST', '/api/reprints', { label: issued.issued.ticket.label }, admin);
    expect(r.body).toMatchObject({ ok: true, value: { kind: 'printed' } });
    const [before, after] = plug.device.tickets();
    expect(after?.qr).toEqual(before?.qr);
    expect(after?.text).toContain(issued.issued.ticket.label);
    const view = await again.request<PrintersView>('GET', '/api/printers', undefined, admin);
    expect(view.body.ok && view.body.value.printers[0]?.jobs[0]).toMatchObject({ label: issued.issued.ticket.label, reprint: true });
    expect((await again.request('POST', '/api/reprints', { label: 'ZZ999' }, admin)).status).toBe(404);
  });
});
