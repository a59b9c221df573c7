import { mkdtemp, rm, symlink, unlink, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallButtonDriver, type PressHandler } from '../../../hardware/call-button/call-button-driver.ts';
import { openRealPort, type SerialPortLike } from '../../../hardware/link/serial-link.ts';
import { VirtualButtonBox, type VirtualButtonBoxOptions } from '../../../hardware/call-button/virtual-button-box.ts';
import { configureLogging, logger } from '../../../server/log.ts';
import { openPtyPair, type PtyPair } from '../../support/pty-pair.ts';
import { askPerson, PERSON_TIMEOUT_MS, realButtons } from '../../support/real-devices.ts';
import { waitFor } from '../../support/wait-for.ts';

const buttonLog = logger('call-button');

// Real serialport bindings on a socat pty pair: the driver owns one end, a virtual button box
// plays the device on the other. With MOTCUA_TEST_BUTTONS set, the tests that a person at a real
// box can take part in drive that line instead (the box's own counters, whichever they are);
// the others need the virtual box to send what a test dictates, and stay on the pty.
const ptyOnly = it.skipIf(realButtons !== null);
/** Counters the driver drives: the virtual box plays 3 and 7; a real box may be set to any. */
const counters = realButtons ? Array.from({ length: 99 }, (_, i) => i + 1) : [3, 7];
/** Everything the driver's port received from a real box, to count the frames it sent. */
let heard = '';

beforeAll(() => configureLogging({ level: 'silent' }));

let dir: string;
let pair: PtyPair;
let driver: CallButtonDriver;
let box: VirtualButtonBox | undefined;
let onPress: ReturnType<typeof vi.fn<PressHandler>>;

beforeEach(async () => {
  let called = 1022;
  onPress = vi.fn<PressHandler>(async () => ({ status: 'OK', text: String(++called) }));
  if (realButtons) {
    heard = '';
    driver = new CallButtonDriver({
      log: buttonLog,
      path: realButtons.path,
      baudRate: realButtons.baudRate,
      counters,
      onPress,
      openPort: (options) => {
        const port = openRealPort(options);
        port.on('data', (chunk) => (heard += chunk.toString('latin1')));
        return port;
      },
    });
    driver.start();
    await waitFor(() => driver.health().line === 'open', `the driver to open ${realButtons.path}`);
    return;
  }
  dir = await mkdtemp(join(tmpdir(), 'motcua-buttons-'));
  pair = await openPtyPair(dir, 'buttons');
  driver = new CallButtonDriver({
    log: buttonLog,
    path: pair.devicePath,
    counters,
    onPress,
    reconnect: { initialMs: 50, maxMs: 500 },
  });
  driver.start();
  await waitFor(() => driver.health().line === 'open', 'the driver to open its end');
  box = await openBox();
});

afterEach(async () => {
  await box?.close();
  await driver.stop();
  if (realButtons) return;
  await pair.close();
  await rm(dir, { recursive: true, force: true });
});

/** The counters whose buttons have been heard from, in order. */
function heardCounters(): number[] {
  return driver.health().counters.flatMap((c) => (c.lastSeenAt === null ? [] : [c.counter]));
}

/** Opened only after the driver's end: opening a port flushes what was written before. */
function openBox(options: Partial<VirtualButtonBoxOptions> = {}): Promise<VirtualButtonBox> {
  return VirtualButtonBox.open({ log: buttonLog, path: pair.peerPath, counters: [3, 7], heartbeatMs: false, ...options });
}

function theBox(): VirtualButtonBox {
  if (!box) throw new Error('no button box open');
  return box;
}

