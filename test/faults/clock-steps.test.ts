import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../server/core/local-time.ts';
import { fakeTime } from '../support/faketime.ts';
import { centre } from '../support/process-centre.ts';
import { freePort, type ServerProcess, siteAtLocalNoon, startServerProcess } from '../support/server-process.ts';
import { command } from '../support/test-server.ts';
import { waitForAnswer } from '../support/wait-for.ts';

const hour = 3_600_000;

/**
 * The clock cases of issue 12 on the real server process (`npm start`'s bundle), its wall clock
 * stepped by libfaketime while its monotonic clock runs on, as NTP does to a real box.
 */
describe('clock steps on a real server process (libfaketime)', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setUp(offset: string) {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-clock-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const dataDir = join(dir, 'var');
    await mkdir(dataDir);
    await siteAtLocalNoon(dataDir);
    const clock = await fakeTime(dir, offset);
    const port = await freePort();
    const start = async () => {
      const proc = await startServerProcess(dataDir, port, { env: clock.env });
      cleanups.push(() => proc.killHard());
      return proc;
    };
    return { clock, start, base: `http://127.0.0.1:${port}` };
  }

  const jumpNoticed = async (base: string) => {
    // The engine checks the clock every few seconds; libfaketime reads the new offset within one.
    let jumps: number[] = [];
    await waitForAnswer(async () => {
      jumps = (await centre.health(base)).clockJumps.map((j) => j.stepMs);
      return jumps.length > 0;
    }, 'the server to notice the clock step');
    return jumps;
  };

  async function callThree(base: string, admin: string): Promise<string[]> {
    const socket = centre.socket(base, admin);
    cleanups.push(async () => void socket.disconnect());
    await command(socket, 'counter:join', { counterId: 1 });
    const called: string[] = [];
    for (let i = 0; i < 3; i++) {
      // A Next seconds after a call finishes nobody (issue 14): the clerk finishes first.
      if (i > 0) await command(socket, 'counter:finish', { counterId: 1 });
      const r = await command(socket, 'counter:next', { counterId: 1 });
      if (r.ok && r.value.current) called.push(r.value.current.label);
    }
    return called;
  }

  it('NTP steps the clock 7 hours back: kiosks go on, the queue keeps its order, the jump is logged and reported', async () => {
    const { clock, start, base } = await setUp('+0');
    const proc: ServerProcess = await start();
    const admin = await centre.setUp(base, proc.setupToken);
    const kiosk = await centre.pairKiosk(base, admin);
    const labels = async (n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        const r = await centre.issue(base, kiosk);
        out.push(r.ok ? r.label : r.code);
      }
      return out;
    };
    expect(await labels(2)).toEqual(['1001', '1002']);
    const dayBefore = (await centre.health(base)).day;
    await clock.set('-7h');
    const [step] = await jumpNoticed(base);
    expect(Math.round(step! / hour)).toBe(-7);
    expect(await labels(4)).toEqual(['1003', '1004', '1005', '1006']);
    expect(await callThree(base, admin)).toEqual(['1001', '1002', '1003']);
    expect((await centre.health(base)).day).toBe(dayBefore);
    expect(proc.output()).toMatch(/"msg":"the wall clock jumped; the open day and its numbering go on".*"direction":"backward"/);
  }, 120_000);

  it('a restart with the clock a day behind the newest journal continues that day and says so', async () => {
    const { clock, start, base } = await setUp('+0');
    const first = await start();
    const admin = await centre.setUp(base, first.setupToken);
    for (let i = 0; i < 3; i++) await centre.issue(base, admin);
    const today = (await centre.health(base)).day;
    await first.stop();
    await clock.set('-1d');
    const second = await start();
    const health = await centre.health(base);
    expect(health.day).toBe(today);
    expect(health.dayNotice).toMatchObject({ kind: 'clock_behind_journal', clockDay: addDays(today, -1), openDay: today });
    expect(await centre.issue(base, await centre.signIn(base))).toMatchObject({ ok: true, label: '1004' });
    expect(second.output()).toContain('continuing the newest journal');
  }, 120_000);

  it('dead RTC: a box that boots a day behind and is corrected by NTP keeps its queue and numbering, also across a restart', async () => {
    const { clock, start, base } = await setUp('-1d');
    const first = await start();
    const admin = await centre.setUp(base, first.setupToken);
    expect(await centre.issue(base, admin)).toMatchObject({ label: '1001' });
    expect(await centre.issue(base, admin)).toMatchObject({ label: '1002' });
    const yesterday = (await centre.health(base)).day;
    await clock.set('+0');
    const [step] = await jumpNoticed(base);
    expect(Math.round(step! / hour)).toBe(24);
    expect(await centre.issue(base, admin)).toMatchObject({ label: '1003' });
    expect((await centre.health(base)).day).toBe(yesterday);
    await first.stop();
    await start();
    const health = await centre.health(base);
    expect(health.dayNotice).toMatchObject({ kind: 'day_outlasted_its_date', openDay: yesterday, clockDay: addDays(yesterday, 1) });
    expect(await centre.issue(base, await centre.signIn(base))).toMatchObject({ ok: true, label: '1004' });
  }, 120_000);
});
