import { describe, expect, it } from 'vitest';
import { waitAccuracy } from '../../scripts/simulation/wait-accuracy.ts';

const range = (fromMinutes: number, toMinutes: number, startsAt: number | null = null) =>
  ({ kind: 'range', estimatedAt: 0, fromMinutes, toMinutes, startsAt }) as const;

describe('wait estimate accuracy', () => {
  it('counts called tickets within the range shown at issue, and the median error from its middle', () => {
    const a = waitAccuracy([
      { wait: range(15, 25), realMinutes: 20 }, // within, error 0
      { wait: range(15, 25), realMinutes: 31 }, // late, error 11
      { wait: range(10, 20), realMinutes: 12 }, // within, error 3
      { wait: { kind: 'soon' }, realMinutes: 4 }, // within 0–5, error 1.5
      { wait: range(40, 60, 1), realMinutes: 30 }, // early, error 20
      { wait: { kind: 'unknown' }, realMinutes: 9 },
      { wait: range(5, 10), realMinutes: null }, // never called: not counted
    ]);
    expect(a.estimated).toBe(5);
    expect(a.unknown).toBe(1);
    expect(a.withinRange).toBeCloseTo(3 / 5);
    expect(a.lateShare).toBeCloseTo(1 / 5);
    expect(a.medianAbsErrorMinutes).toBe(3);
    expect(a.byKind).toEqual({
      soon: { estimated: 1, withinRange: 1 },
      range: { estimated: 3, withinRange: 2 / 3 },
      from_start: { estimated: 1, withinRange: 0 },
    });
  });

  it('has no figures without called tickets', () => {
    expect(waitAccuracy([])).toMatchObject({ estimated: 0, withinRange: null, medianAbsErrorMinutes: null });
  });
});
