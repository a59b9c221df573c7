import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../server/core/local-time.ts';
import type { QueueEngine } from '../../../server/engine/queue-engine.ts';
import { at, monday } from '../../support/site-fixture.ts';
import { SteppedClock } from '../../support/stepped-clock.ts';
import { callNext, hour, issue, minute, startEngine, tempDataDir, waitingLabels } from './engine-support.ts';

const sunday = addDays(monday, -1);
const tuesday = addDays(monday, 1);

describe('the day and the clock (issue 12)', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function engineAt(clock: SteppedClock, dir?: string): Promise<{ engine: QueueEngine; dir: string }> {
    const dataDir = dir ?? (await tempDataDir());
    if (!dir) cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const engine = await startEngine(dataDir, clock);
    cleanups.push(() => engine.stop());
    return { engine, dir: dataDir };
  }

  it('a day ends when its midnight passes in real time, and numbers start again', async () => {
    const clock = new SteppedClock(at(monday, '23:50'));
    const { engine } = await engineAt(clock);
    expect(await issue(engine)).toBe('1001');
    clock.advance(11 * minute);
    await engine.checkDay();
    expect(engine.state.day).toBe(tuesday);
    expect(await issue(engine)).toBe('1001');
    expect(engine.clockJumps).toEqual([]);
  });

  it('dead RTC: numbers issued into yesterday go on after NTP corrects the clock, and the queue stays', async () => {
    // The box boots on Monday morning believing it is Sunday.
    const clock = new SteppedClock(at(sunday, '08:00'));
    const { engine } = await engineAt(clock);
    expect([await issue(engine), await issue(engine), await issue(engine)]).toEqual(['1001', '1002', '1003']);
    clock.advance(5 * minute);
    clock.step(24 * hour);
    expect(await issue(engine)).toBe('1004');
    expect(engine.state.day).toBe(sunday);
    expect(waitingLabels(engine)).toEqual(['1001', '1002', '1003', '1004']);
    expect(engine.clockJumps).toMatchObject([{ stepMs: 24 * hour, day: sunday }]);
    // The open day ends at the next real midnight: Monday's, by the corrected clock; never an earlier day.
    clock.advance(at(monday, '23:59') - clock.now());
    await engine.checkDay();
    expect(engine.state.day).toBe(sunday);
    clock.advance(2 * minute);
    await engine.checkDay();
    expect(engine.state.day).toBe(tuesday);
    expect(await issue(engine)).toBe('1001');
  });

  it('dead RTC, then a restart the same day: the day that holds today\u2019s tickets is continued, not opened afresh', async () => {
    const clock = new SteppedClock(at(sunday, '08:00'));
    const { engine, dir } = await engineAt(clock);
    await issue(engine);
    clock.step(24 * hour);
    expect(await issue(engine)).toBe('1002');
    await engine.stop();
    clock.advance(10 * minute);
    const again = await startEngine(dir, clock);
    cleanups.push(() => again.stop());
    expect(again.state.day).toBe(sunday);
    expect(again.dayNotice).toMatchObject({ kind: 'day_outlasted_its_date', clockDay: monday, openDay: sunday });
    expect(await issue(again)).toBe('1003');
  });

  it('a backward step within the day keeps the day, the numbering, and the order of issue', async () => {
    const clock = new SteppedClock(at(monday, '10:00'));
    const { engine } = await engineAt(clock);
    await issue(engine);
    clock.advance(minute);
    await issue(engine);
    clock.step(-11 * minute);
    expect(await issue(engine)).toBe('1003');
    // 1003 carries the earliest stamp of the three, but was issued last.
    const t = (label: string) => [...engine.state.tickets.values()].find((x) => x.label === label)!;
    expect(t('1003').issuedAt).toBeLessThan(t('1001').issuedAt);
    expect([await callNext(engine), await callNext(engine), await callNext(engine)]).toEqual(['1001', '1002', '1003']);
    expect(engine.clockJumps).toMatchObject([{ day: monday }]);
    expect(engine.clockJumps[0]!.stepMs).toBe(-11 * minute);
  });

  it('a 7-hour backward step across midnight: the new day stays open and no earlier day comes back', async () => {
    const clock = new SteppedClock(at(sunday, '23:55'));
    const { engine } = await engineAt(clock);
    await issue(engine);
    clock.advance(35 * minute);
    await engine.checkDay();
    expect(engine.state.day).toBe(monday);
    expect(await issue(engine)).toBe('1001');
    // 00:30 Monday becomes 17:30 Sunday.
    clock.step(-7 * hour);
    expect(await issue(engine)).toBe('1002');
    expect(engine.state.day).toBe(monday);
    // When the clock says Monday again, it is still the open day: it goes on.
    clock.advance(6 * hour + 40 * minute);
    await engine.checkDay();
    expect(engine.state.day).toBe(monday);
    expect(await issue(engine)).toBe('1003');
    clock.advance(24 * hour);
    await engine.checkDay();
    expect(engine.state.day).toBe(tuesday);
  });

  it('a forward step and a real midnight in the same few seconds end the day once', async () => {
    // The clock says 16:59:50 but it is 23:59:50; NTP steps it, and midnight follows 30 s later.
    const clock = new SteppedClock(at(monday, '16:59') + 50_000);
    const { engine } = await engineAt(clock);
    await issue(engine);
    clock.step(7 * hour);
    clock.advance(30_000);
    await engine.checkDay();
    expect(engine.state.day).toBe(tuesday);
    expect(engine.clockJumps).toMatchObject([{ stepMs: 7 * hour, day: monday }]);
  });

  it('a restart with the clock behind the newest journal continues that day and says so', async () => {
    const clock = new SteppedClock(at(monday, '10:00'));
    const { engine, dir } = await engineAt(clock);
    expect([await issue(engine), await issue(engine)]).toEqual(['1001', '1002']);
    await engine.stop();
    clock.set(at(sunday, '10:05'));
    const again = await startEngine(dir, clock);
    cleanups.push(() => again.stop());
    expect(again.state.day).toBe(monday);
    expect(again.dayNotice).toMatchObject({ kind: 'clock_behind_journal', clockDay: sunday, openDay: monday });
    expect(waitingLabels(again)).toEqual(['1001', '1002']);
    expect(await issue(again)).toBe('1003');
    // Sunday's midnight by the slow clock is not the end of Monday.
    clock.advance(14 * hour);
    await again.checkDay();
    expect(again.state.day).toBe(monday);
  });

  it('drift below two seconds is not a jump', async () => {
    const clock = new SteppedClock(at(monday, '10:00'));
    const { engine } = await engineAt(clock);
    clock.advance(minute);
    clock.step(1500);
    await engine.checkDay();
    expect(engine.clockJumps).toEqual([]);
  });
});
