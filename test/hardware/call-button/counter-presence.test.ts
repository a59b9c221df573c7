import { describe, expect, it } from 'vitest';
import { CounterPresence } from '../../../hardware/call-button/counter-presence.ts';

/** Both clocks advance together unless a test moves only the reported one. */
function setup() {
  let now = 1_000_000;
  let real = 50;
  const presence = new CounterPresence([3, 7], { now: () => now, monotonic: () => real });
  const advance = (ms: number): void => {
    now += ms;
    real += ms;
  };
  const jumpReportedClock = (ms: number): void => {
    now += ms;
  };
  return { presence, advance, jumpReportedClock, now: () => now };
}

describe('CounterPresence', () => {
  it('starts every counter offline, never heard', () => {
    expect(setup().presence.snapshot()).toEqual([
      { counter: 3, online: false, lastSeenAt: null, lastHeartbeatAt: null },
      { counter: 7, online: false, lastSeenAt: null, lastHeartbeatAt: null },
    ]);
  });

  it('puts a counter online on a heartbeat and records its time', () => {
    const { presence, now } = setup();
    expect(presence.heard(3, 'heartbeat')).toBe(true);
    expect(presence.snapshot()[0]).toEqual({ counter: 3, online: true, lastSeenAt: now(), lastHeartbeatAt: now() });
  });

  it('keeps a counter online while heartbeats come every 10 s', () => {
    const { presence, advance } = setup();
    for (let i = 0; i < 10; i++) {
      presence.heard(3, 'heartbeat');
      advance(10_000);
      expect(presence.sweep()).toEqual([]);
    }
  });

  it('puts a counter offline after 30 s of silence, once', () => {
    const { presence, advance } = setup();
    presence.heard(3, 'heartbeat');
    advance(29_999);
    expect(presence.sweep()).toEqual([]);
    advance(1);
    expect(presence.sweep()).toEqual([3]);
    expect(presence.sweep()).toEqual([]);
    expect(presence.snapshot()[0]).toMatchObject({ counter: 3, online: false });
  });

  it('counts a key press as a sign of life but not as a heartbeat', () => {
    const { presence, advance, now } = setup();
    presence.heard(3, 'heartbeat');
    const heartbeatAt = now();
    advance(25_000);
    presence.heard(3, 'other');
    advance(25_000);
    expect(presence.sweep()).toEqual([]);
    expect(presence.snapshot()[0]).toMatchObject({ online: true, lastHeartbeatAt: heartbeatAt, lastSeenAt: heartbeatAt + 25_000 });
  });

  it('measures silence on real time, not on an accelerated reported clock', () => {
    const { presence, advance, jumpReportedClock, now } = setup();
    presence.heard(3, 'heartbeat');
    const heardAt = now();
    jumpReportedClock(3_600_000);
    advance(5_000);
    expect(presence.sweep()).toEqual([]);
    expect(presence.snapshot()[0]).toMatchObject({ online: true, lastHeartbeatAt: heardAt });
    advance(25_000);
    expect(presence.sweep()).toEqual([3]);
  });

  it('ignores counters it does not watch', () => {
    const { presence } = setup();
    expect(presence.heard(12, 'heartbeat')).toBe(false);
    expect(presence.snapshot().map((c) => c.counter)).toEqual([3, 7]);
  });
});
