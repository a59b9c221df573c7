import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualButtonBox } from '../../hardware/call-button/index.ts';
import type { CounterSnapshot, IssuedTicket } from '../../protocol/views.ts';
import { steadyClock } from '../../server/clock.ts';
import { repoDir } from '../../server/create-server.ts';
import { openPtyPair, type PtyPair } from '../support/pty-pair.ts';
import { at, monday } from '../support/site-fixture.ts';
import { command, TestServer, type ClientSocket } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';
import { logger } from '../../server/log.ts';

const buttonLog = logger('call-button');

// The real server with its call buttons on a socat pty pair: the server opens one end with the
// real serialport bindings (configured through the site config's `server.buttons`), a virtual
// button box plays counters 1 and 2 on the other.

let dir: string;
let pair: PtyPair;
let server: TestServer;
let box: VirtualButtonBox | undefined;
let kiosk: ClientSocket;

/** The centre's clock: Monday 09:00 at real speed until a test accelerates it, as the day simulator does. */
const centre = { from: 0, realFrom: 0, speed: 1 };
const centreNow = (): number => centre.from + (Date.now() - centre.realFrom) * centre.speed;
function accelerateCentreClock(speed: number): void {
  Object.assign(centre, { from: centreNow(), realFrom: Date.now(), speed });
}

beforeEach(async () => {
  Object.assign(centre, { from: at(monday, '09:00'), realFrom: Date.now(), speed: 1 });
  dir = await mkdtemp(join(tmpdir(), 'motcua-server-buttons-'));
  pair = await openPtyPair(dir, 'buttons');
  const site = JSON.parse(await readFile(join(repoDir, 'data/site.json'), 'utf8')) as Record<string, unknown>;
  site.server = { buttons: [{ path: pair.devicePath, counters: [1, 2] }] };
  await writeFile(join(dir, 'site.json'), JSON.stringify(site));
  // Accelerated like the day simulator's clock: monotonic time runs as fast, so nothing looks like a jump.
  server = await TestServer.start({ dataDir: dir, clock: steadyClock(centreNow) });
  await lineOpen();
  box = await VirtualButtonBox.open({ log: buttonLog, path: pair.peerPath, counters: [1, 2], heartbeatMs: false });
  kiosk = await server.socket(await server.deviceToken('kiosk'));
});

afterEach(async () => {
  await box?.close();
  await server.close();
  await pair.close();
  await rm(dir, { recursive: true, force: true });
});

function theBox(): VirtualButtonBox {
  if (!box) throw new Error('no button box open');
  return box;
}

function health() {
  const line = server.server.ctx.buttons.health()[0];
  if (!line) throw new Error('no button line');
  return line;
}

function lineOpen(): Promise<void> {
  return waitFor(() => health().line === 'open', 'the server to open its end of the pty');
}

async function issue(serviceId = 'civil-status'): Promise<IssuedTicket> {
  const r = await command(kiosk, 'ticket:issue', { serviceId });
  if (!r.ok) throw new Error(`issue refused: ${r.error.code}`);
  return r.value;
}

function ticket(id: string) {
  const t = server.server.ctx.engine.state.tickets.get(id);
  if (!t) throw new Error(`no ticket ${id}`);
  return t;
}

function calledTickets() {
  return [...server.server.ctx.engine.state.tickets.values()].filter((t) => t.status === 'called');
}

