import { SerialPortMock } from 'serialport';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CallButtonDriver,
  type ButtonAnswer,
  type CallButtonDriverOptions,
  type PressHandler,
} from '../../../hardware/call-button/call-button-driver.ts';
import { sealFrame } from '../../../hardware/call-button/checksum.ts';
import { configureLogging, logger } from '../../../server/log.ts';
import { waitFor } from '../../support/wait-for.ts';

beforeAll(() => configureLogging({ level: 'silent' }));

let drivers: CallButtonDriver[] = [];
let pathCount = 0;

afterEach(async () => {
  await Promise.all(drivers.map((driver) => driver.stop()));
  drivers = [];
  SerialPortMock.binding.reset();
});

/** A driver on a mock port; the test plays the button box through `send` and `written`. */
async function setup(options: Partial<CallButtonDriverOptions> & { createPort?: boolean } = {}) {
  const path = `/dev/mock-buttons-${++pathCount}`;
  if (options.createPort !== false) SerialPortMock.binding.createPort(path, { record: true });
  const ports: SerialPortMock[] = [];
  const onPress = options.onPress ?? vi.fn<PressHandler>(async () => ({ status: 'OK', text: '1023' }));
  const driver = new CallButtonDriver({
    path,
    counters: [3, 7],
    reconnect: { initialMs: 10, maxMs: 50 },
    ...options,
    log: logger('call-button'),
    onPress,
    openPort: (o) => {
      const port = new SerialPortMock({ ...o, autoOpen: false });
      ports.push(port);
      return port;
    },
  });
  drivers.push(driver);
  driver.start();
  const binding = () => ports.at(-1)?.port;
  const send = (line: string | Buffer): void => {
    const port = binding();
    if (!port) throw new Error('port not open');
    port.emitData(typeof line === 'string' ? `${line}\r\n` : line);
  };
  const written = (): string[] => (binding()?.recording.toString('latin1') ?? '').split('\r\n').filter(Boolean);
  if (options.createPort !== false) await waitFor(() => driver.health().line === 'open', 'the line to open');
  return { driver, path, onPress, send, written };
}

