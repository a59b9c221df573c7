import { describe, expect, it } from 'vitest';
import { limitAt, limitGroups, limitsFromValues } from '../../protocol/limit-fields.ts';
import { defaultLimits, limitRanges } from '../../protocol/limits.ts';

describe('the limits as the admin page lays them out', () => {
  const paths = limitGroups.flatMap((g) => g.fields.map((f) => f.path));

  it('show every field of the schema, once', () => {
    expect([...paths].sort()).toEqual(Object.keys(limitRanges()).sort());
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('read each field’s bounds from the schema', () => {
    const ranges = limitRanges();
    expect(ranges['kioskIssue.burst']).toEqual({ min: 1, max: 100, integer: true });
    expect(ranges['hashing.queued']).toEqual({ min: 0, max: 1000, integer: true });
    expect(ranges['requests.perConnection.perSecond']).toEqual({ min: 0.01, max: 10_000, integer: false });
    expect(ranges.deviceIdleDays).toEqual({ min: 0, max: 3650, integer: true });
  });

  it('rebuild a limits object from the values by path', () => {
    const defaults = defaultLimits();
    expect(limitsFromValues(Object.fromEntries(paths.map((p) => [p, limitAt(defaults, p)])))).toEqual(defaults);
  });
});