describe('call buttons wired to the server', () => {
  it('calls the next ticket on NEXT and answers with its number', async () => {
    const first = await issue();
    await issue();
    const answer = await theBox().press(1, 'NEXT');
    expect(answer).toMatchObject({ counter: 1, status: 'OK', text: first.ticket.label });
    expect(ticket(first.ticket.id)).toMatchObject({ status: 'called', counterId: 1 });
  });

  it('answers EMPTY when nobody is waiting', async () => {
    expect(await theBox().press(1, 'NEXT')).toMatchObject({ status: 'EMPTY' });
  });

  it('acts once on a repeated seq: one ticket called, the same answer twice', async () => {
    const first = await issue();
    const second = await issue();
    const answer = await theBox().press(1, 'NEXT', undefined, { seq: 7 });
    const repeat = await theBox().press(1, 'NEXT', undefined, { seq: 7 });
    expect(repeat).toEqual(answer);
    expect(ticket(first.ticket.id).status).toBe('called');
    expect(ticket(second.ticket.id).status).toBe('waiting');
  });

  it('acts once on a resend 500 ms later in real time while the centre clock runs ×600', async () => {
    const first = await issue();
    const second = await issue();
    accelerateCentreClock(600);
    const answer = await theBox().press(1, 'NEXT', undefined, { seq: 7 });
    // A device resends after 500 ms without an answer: five minutes on the centre's clock.
    const centreBefore = centreNow();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(centreNow() - centreBefore).toBeGreaterThan(10_000);
    const resend = await theBox().press(1, 'NEXT', undefined, { seq: 7 });
    expect(resend).toEqual(answer);
    expect(ticket(first.ticket.id).status).toBe('called');
    expect(ticket(second.ticket.id).status).toBe('waiting');
  });

  it('ignores garbage and bad checksums, counts them, and leaves the queue alone', async () => {
    const waiting = await issue();
    theBox().sendLine('hello there');
    theBox().sendLine('$K,01,09,NEXT*00');
    theBox().sendBytes(Buffer.from([0xff, 0x00, 0x24, 0x0d, 0x0a]));
    await waitFor(() => health().framesBad >= 3, 'three bad frames counted');
    expect(ticket(waiting.ticket.id).status).toBe('waiting');
    expect(calledTickets()).toEqual([]);
    expect(await theBox().press(1, 'NEXT')).toMatchObject({ status: 'OK', text: waiting.ticket.label });
  });

  it('refuses with a short code: NEXT on a paused counter, then works again after RESUME', async () => {
    await issue();
    await issue();
    expect(await theBox().press(1, 'NEXT')).toMatchObject({ status: 'OK' });
    expect(await theBox().press(1, 'PAUSE')).toMatchObject({ status: 'OK' });
    expect(server.server.ctx.engine.state.counters.get(1)).toMatchObject({ status: 'paused', pauseReason: 'Tạm dừng từ nút gọi' });
    expect(await theBox().press(1, 'NEXT')).toMatchObject({ status: 'ERR', text: 'PAUSED' });
    expect(await theBox().press(1, 'RESUME')).toMatchObject({ status: 'OK' });
    // Seconds after the call a NEXT is taken for a slip: the citizen just called is not finished (issue 14).
    expect(await theBox().press(1, 'NEXT')).toMatchObject({ status: 'ERR', text: 'WAIT' });
    expect(calledTickets()).toHaveLength(1);
    expect(await theBox().press(1, 'FINISH')).toMatchObject({ status: 'OK' });
    expect(await theBox().press(1, 'NEXT')).toMatchObject({ status: 'OK' });
  });

  it('transfers the current ticket to a service by its code, keeping the number', async () => {
    const t = await issue();
    await theBox().press(1, 'NEXT');
    expect(await theBox().press(1, 'TRANSFER', 'CT')).toMatchObject({ status: 'OK' });
    expect(ticket(t.ticket.id)).toMatchObject({ status: 'waiting', serviceId: 'certification', label: t.ticket.label });
    expect(await theBox().press(1, 'TRANSFER', 'ZZ')).toMatchObject({ status: 'ERR' });
  });

  it('shows the waiting count on each counter display when it changes', async () => {
    const shown = (counter: number) =>
      theBox()
        .received.filter((f) => f.type === 'D' && f.counter === counter)
        .map((f) => (f.type === 'D' ? f.text : ''));
    await issue();
    await issue('certification');
    await waitFor(() => shown(1).includes('CHO 1') && shown(2).includes('CHO 2'), 'waiting counts on both displays');
    await theBox().press(2, 'NEXT');
    await waitFor(() => shown(2).at(-1) === 'CHO 1', 'counter 2 display to drop to 1');
    const civilWaiting = [...server.server.ctx.engine.state.tickets.values()].filter(
      (t) => t.status === 'waiting' && t.serviceId === 'civil-status',
    );
    await waitFor(() => shown(1).at(-1) === `CHO ${civilWaiting.length}`, 'counter 1 display to follow');
  });

  it('recovers when the adapter is unplugged and plugged back at the same path', async () => {
    const t = await issue();
    await theBox().close();
    box = undefined;
    await pair.close();
    await waitFor(() => health().line === 'closed', 'the line to close');
    pair = await openPtyPair(dir, 'buttons');
    await lineOpen();
    box = await VirtualButtonBox.open({ log: buttonLog, path: pair.peerPath, counters: [1, 2], heartbeatMs: false });
    expect(await theBox().press(1, 'NEXT')).toMatchObject({ status: 'OK', text: t.ticket.label });
  });

  it('keeps a console and a button on the same counter consistent, with no double call', async () => {
    const clerk = await server.socket(await server.clerkToken('clerk1', [1]));
    const joined = await command(clerk, 'counter:join', { counterId: 1 });
    expect(joined.ok).toBe(true);
    const snapshots: CounterSnapshot[] = [];
    clerk.on('counter:snapshot', (s) => snapshots.push(s));
    const first = await issue();
    const second = await issue();

    const answer = await theBox().press(1, 'NEXT');
    expect(answer.text).toBe(first.ticket.label);
    await waitFor(() => snapshots.at(-1)?.current?.label === first.ticket.label, 'the console to see the button’s call');

    expect((await command(clerk, 'counter:finish', { counterId: 1 })).ok).toBe(true);
    const byConsole = await command(clerk, 'counter:next', { counterId: 1 });
    expect(byConsole.ok && byConsole.value.current?.label).toBe(second.ticket.label);
    expect(ticket(first.ticket.id).status).toBe('finished');
    expect(await theBox().press(1, 'RECALL')).toMatchObject({ status: 'OK', text: second.ticket.label });
    expect(await theBox().press(1, 'FINISH')).toMatchObject({ status: 'OK' });
    expect(await theBox().press(1, 'NEXT')).toMatchObject({ status: 'EMPTY' });
    await waitFor(() => snapshots.at(-1)?.current === null, 'the console to see the counter free');
    const calls = [first, second].map((x) => ticket(x.ticket.id).firstCalledAt !== null);
    expect(calls).toEqual([true, true]);
    expect(ticket(second.ticket.id).recalls).toBe(1);
  });

  it('acts as the clerk signed in at the counter, else as the button', async () => {
    await issue();
    await issue();
    await theBox().press(1, 'NEXT');
    expect(calledTickets()[0]!.clerkId).toBeNull();
    const clerk = await server.socket(await server.clerkToken('clerk2', [1]));
    await command(clerk, 'counter:join', { counterId: 1 });
    expect((await command(clerk, 'counter:open', { counterId: 1 })).ok).toBe(true);
    const clerkId = server.server.ctx.engine.state.counters.get(1)?.clerkId;
    expect(clerkId).toBeTruthy();
    await theBox().press(1, 'FINISH');
    await theBox().press(1, 'NEXT');
    expect(calledTickets()[0]!.clerkId).toBe(clerkId);
  });

  it('reports line and counter health to the admin', async () => {
    theBox().sendHeartbeats();
    await waitFor(() => health().counters.every((c) => c.online), 'both counters online');
    const admin = await server.adminToken();
    const r = await server.request<{
      buttons: Array<{ path: string; line: string; counters: Array<{ counter: number; online: boolean; lastHeartbeatAt: number | null }> }>;
    }>('GET', '/api/devices/health', undefined, admin);
    expect(r.status).toBe(200);
    expect(r.body.ok && r.body.value.buttons[0]).toMatchObject({ path: pair.devicePath, line: 'open' });
    expect(r.body.ok && r.body.value.buttons[0]?.counters.map((c) => c.online)).toEqual([true, true]);
    const clerk = await server.request('GET', '/api/devices/health', undefined, await server.clerkToken('clerk3'));
    expect(clerk.status).toBe(403);
  });
});