describe(realButtons ? `call buttons on ${realButtons.path}` : 'call buttons over a real serial line', () => {
  it(
    'hands a press to the handler and shows its answer on the button',
    async () => {
      if (realButtons) {
        askPerson("Press NEXT on a counter's call button.");
        await waitFor(() => onPress.mock.calls.length > 0, 'a press on the button box', PERSON_TIMEOUT_MS);
        const press = onPress.mock.calls[0]![0];
        expect(press.action).toEqual({ key: 'NEXT' });
        return askPerson(`The button of counter ${press.counter} should now show 1023.`);
      }
      const answer = await theBox().press(3, 'NEXT');
      expect(answer).toEqual({ type: 'A', counter: 3, seq: 0, status: 'OK', text: '1023' });
      expect(onPress).toHaveBeenCalledWith({ counter: 3, seq: 0, action: { key: 'NEXT' } });
    },
    PERSON_TIMEOUT_MS + 30_000,
  );

  ptyOnly('acts once on a repeated seq and answers the repeat the same', async () => {
    const first = await theBox().press(7, 'FINISH', undefined, { seq: 42 });
    const repeat = await theBox().press(7, 'FINISH', undefined, { seq: 42 });
    expect(repeat).toEqual(first);
    expect(onPress).toHaveBeenCalledTimes(1);
  });

  it(
    'acts once when the button resends while the press is still being handled',
    async () => {
      // Slower than the device's 500 ms resend, so copies arrive while the first is in flight.
      onPress.mockImplementationOnce(() => new Promise((resolve) => setTimeout(() => resolve({ status: 'EMPTY' }), 1_200)));
      if (realButtons) {
        askPerson("Press NEXT once on a counter's call button (the answer comes late on purpose).");
        await waitFor(() => onPress.mock.calls.length > 0, 'a press on the button box', PERSON_TIMEOUT_MS);
        // The answer goes out after 1.2 s; by then a device that follows the protocol has resent.
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        expect(heard.match(/\$K,/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
        expect(onPress).toHaveBeenCalledTimes(1);
        return askPerson(`The button of counter ${onPress.mock.calls[0]![0].counter} should show that nobody waits (EMPTY).`);
      }
      const answer = await theBox().press(3, 'NEXT');
      expect(answer.status).toBe('EMPTY');
      expect(onPress).toHaveBeenCalledTimes(1);
    },
    PERSON_TIMEOUT_MS + 30_000,
  );

  ptyOnly('never reuses a seq within the repeat window: the 101st press on a button waits and acts', async () => {
    await theBox().close();
    await driver.stop();
    driver = new CallButtonDriver({ log: buttonLog, path: pair.devicePath, counters: [3, 7], onPress, repeatWindowMs: 2_000 });
    driver.start();
    await waitFor(() => driver.health().line === 'open', 'the driver to open its end');
    box = await openBox({ repeatWindowMs: 2_000 });
    const handledAt: number[] = [];
    onPress.mockImplementation(async () => {
      handledAt.push(performance.now());
      return { status: 'OK' };
    });
    for (let i = 0; i < 101; i++) await theBox().press(3, 'NEXT');
    expect(onPress).toHaveBeenCalledTimes(101);
    expect(onPress.mock.calls.at(-1)?.[0]).toMatchObject({ counter: 3, seq: 0 });
    expect(handledAt[100]! - handledAt[0]!).toBeGreaterThanOrEqual(2_000);
  });

  ptyOnly('spaces presses on one button by pressGapMs, not those on another', async () => {
    await theBox().close();
    box = await openBox({ pressGapMs: 300 });
    const handledAt = new Map<string, number>();
    onPress.mockImplementation(async (press) => {
      handledAt.set(`${press.counter}:${press.seq}`, performance.now());
      return { status: 'OK' };
    });
    const started = performance.now();
    await Promise.all([theBox().press(3, 'NEXT'), theBox().press(3, 'FINISH'), theBox().press(7, 'NEXT')]);
    expect(onPress.mock.calls.map(([press]) => `${press.counter}:${press.seq}:${press.action.key}`).sort()).toEqual([
      '3:0:NEXT',
      '3:1:FINISH',
      '7:0:NEXT',
    ]);
    expect(handledAt.get('3:1')! - started).toBeGreaterThanOrEqual(300);
    expect(handledAt.get('3:1')!).toBeGreaterThan(handledAt.get('3:0')!);
  });

  ptyOnly('ignores garbage and bad checksums, counts them, and keeps answering', async () => {
    theBox().sendBytes(Buffer.from([0x00, 0xff, 0x24, 0x2a, 0x13, 0x0d, 0x0a]));
    theBox().sendLine('$K,03,17,NEXT*66');
    const answer = await theBox().press(3, 'RECALL');
    expect(answer.status).toBe('OK');
    expect(onPress).toHaveBeenCalledTimes(1);
    expect(driver.health()).toMatchObject({ framesBad: 2, framesGood: 1 });
  });

  it('shows counters online once their heartbeats arrive', async () => {
    if (realButtons) {
      // A box sends a heartbeat every 10 s per counter.
      await waitFor(() => driver.health().counters.some((c) => c.online), 'a heartbeat from the button box', 35_000);
      return askPerson(`Counters heard on this line: ${heardCounters().join(', ')}.`);
    }
    await theBox().close();
    box = await openBox({ heartbeatMs: 100 });
    await waitFor(() => driver.health().counters.every((c) => c.online), 'both counters online');
    expect(driver.health().counters.every((c) => c.lastHeartbeatAt !== null)).toBe(true);
  }, 60_000);

  ptyOnly('recovers by itself when the adapter is unplugged and plugged back in', async () => {
    await theBox().close();
    box = undefined;
    await pair.close();
    await waitFor(() => driver.health().line === 'closed', 'the driver to notice the unplug');

    pair = await openPtyPair(dir, 'buttons');
    await waitFor(() => driver.health().line === 'open', 'the driver to reopen the line');
    expect(driver.health().reconnectAttempts).toBeGreaterThan(0);
    box = await openBox();
    expect(await theBox().press(3, 'NEXT')).toMatchObject({ status: 'OK', text: '1023' });
  });

  ptyOnly('notices a vanished adapter on a quiet line, with nothing written to trigger it, and reopens', async () => {
    await theBox().close();
    box = undefined;
    await driver.stop();
    // Count every write the driver makes: the loss must be found by the path check alone.
    const ports: SerialPortLike[] = [];
    let writes = 0;
    driver = new CallButtonDriver({
      log: buttonLog,
      path: pair.devicePath,
      counters: [3, 7],
      onPress,
      reconnect: { initialMs: 50, maxMs: 500 },
      openPort: (options) => {
        const port = openRealPort(options);
        const write = port.write.bind(port);
        port.write = (data, callback) => {
          writes++;
          return write(data, callback);
        };
        ports.push(port);
        return port;
      },
    });
    driver.start();
    await waitFor(() => driver.health().line === 'open', 'the driver to open its end');

    await pair.close();
    // Generous: the path is checked every second; the binding alone may never notice.
    await waitFor(() => driver.health().line !== 'open', 'the driver to notice the vanished path', 15_000);
    expect(writes).toBe(0);
    // The lost port is closed, so its reader no longer spins on empty reads.
    expect(ports[0]?.isOpen).toBe(false);

    pair = await openPtyPair(dir, 'buttons');
    await waitFor(() => driver.health().line === 'open', 'the driver to reopen the line');
    expect(writes).toBe(0);
    expect(driver.health().reconnectAttempts).toBeGreaterThan(0);
    box = await openBox();
    expect(await theBox().press(3, 'NEXT')).toMatchObject({ status: 'OK', text: '1023' });
  });

  ptyOnly('drops the port when its path vanishes under it, though the device still answers, and reopens when it is back', async () => {
    // Unlinking the path while socat lives: the binding sees nothing, only the path check can.
    const target = await readlink(pair.devicePath);
    await unlink(pair.devicePath);
    await waitFor(() => driver.health().line !== 'open', 'the driver to notice the vanished path', 15_000);
    await theBox().close();
    box = undefined;

    await symlink(target, pair.devicePath);
    await waitFor(() => driver.health().line === 'open', 'the driver to reopen the line');
    box = await openBox();
    expect(await theBox().press(3, 'NEXT')).toMatchObject({ status: 'OK', text: '1023' });
  });
});
