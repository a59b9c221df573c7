import { describe, expect, it } from 'vitest';
import { LatestCall } from '../../client/latest-call.ts';

describe('only the latest call’s answer is used', () => {
  it('an earlier call answering last is stale; the latest stays current until another starts', () => {
    const calls = new LatestCall();
    const byService = calls.begin();
    const byWeek = calls.begin();
    expect(byService()).toBe(false);
    expect(byWeek()).toBe(true);
    const reload = calls.begin();
    expect(byWeek()).toBe(false);
    expect(reload()).toBe(true);
  });
});
