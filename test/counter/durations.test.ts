import { describe, expect, it } from 'vitest';
import { formatDuration, ticketTimes } from '../../counter/console/durations.ts';

describe('console durations', () => {
  it('writes minutes and seconds under an hour and hours from there', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(59 * 60_000 + 59_999)).toBe('59:59');
    expect(formatDuration(3_600_000 + 2 * 60_000 + 3_000)).toBe('1:02:03');
  });

  it('shows a negative span from clock skew as zero', () => {
    expect(formatDuration(-5_000)).toBe('0:00');
  });

  it('counts the wait until the call, and the time at the counter from the call or the start', () => {
    const called = ticketTimes({ issuedAt: 1_000, calledAt: 61_000, startedAt: null }, 91_000);
    expect(called).toEqual({ waitedMs: 60_000, sinceCallMs: 30_000, servingMs: null });
    const serving = ticketTimes({ issuedAt: 1_000, calledAt: 61_000, startedAt: 71_000 }, 131_000);
    expect(serving.servingMs).toBe(60_000);
  });

  it('keeps counting the wait of a ticket not called yet', () => {
    expect(ticketTimes({ issuedAt: 0, calledAt: null, startedAt: null }, 42_000)).toEqual({
      waitedMs: 42_000,
      sinceCallMs: null,
      servingMs: null,
    });
  });
});
