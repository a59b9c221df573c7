import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualButtonBox, type AnswerFrame } from '../../hardware/call-button/index.ts';
import { printerProfile } from '../../hardware/printer/index.ts';
import type { IssuedTicket, KioskSnapshot } from '../../protocol/views.ts';
import { repoDir } from '../../server/create-server.ts';
import { configureLogging, logger } from '../../server/log.ts';
import { EscPosPeer } from '../support/escpos-peer.ts';
import { openPtyPair, type PtyPair } from '../support/pty-pair.ts';
import { command, TestServer, type ClientSocket } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';

/** The virtual box playing counters 1 and 2 on the buttons pty, as plugged in at the start and after the replug. */
function openButtonBox(): Promise<VirtualButtonBox> {
  return VirtualButtonBox.open({
    log: logger('call-button'),
    path: buttonPair.peerPath,
    counters: [1, 2],
    heartbeatMs: false,
    giveUpMs: 5000,
  });
}

// The real server with a serial printer and a call-button box, each on its own socat pty. Mid-
// burst both adapters are pulled (socat killed: the paths vanish) and plugged back at the same
// paths while kiosks keep issuing and the box keeps pressing NEXT once it is back.
//
// The eight kiosks may issue 48 numbers in one burst (six each, then one per ten seconds), so
// the test spends them by phase. How soon the printer driver notices the pull is not fixed: a
// pull that lands while a status query waits for its answer is noticed only when the reply
// timeout (3 s here) runs out, and a busy machine stretches that. Issued at full speed, the
// numbers would all be gone by then and none would be left to issue while unplugged.

const profile = printerProfile({ paperWidthMm: 58, dotsPerLine: 384, vietnameseMode: 'codepage-cp1258' });
const services = ['civil-status', 'certification'];

let dir: string;
let server: TestServer;
let printerPair: PtyPair;
let printerPeer: EscPosPeer;
let buttonPair: PtyPair;
let box: VirtualButtonBox | null = null;
const printerStates: string[] = [];

beforeAll(async () => {
  configureLogging({ level: 'silent' });
  dir = await mkdtemp(join(tmpdir(), 'motcua-ports-vanish-'));
  printerPair = await openPtyPair(dir, 'printer');
  printerPeer = await EscPosPeer.open(printerPair.peerPath, { profile });
  buttonPair = await openPtyPair(dir, 'buttons');
  const site = JSON.parse(await readFile(join(repoDir, 'data/site.json'), 'utf8')) as Record<string, unknown>;
  site.server = { buttons: [{ path: buttonPair.devicePath, counters: [1, 2] }] };
  await writeFile(join(dir, 'site.json'), JSON.stringify(site));
  server = await TestServer.start({
    dataDir: dir,
    printers: {
      version: 1,
      printers: [{ id: 'lobby', name: 'Lobby', transport: { kind: 'serial', path: printerPair.devicePath, baudRate: 19200 }, profile }],
    },
  });
  await waitFor(() => buttonLine() === 'open', 'the button line to open');
  box = await openButtonBox();
});

afterAll(async () => {
  await box?.close();
  await server?.close();
  await printerPeer?.close();
  await printerPair?.close();
  await buttonPair?.close();
  await rm(dir, { recursive: true, force: true });
});

function buttonLine(): string {
  return server.server.ctx.buttons.health()[0]?.line ?? 'none';
}

/** Kiosks issue at most six numbers in a burst each, so the burst is spread over several. */
async function kiosks(count: number): Promise<ClientSocket[]> {
  const sockets: ClientSocket[] = [];
  for (let i = 0; i < count; i++) sockets.push(await server.socket(await server.deviceToken('kiosk')));
  const watcher = sockets[0]!;
  watcher.on('kiosk:snapshot', (s: KioskSnapshot) => printerStates.push(s.printer.state));
  const first = await command(watcher, 'kiosk:subscribe');
  if (first.ok) printerStates.push(first.value.printer.state);
  return sockets;
}