describe('CallButtonDriver on a mock port', () => {
  it('hands a press to the handler and answers with its text', async () => {
    const { onPress, send, written } = await setup();
    send('$K,03,17,NEXT*65');
    await waitFor(() => written().length === 1, 'the answer');
    expect(written()).toEqual(['$A,03,17,OK,1023*40']);
    expect(onPress).toHaveBeenCalledWith({ counter: 3, seq: 17, action: { key: 'NEXT' } });
  });

  it('acts once on a press resent while the handler is still working, and answers both copies', async () => {
    let finish: (answer: ButtonAnswer) => void = () => undefined;
    const onPress = vi.fn<PressHandler>(() => new Promise((resolve) => (finish = resolve)));
    const { driver, send, written } = await setup({ onPress });
    send('$K,03,17,NEXT*65');
    await waitFor(() => onPress.mock.calls.length === 1, 'the handler call');
    send('$K,03,17,NEXT*65');
    await waitFor(() => driver.health().framesGood === 2, 'the second copy');
    finish({ status: 'EMPTY' });
    await waitFor(() => written().length === 2, 'two answers');
    expect(written()).toEqual([sealFrame('A,03,17,EMPTY'), sealFrame('A,03,17,EMPTY')]);
    expect(onPress).toHaveBeenCalledTimes(1);
  });

  it('keeps the repeat window on real time when the centre clock runs fast: a resend acts once', async () => {
    // A centre clock at ×7200 moves an hour in the 500 ms a device waits before it resends.
    let centre = 5_000_000;
    const { onPress, send, written } = await setup({ now: () => centre });
    send('$K,03,17,NEXT*65');
    await waitFor(() => written().length === 1, 'the answer');
    centre += 3_600_000;
    send('$K,03,17,NEXT*65');
    await waitFor(() => written().length === 2, 'the answer to the resend');
    expect(written()).toEqual(['$A,03,17,OK,1023*40', '$A,03,17,OK,1023*40']);
    expect(onPress).toHaveBeenCalledTimes(1);
  });

  it('takes the same seq as a new press once the real-time window has passed', async () => {
    let real = 1_000;
    const { onPress, send, written } = await setup({ monotonic: () => real });
    send('$K,03,17,NEXT*65');
    await waitFor(() => written().length === 1, 'the answer');
    real += 10_001;
    send('$K,03,17,NEXT*65');
    await waitFor(() => written().length === 2, 'the second answer');
    expect(onPress).toHaveBeenCalledTimes(2);
  });

  it('answers ERR for a counter this line may not drive, without calling the handler', async () => {
    const { onPress, send, written } = await setup();
    send('$K,12,05,TRANSFER,2*74');
    await waitFor(() => written().length === 1, 'the answer');
    expect(written()).toEqual([sealFrame('A,12,05,ERR,E-CTR')]);
    expect(onPress).not.toHaveBeenCalled();
  });

  it('answers ERR for an unknown key, without calling the handler', async () => {
    const { onPress, send, written } = await setup();
    send(sealFrame('K,07,01,CALL'));
    await waitFor(() => written().length === 1, 'the answer');
    expect(written()).toEqual([sealFrame('A,07,01,ERR,E-KEY')]);
    expect(onPress).not.toHaveBeenCalled();
  });

  it('answers ERR when the handler fails', async () => {
    const { send, written } = await setup({ onPress: async () => Promise.reject(new Error('queue down')) });
    send('$K,07,42,NOSHOW*64');
    await waitFor(() => written().length === 1, 'the answer');
    expect(written()).toEqual([sealFrame('A,07,42,ERR,E-SRV')]);
  });

  it('fits the handler text to the display', async () => {
    const { send, written } = await setup({ onPress: async () => ({ status: 'OK', text: 'Quầy 3: 1023' }) });
    send('$K,03,17,NEXT*65');
    await waitFor(() => written().length === 1, 'the answer');
    expect(written()).toEqual([sealFrame('A,03,17,OK,Quay 3: ')]);
  });

  it('drops and counts garbage, bad checksums and overlong lines, and keeps answering', async () => {
    const { driver, onPress, send, written } = await setup();
    send(Buffer.from([0x00, 0xff, 0x13, 0x0a, 0x80, 0x0d, 0x0a]));
    send('$K,03,17,NEXT*66');
    send(sealFrame('Z,03,17'));
    send('x'.repeat(200));
    send('$K,03,18,RECALL*78');
    await waitFor(() => written().length === 1, 'the answer to the good frame');
    expect(written()).toEqual([sealFrame('A,03,18,OK,1023')]);
    expect(onPress).toHaveBeenCalledTimes(1);
    expect(driver.health()).toMatchObject({ framesGood: 1, framesBad: 4, linesTooLong: 1 });
  });

  it('sends display updates to a counter on the line', async () => {
    const { driver, written } = await setup();
    expect(driver.showText(3, '1024')).toBe(true);
    await waitFor(() => written().length === 1, 'the display frame');
    expect(written()).toEqual(['$D,03,1024*40']);
    expect(() => driver.showText(12, '1')).toThrow(RangeError);
  });

  it('shows a counter online on a heartbeat and offline after 30 s of silence', async () => {
    let real = 1_000;
    const { driver, send } = await setup({ now: () => 5_000_000, monotonic: () => real, presenceCheckMs: 5 });
    const changes: boolean[] = [];
    driver.onHealth((health) => changes.push(health.counters[0]?.online ?? false));
    send('$H,03,19*43');
    await waitFor(() => driver.health().counters[0]?.online === true, 'counter 3 online');
    expect(driver.health().counters[0]).toMatchObject({ lastHeartbeatAt: 5_000_000 });
    real += 30_000;
    await waitFor(() => driver.health().counters[0]?.online === false, 'counter 3 offline');
    expect(changes.at(-1)).toBe(false);
  });

  it('keeps retrying a port that is not there and opens it once it appears', async () => {
    const { driver, path } = await setup({ createPort: false });
    await waitFor(() => driver.health().reconnectAttempts >= 2, 'some retries');
    expect(driver.health().line).toBe('closed');
    SerialPortMock.binding.createPort(path, { record: true });
    await waitFor(() => driver.health().line === 'open', 'the line to open');
  });
});
