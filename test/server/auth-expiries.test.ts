import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthStore } from '../../server/auth/auth-store.ts';
import { HashingGate } from '../../server/auth/hashing-gate.ts';
import { PairingCodes } from '../../server/auth/pairing.ts';
import { RequestBudget } from '../../server/auth/request-budget.ts';
import { SignInAttempts } from '../../server/auth/sign-in-attempts.ts';
import { at, monday } from '../support/site-fixture.ts';
import { SteppedClock } from '../support/stepped-clock.ts';

const day = 86_400_000;
const hour = 3_600_000;
const minute = 60_000;
const gate = new HashingGate(() => ({ concurrent: 1, queued: 8 }));

describe('durations run on monotonic time, whatever the wall clock does (issue 12)', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  async function authStore(clock: SteppedClock, dir?: string) {
    const dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'motcua-auth-')));
    if (!dir) dirs.push(dataDir);
    return { store: await AuthStore.open(dataDir, clock, gate), dir: dataDir };
  }

  it('a kiosk keeps its issue allowance across a 7-hour backward step', () => {
    const clock = new SteppedClock(at(monday, '10:00'));
    const limit = new RequestBudget(() => ({ burst: 6, perSecond: 6 / 60 }), clock);
    expect(limit.take('kiosk-1')).toBe(0);
    expect(limit.take('kiosk-1')).toBe(0);
    clock.step(-7 * hour);
    for (let i = 0; i < 4; i++) expect(limit.take('kiosk-1')).toBe(0);
    expect(limit.take('kiosk-1')).toBe(10);
    clock.advance(10_000);
    expect(limit.take('kiosk-1')).toBe(0);
  });

  it('failed sign-ins stay counted across a forward step, and are forgiven after the real window', () => {
    const clock = new SteppedClock(at(monday, '10:00'));
    const attempts = new SignInAttempts(() => ({ failuresPerAddress: 3, failuresPerAccount: 3, windowMs: 10 * minute }), clock);
    for (let i = 0; i < 3; i++) {
      const a = attempts.begin('10.0.0.9', null);
      if (a.ok) a.attempt.failed();
    }
    clock.step(7 * hour);
    expect(attempts.begin('10.0.0.9', null)).toEqual({ ok: false, seconds: 600 });
    clock.advance(10 * minute);
    expect(attempts.begin('10.0.0.9', null).ok).toBe(true);
  });

  it('a pairing code lasts ten real minutes, not ten minutes of a clock that was set back', () => {
    const clock = new SteppedClock(at(monday, '10:00'));
    const codes = new PairingCodes(clock);
    const { code, expiresAt } = codes.create({ kind: 'kiosk', name: 'Kiosk', counterId: null, printerId: null });
    expect(expiresAt).toBe(at(monday, '10:10'));
    clock.step(-hour);
    clock.advance(11 * minute);
    expect(codes.redeem(code)).toBeNull();
  });

  it('a session is neither ended nor extended by clock steps, also after a restart', async () => {
    const clock = new SteppedClock(at(monday, '07:00'));
    const { store, dir } = await authStore(clock);
    const user = await store.createUser({ username: 'clerk', name: 'Cán bộ', password: 'password-123', role: 'clerk', counters: [] });
    const token = await store.createSession(user!.id);
    clock.step(13 * hour);
    expect(store.sessionUser(token)?.username).toBe('clerk');
    clock.step(-20 * hour);
    clock.advance(13 * hour);
    expect(store.sessionUser(token)?.username).toBe('clerk');
    // A restart has only the wall expiry on disk; it measures what is left of it from when it reads it.
    const { store: reopened } = await authStore(clock, dir);
    expect(reopened.sessionUser(token)?.username).toBe('clerk');
    clock.advance(2 * hour);
    expect(store.sessionUser(token)).toBeNull();
  });

  it('a silent device loses its token after 60 days of the server running: clock steps and time switched off do not count', async () => {
    const idle = () => 60 * day;
    const clock = new SteppedClock(at(monday, '07:00'));
    const { dir } = await authStore(clock);
    const store = await AuthStore.open(dir, clock, gate, idle);
    const silent = await store.pairDevice({ kind: 'display', name: 'Màn hình sảnh', counterId: null });
    const busy = await store.pairDevice({ kind: 'kiosk', name: 'Ki-ốt sảnh', counterId: null });
    // The box's clock put a year ahead, then back: nobody has been silent for a year.
    clock.step(365 * day);
    expect(store.deviceByToken(silent.token)?.id).toBe(silent.device.id);
    clock.step(-365 * day);
    // 40 days running, the kiosk in touch every day.
    for (let i = 0; i < 40; i++) {
      clock.advance(day);
      store.touchDevice(busy.device.id);
    }
    await store.settled();
    const lastTouch = clock.now();
    // Switched off for 100 days: a new process on a clock 100 days on. The screen has 20 days left.
    const later = new SteppedClock(clock.now() + 100 * day);
    const reopened = await AuthStore.open(dir, later, gate, idle);
    expect(reopened.deviceByToken(silent.token)?.id).toBe(silent.device.id);
    later.advance(21 * day);
    expect(reopened.deviceByToken(silent.token)).toBeNull();
    expect(reopened.deviceByToken(busy.token)?.id).toBe(busy.device.id);
    // What the admin reads stays on the wall clock.
    expect(reopened.lastContact(reopened.devices().find((d) => d.id === busy.device.id)!)).toBe(lastTouch);
  });

  it('a device in a file from before run time was kept counts its silence from this start', async () => {
    const clock = new SteppedClock(at(monday, '07:00'));
    const { store, dir } = await authStore(clock);
    const paired = await store.pairDevice({ kind: 'display', name: 'Màn hình sảnh', counterId: null });
    const file = join(dir, 'auth.json');
    const old = JSON.parse(readFileSync(file, 'utf8')) as { runMs?: number; devices: Array<{ seenAtRunMs?: number }> };
    delete old.runMs;
    for (const d of old.devices) delete d.seenAtRunMs;
    writeFileSync(file, JSON.stringify(old));
    clock.step(2 * 365 * day);
    const reopened = await AuthStore.open(dir, clock, gate, () => 60 * day);
    expect(reopened.deviceByToken(paired.token)?.id).toBe(paired.device.id);
    clock.advance(61 * day);
    expect(reopened.deviceByToken(paired.token)).toBeNull();
  });

  it('opening an existing auth file writes nothing', async () => {
    const clock = new SteppedClock(at(monday, '07:00'));
    const { dir } = await authStore(clock);
    const before = statSync(join(dir, 'auth.json')).mtimeMs;
    clock.advance(minute);
    await AuthStore.open(dir, clock, gate);
    expect(statSync(join(dir, 'auth.json')).mtimeMs).toBe(before);
  });
});
