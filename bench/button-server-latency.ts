/**
 * Call-button latency through the real server: a NEXT press on a virtual button box → the
 * server's driver → the queue (decision, journal write and fsync, broadcasts) → the `$A` answer
 * with the called number, over a socat pty pair and the real serialport bindings. The protocol
 * asks for an answer within 200 ms. A pty does not throttle to the baud rate: on a real
 * 9600 baud line add about 40 ms for a key press frame and its answer.
 * Run: `npx tsx bench/button-server-latency.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VirtualButtonBox } from '../hardware/call-button/virtual-button-box.ts';
import { resolveSettings } from '../server/config.ts';
import { createServer } from '../server/create-server.ts';
import { configureLogging, logger } from '../server/log.ts';
import { TicketPrinting } from '../server/printing/ticket-printing.ts';
import { DataDirLock } from '../server/store/data-dir-lock.ts';
import { openPtyPair } from '../test/support/pty-pair.ts';
import { percentileMs, roundMs } from './support/figures.ts';

export interface ButtonServerLatencyFigures {
  name: 'button-server-latency';
  presses: number;
  /** Presses answered OK with a called number (the rest found nobody waiting). */
  called: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Presses that needed a device resend (no answer within 500 ms). */
  resent: number;
}

/**
 * Eight counters' buttons on one line press NEXT in turn, as clerks do, against a queue filled
 * beforehand; before each measured NEXT a FINISH press finishes the counter's current ticket.
 */
export async function run(options: { presses?: number } = {}): Promise<ButtonServerLatencyFigures> {
  const presses = options.presses ?? 300;
  configureLogging({ level: 'warn' });
  const dir = await mkdtemp(join(tmpdir(), 'motcua-bench-button-server-'));
  const pair = await openPtyPair(dir, 'buttons');
  const counters = [1, 2, 3, 4, 5, 6, 7, 8];
  const settings = resolveSettings(['--port', '0', '--host', '127.0.0.1', '--data-dir', join(dir, 'data'), '--always-open'], {});
  const lock = await DataDirLock.acquire(settings.dataDir, 0, Date.now());
  const server = await createServer({
    settings,
    lock,
    printing: await TicketPrinting.inDataDir(settings.dataDir, null),
    buttons: [{ path: pair.devicePath, counters }],
  });
  let box: VirtualButtonBox | null = null;
  try {
    const services = server.ctx.site.get().services.map((s) => s.id);
    for (let i = 0; i < presses * 3; i++) {
      const r = await server.ctx.engine.execute(
        { kind: 'issue', issue: { serviceId: services[i % services.length]!, source: 'kiosk' } },
        { kind: 'system' },
      );
      if (!r.ok) throw new Error(`issue refused: ${r.refusal.code}`);
    }
    await waitForOpen(() => server.ctx.buttons.health()[0]?.line === 'open');
    box = await VirtualButtonBox.open({ log: logger('call-button'), path: pair.peerPath, counters, heartbeatMs: false });
    const latencies: number[] = [];
    let called = 0;
    for (let i = 0; i < presses; i++) {
      // FINISH first, unmeasured: a NEXT seconds after a call finishes nobody and answers WAIT.
      await box.press(counters[i % counters.length]!, 'FINISH');
      const started = performance.now();
      const answer = await box.press(counters[i % counters.length]!, 'NEXT');
      latencies.push(performance.now() - started);
      if (answer.status === 'ERR') throw new Error(`press refused: ${answer.text ?? ''}`);
      if (answer.status === 'OK') called++;
    }
    latencies.sort((a, b) => a - b);
    return {
      name: 'button-server-latency',
      presses,
      called,
      p50Ms: roundMs(percentileMs(latencies, 0.5)),
      p99Ms: roundMs(percentileMs(latencies, 0.99)),
      maxMs: roundMs(latencies.at(-1) ?? 0),
      resent: latencies.filter((ms) => ms >= 500).length,
    };
  } finally {
    await box?.close();
    await server.close();
    await lock.release();
    await pair.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function waitForOpen(open: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!open()) {
    if (Date.now() > deadline) throw new Error('the server did not open its end of the pty pair');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const f = await run();
  console.log(
    `button press → answer through the real server over a pty: ${f.presses} presses (${f.called} called a number), ` +
      `p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms, resent ${f.resent}`,
  );
}
