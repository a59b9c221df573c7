/**
 * Call-button latency: a key press on a virtual button box → the answer frame back, over a real
 * socat pty pair and the real serialport bindings. The protocol promises an answer within
 * 200 ms; this measures what the driver itself adds (the handler answers at once). A pty does
 * not throttle to the baud rate: on a real 9600 baud line add about 1 ms per character, roughly
 * 40 ms for a key press frame and its answer.
 * Run: `npx tsx bench/button-latency.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CallButtonDriver } from '../hardware/call-button/call-button-driver.ts';
import { VirtualButtonBox } from '../hardware/call-button/virtual-button-box.ts';
import { configureLogging, logger } from '../server/log.ts';
import { openPtyPair } from '../test/support/pty-pair.ts';
import { percentileMs, roundMs } from './support/figures.ts';

const buttonLog = logger('call-button');

export interface ButtonLatencyFigures {
  name: 'button-latency';
  presses: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Presses that needed a device resend (no answer within 500 ms). */
  resent: number;
}

/**
 * Presses keys one after another (as clerks do) round-robin over ten counters sharing one line,
 * so no (counter, seq) repeats within the 10 s repeat window and every press reaches the handler.
 */
export async function run(options: { presses?: number } = {}): Promise<ButtonLatencyFigures> {
  const presses = options.presses ?? 300;
  configureLogging({ level: 'warn' });
  const dir = await mkdtemp(join(tmpdir(), 'motcua-bench-buttons-'));
  const pair = await openPtyPair(dir, 'buttons');
  const counters = Array.from({ length: 10 }, (_, i) => i + 1);
  let handled = 0;
  const driver = new CallButtonDriver({
    log: buttonLog,
    path: pair.devicePath,
    counters,
    onPress: async () => ({ status: 'OK', text: String(1000 + ++handled) }),
  });
  try {
    driver.start();
    await waitForOpen(driver);
    const box = await VirtualButtonBox.open({ log: buttonLog, path: pair.peerPath, counters, heartbeatMs: false });
    const latencies: number[] = [];
    try {
      for (let i = 0; i < presses; i++) {
        const started = performance.now();
        await box.press(counters[i % counters.length] ?? 1, 'NEXT');
        latencies.push(performance.now() - started);
      }
    } finally {
      await box.close();
    }
    if (handled !== presses) throw new Error(`handler ran ${handled} times for ${presses} presses`);
    latencies.sort((a, b) => a - b);
    return {
      name: 'button-latency',
      presses,
      p50Ms: roundMs(percentileMs(latencies, 0.5)),
      p99Ms: roundMs(percentileMs(latencies, 0.99)),
      maxMs: roundMs(latencies.at(-1) ?? 0),
      resent: latencies.filter((ms) => ms >= 500).length,
    };
  } finally {
    await driver.stop();
    await pair.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function waitForOpen(driver: CallButtonDriver): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (driver.health().line !== 'open') {
    if (Date.now() > deadline) throw new Error('the driver did not open its end of the pty pair');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run();
  console.log(
    `button press → answer over a pty (no baud-rate throttling): ${figures.presses} presses, ` +
      `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms, resent ${figures.resent}`,
  );
}
