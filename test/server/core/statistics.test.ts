import { describe, expect, it } from 'vitest';
import { computeStatistics, percentile } from '../../../server/core/statistics.ts';
import { TestQueue, siteConfig } from '../../support/site-fixture.ts';

describe('statistics', () => {
  it('counts issued, served, no-show and open tickets, with wait and service times', () => {
    const q = new TestQueue(siteConfig());
    q.issue('civil');
    q.issue('civil');
    q.issue('civil');
    q.advance(10).next(1); // 1001 waited 10
    q.counter(1, { kind: 'start' });
    q.advance(6).next(1); // 1001 served 6; 1002 waited 16
    q.counter(1, { kind: 'no_show' });
    const s = computeStatistics(q.state.tickets.values(), { timeZone: 'Asia/Ho_Chi_Minh', targetWaitMinutes: 15 });
    expect(s.total).toMatchObject({
      issued: 3,
      served: 1,
      noShow: 1,
      open: 1,
      avgWaitMinutes: 13,
      avgServiceMinutes: 6,
      withinTargetShare: 0.5,
    });
    expect(s.byService.civil?.issued).toBe(3);
    expect(s.byCounter['1']?.served).toBe(1);
    expect(s.byHour['08']?.issued).toBe(3);
  });

  it('p90 is the nearest-rank percentile', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([], 0.9)).toBeNull();
  });
});