describe('printer and call-button ports vanish and return mid-burst', () => {
  it('loses nothing, prints nothing twice, and both drivers work again', async () => {
    const booths = await kiosks(8);
    await waitFor(() => printerStates.at(-1) === 'ready', 'the printer to be ready');
    const issued: IssuedTicket[] = [];
    const answers: Array<{ counter: number; answer: AnswerFrame }> = [];
    let issuing = true;
    let attempts = 0;
    /** How many numbers the kiosks may have issued so far; raised phase by phase. */
    let allowance = 12;
    let issueFailure: unknown;
    // A refused or unanswered issue fails the test at once, with its own message.
    const until = (condition: () => boolean, what: string) =>
      waitFor(() => {
        if (issueFailure !== undefined) throw issueFailure;
        return condition();
      }, what);

    const issueLoop = (async () => {
      for (let i = 0; issuing && i < booths.length * 6 - 2; i++) {
        while (issuing && issued.length >= allowance) await new Promise((res) => setTimeout(res, 10));
        if (!issuing) break;
        attempts++;
        const r = await command(booths[i % booths.length]!, 'ticket:issue', { serviceId: services[i % 2]! });
        if (!r.ok) throw new Error(`issue refused: ${r.error.code}`);
        issued.push(r.value);
        await new Promise((res) => setTimeout(res, 40));
      }
    })().catch((error: unknown) => void (issueFailure = error));
    const pressLoop = (async () => {
      for (let n = 0; issuing; n++) {
        const counter = 1 + (n % 2);
        // A press in flight when the box is pulled is rejected; the device would press again.
        // FINISH first: a NEXT seconds after a call finishes nobody and answers WAIT (issue 14).
        await box?.press(counter, 'FINISH').catch(() => null);
        const answer = await box?.press(counter, 'NEXT').catch(() => null);
        if (answer) answers.push({ counter, answer });
        await new Promise((res) => setTimeout(res, 60));
      }
    })();

    await until(() => issued.length >= 8 && answers.length >= 2, 'the burst to get going');
    const printedBefore = printerPeer.tickets();
    const pulled = [box!.close(), printerPeer.close()];
    box = null;
    await Promise.all(pulled);
    await Promise.all([printerPair.close(), buttonPair.close()]);
    // Issues go on while the drivers have yet to notice (tickets queued for a printer that is gone).
    allowance = issued.length + 8;
    await until(() => buttonLine() === 'closed', 'the server to see the button line gone');
    await until(() => ['offline', 'no_reply'].includes(printerStates.at(-1) ?? ''), 'the kiosk to hear the printer is gone');
    const whileGone = issued.length;
    const goneAs = printerStates.at(-1);
    allowance = whileGone + 6;
    await until(() => issued.length >= whileGone + 4, 'issues while unplugged');

    allowance = issued.length + 8;
    printerPair = await openPtyPair(dir, 'printer');
    printerPeer = await EscPosPeer.open(printerPair.peerPath, { profile });
    buttonPair = await openPtyPair(dir, 'buttons');
    await until(() => buttonLine() === 'open', 'the button line to reopen');
    box = await openButtonBox();
    await until(() => printerStates.at(-1) === 'ready', 'the printer to be ready again');
    const pressesBefore = answers.length;
    await until(() => answers.length >= pressesBefore + 2, 'presses after the box is back');
    issuing = false;
    await Promise.all([issueLoop, pressLoop]);
    if (issueFailure !== undefined) throw issueFailure;

    // The drivers recovered: a press is answered and a ticket prints on the new wire.
    const last = await command(booths.at(-1)!, 'ticket:issue', { serviceId: 'civil-status' });
    if (!last.ok) throw new Error(last.error.code);
    issued.push(last.value);
    expect(last.value.print.kind).toBe('printing');
    await waitFor(() => printerPeer.tickets().some((t) => t.qr.includes(last.value.followUrl)), 'the last ticket on paper');
    await box.press(1, 'FINISH');
    const press = await box.press(1, 'NEXT');
    expect(['OK', 'EMPTY']).toContain(press.status);

    // Nothing lost: every acknowledged issue has a number and is in the queue.
    expect(issued).toHaveLength(attempts + 1);
    const tickets = server.server.ctx.engine.state.tickets;
    for (const t of issued) {
      expect(t.ticket.label).toMatch(/\S/);
      expect(tickets.get(t.ticket.id)?.label, `ticket ${t.ticket.label}`).toBe(t.ticket.label);
    }
    // Every answered NEXT called a real ticket to that counter.
    const ok = answers.filter((a) => a.answer.status === 'OK');
    expect(ok.length).toBeGreaterThan(0);
    for (const { counter, answer } of ok) {
      const called = [...tickets.values()].filter((t) => t.label === answer.text && t.counterId === counter);
      expect(
        called.map((t) => t.status),
        `NEXT on ${counter} → ${answer.text}`,
      ).not.toEqual([]);
    }
    // Nothing printed twice, across both plugs; each print is a ticket that was issued.
    const printed = [...printedBefore, ...printerPeer.tickets()].flatMap((t) => t.qr);
    expect(new Set(printed).size).toBe(printed.length);
    const urls = new Set(issued.map((t) => t.followUrl));
    for (const url of printed) expect(urls.has(url)).toBe(true);
    console.info(
      `ports-vanish: ${issued.length} issued, ${printed.length} printed, ${ok.length} presses answered OK, ${issued.length - whileGone} issued after the printer was seen ${goneAs}`,
    );
  }, 120_000);
});
