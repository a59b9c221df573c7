import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkOpener } from '../../../hardware/link/device-link.ts';
import { networkLink } from '../../../hardware/link/network-link.ts';
import { usbPrinterLink } from '../../../hardware/link/usb-printer-link.ts';
import { createEscPosPrinter } from '../../../hardware/printer/escpos-printer.ts';
import { decodeEscPos } from '../../../hardware/printer/escpos-decoder.ts';
import type { PrinterDriver } from '../../../hardware/printer/printer-driver.ts';
import { printerProfile } from '../../../hardware/printer/printer-profile.ts';
import { sampleTicketLayout } from '../../../hardware/printer/sample-ticket.ts';
import { logger } from '../../../server/log.ts';
import { EscPosDevice, EscPosNetworkPrinter, ticketsOf } from '../../support/escpos-peer.ts';
import { openPtyPair } from '../../support/pty-pair.ts';
import { SerialPort } from 'serialport';
import { waitFor } from '../../support/wait-for.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const profile = printerProfile({ vietnameseMode: 'codepage-tcvn3' });
const job = (id: string, number: string) => ({ id, layout: sampleTicketLayout({ number }) });

function driverOn(link: LinkOpener, replyTimeoutMs = 1000): PrinterDriver {
  const printer = createEscPosPrinter({
    link,
    profile,
    log: logger('printer'),
    idlePollMs: 100,
    replyTimeoutMs,
    reconnect: { initialMs: 50, maxMs: 400 },
  });
  cleanups.push(() => printer.close());
  return printer;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-links-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('ESC/POS printer on a USB printer-class device', () => {
  it('prints into a device that never answers (a plain file): status unknown, printed unconfirmed', async () => {
    const path = join(await tempDir(), 'lp0');
    await writeFile(path, '');
    const printer = driverOn(usbPrinterLink({ path }), 200);
    await waitFor(() => printer.status().state === 'unknown', 'unknown status');
    expect(await printer.print(job('u1', '0101'))).toMatchObject({ ok: true, confirmed: false });
    expect(await printer.print(job('u2', '0102'))).toMatchObject({ ok: true, confirmed: false });
    const tickets = ticketsOf(decodeEscPos(new Uint8Array(await readFile(path)), { 30: 'tcvn3', 31: 'tcvn3-capitals' }));
    expect(tickets.map((t) => t.text.find((l) => /^010\d$/.test(l)))).toEqual(['0101', '0102']);
    expect(tickets[0]?.text).toContain('Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh');
    expect(printer.status().state).toBe('unknown');
  });

  it('reads status back where the device answers (a pty standing in for /dev/usb/lp0)', async () => {
    const pair = await openPtyPair(await tempDir(), 'lp0');
    cleanups.push(() => pair.close());
    const device = new EscPosDevice({ profile });
    const peer = new SerialPort({ path: pair.peerPath, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => peer.open((e) => (e ? reject(e) : resolve())));
    cleanups.push(() => new Promise((resolve) => peer.close(() => resolve())));
    peer.on('data', (chunk: Buffer) => {
      const answer = device.receive(chunk);
      if (answer.length) peer.write(Buffer.from(answer));
    });
    const printer = driverOn(usbPrinterLink({ path: pair.devicePath }));
    await waitFor(() => printer.status().state === 'ready', 'ready status');
    expect(await printer.print(job('u3', '0103'))).toMatchObject({ ok: true, confirmed: true });
    await waitFor(() => device.numbers().includes('0103'), 'the ticket');
    device.coverOpen = true;
    await waitFor(() => printer.status().state === 'cover-open', 'cover open');
    expect(await printer.print(job('u4', '0104'))).toEqual({ ok: false, jobId: 'u4', reason: 'cover-open' });
    expect(device.numbers()).toEqual(['0103']);
  });
});

describe('ESC/POS printer on the network (raw TCP)', () => {
  async function networkPrinter(device = new EscPosDevice({ profile })): Promise<EscPosNetworkPrinter> {
    const printer = await EscPosNetworkPrinter.listen(device);
    cleanups.push(() => printer.close());
    return printer;
  }

  it('prints and confirms through a printer that answers status, and reconnects after it drops the connection', async () => {
    const remote = await networkPrinter();
    const printer = driverOn(networkLink({ host: '127.0.0.1', port: remote.port }));
    await waitFor(() => printer.status().state === 'ready', 'ready status');
    expect(await printer.print(job('n1', '0201'))).toMatchObject({ ok: true, confirmed: true });
    const seen: string[] = [];
    printer.onStatus((st) => seen.push(st.state));
    remote.dropConnections();
    await waitFor(() => seen.includes('disconnected'), 'the dropped connection noticed');
    await waitFor(() => printer.status().state === 'ready', 'reconnected');
    expect(await printer.print(job('n2', '0202'))).toMatchObject({ ok: true, confirmed: true });
    await waitFor(() => remote.device.numbers().length === 2, 'both tickets');
    expect(remote.device.numbers()).toEqual(['0201', '0202']);
    expect(remote.device.document().errors).toEqual([]);
  });

  it('prints on a printer without a back channel, its status unknown', async () => {
    const remote = await networkPrinter(new EscPosDevice({ profile, answersStatus: false }));
    const printer = driverOn(networkLink({ host: '127.0.0.1', port: remote.port }), 200);
    await waitFor(() => printer.status().state === 'unknown' && remote.connections === 1, 'connected, status unknown');
    expect(await printer.print(job('n3', '0203'))).toMatchObject({ ok: true, confirmed: false });
    await waitFor(() => remote.device.numbers().includes('0203'), 'the ticket');
  });

  it('says "not printed" while the printer is switched off, and prints nothing of it later', async () => {
    const remote = await networkPrinter();
    const printer = driverOn(networkLink({ host: '127.0.0.1', port: remote.port, connectTimeoutMs: 500 }));
    await waitFor(() => printer.status().state === 'ready', 'ready status');
    await remote.close();
    await waitFor(() => printer.status().state === 'disconnected', 'gone');
    expect(await printer.print(job('n4', '0204'))).toEqual({ ok: false, jobId: 'n4', reason: 'disconnected' });
    expect(remote.device.numbers()).toEqual([]);
  });
});
