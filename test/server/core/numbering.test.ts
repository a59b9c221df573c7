import { describe, expect, it } from 'vitest';
import { emptyDayState } from '../../../server/core/queue-state.ts';
import { TestQueue, at, monday, siteConfig } from '../../support/site-fixture.ts';

describe('numbering', () => {
  it('starts each service at the start of its range and counts up', () => {
    const q = new TestQueue(siteConfig());
    expect([q.issue('civil').label, q.issue('civil').label, q.issue('civil').label]).toEqual(['1001', '1002', '1003']);
  });

  it('prints the letter prefix and pads the number', () => {
    const q = new TestQueue(siteConfig());
    expect(q.issue('cert').label).toBe('B001');
    expect(q.issue('cert').number).toBe(2);
  });

  it('keeps one sequence per service', () => {
    const q = new TestQueue(siteConfig());
    q.issue('civil');
    expect(q.issue('cert').label).toBe('B001');
    expect(q.issue('civil').label).toBe('1002');
  });

  it('starts again at the range start on a new day', () => {
    const q = new TestQueue(siteConfig());
    q.issue('civil');
    q.issue('civil');
    q.state = emptyDayState('2026-11-24');
    q.now = at('2026-11-24', '08:00');
    expect(q.issue('civil').label).toBe('1001');
  });

  it('refuses once the daily quota is reached, saying when numbers are handed out again', () => {
    const q = new TestQueue(siteConfig({}, (c) => (c.services[0]!.dailyQuota = 2)));
    q.issue('civil');
    q.issue('civil');
    const r = q.run({ kind: 'issue', issue: { serviceId: 'civil', source: 'kiosk' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal).toEqual({ code: 'quota_reached', params: { reopensAt: at('2026-11-24', '07:00') } });
  });

  it('refuses when the number range is used up, and never hands a number out twice', () => {
    const q = new TestQueue(siteConfig({}, (c) => (c.services[0]!.numberEnd = 1003)));
    const labels = [q.issue('civil').label, q.issue('civil').label, q.issue('civil').label];
    const r = q.run({ kind: 'issue', issue: { serviceId: 'civil', source: 'kiosk' } });
    expect(r.ok).toBe(false);
    expect(new Set(labels).size).toBe(3);
  });

  it('refuses an unknown or disabled service', () => {
    const q = new TestQueue(siteConfig({}, (c) => (c.services[1]!.enabled = false)));
    for (const serviceId of ['nope', 'cert']) {
      const r = q.run({ kind: 'issue', issue: { serviceId, source: 'kiosk' } });
      expect(r.ok ? null : r.refusal.code).toBe('unknown_service');
    }
    expect(q.state.tickets.size).toBe(0);
    expect(q.state.day).toBe(monday);
  });
});
