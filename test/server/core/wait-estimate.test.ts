import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes, peopleAhead } from '../../../server/core/wait-estimate.ts';
import { TestQueue, siteConfig } from '../../support/site-fixture.ts';

describe('wait estimate', () => {
  it('counts the people ahead in the same service', () => {
    const q = new TestQueue(siteConfig());
    q.issue('civil');
    q.issue('cert');
    q.issue('civil');
    const t = q.issue('civil');
    expect(peopleAhead(q.config, q.state, t, q.now)).toBe(2);
  });

  it('counts every waiting priority ticket as ahead of a normal one', () => {
    const q = new TestQueue(siteConfig());
    const normal = q.issue('civil');
    q.issue('civil', { priorityGroup: 'elderly' });
    expect(peopleAhead(q.config, q.state, normal, q.now)).toBe(1);
  });

  it('uses the default service time before there is data, over the open counters', () => {
    const q = new TestQueue(siteConfig({ defaultServiceMinutes: 10 }));
    expect(estimateWaitMinutes(q.config, q.state, 'civil', 3)).toBe(30);
    q.counter(1, { kind: 'open' });
    q.counter(2, { kind: 'open' });
    expect(estimateWaitMinutes(q.config, q.state, 'civil', 3)).toBe(15);
    expect(estimateWaitMinutes(q.config, q.state, 'civil', 0)).toBe(0);
  });

  it('learns from recent service times and rounds up to five minutes', () => {
    const q = new TestQueue(siteConfig({ defaultServiceMinutes: 10 }));
    for (let i = 0; i < 3; i++) q.issue('civil');
    for (let i = 0; i < 3; i++) {
      q.next(1);
      q.advance(4);
    }
    q.counter(1, { kind: 'finish' });
    // 4 minutes each, one counter open: 4 people ahead → 16 → 20.
    expect(estimateWaitMinutes(q.config, q.state, 'civil', 4)).toBe(20);
    expect(estimateWaitMinutes(q.config, q.state, 'civil', 1)).toBe(5);
  });
});
