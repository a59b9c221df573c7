import { describe, expect, it } from 'vitest';
import { TestQueue, siteConfig } from '../../support/site-fixture.ts';

/** Issues tickets one minute apart; `p` marks a priority ticket. Returns labels in issue order. */
function arrive(q: TestQueue, pattern: string, serviceId = 'civil'): string[] {
  return [...pattern].map((kind) => {
    const t = q.issue(serviceId, kind === 'p' ? { priorityGroup: 'elderly' } : {});
    q.advance(1);
    return t.label;
  });
}

function callAll(q: TestQueue, counterId: number): string[] {
  const calls: string[] = [];
  for (let label = q.next(counterId); label !== null; label = q.next(counterId)) calls.push(label);
  return calls;
}

describe('call order', () => {
  it('calls in arrival order when nobody has priority', () => {
    const q = new TestQueue(siteConfig());
    arrive(q, 'nnnn');
    expect(callAll(q, 1)).toEqual(['1001', '1002', '1003', '1004']);
  });

  it('strict: every priority ticket before any normal one', () => {
    const q = new TestQueue(siteConfig({ priorityRule: { kind: 'strict' } }));
    arrive(q, 'nnpnp');
    expect(callAll(q, 1)).toEqual(['1003', '1005', '1001', '1002', '1004']);
  });

  // Pinned: peer systems shipped regressions in exactly this interleaving.
  it('ratio 2: two priority calls, then one normal, while both wait', () => {
    const q = new TestQueue(siteConfig({ priorityRule: { kind: 'ratio', priorityCalls: 2 } }));
    arrive(q, 'nnnpppppn');
    // n:1001 1002 1003 1009, p:1004–1008
    expect(callAll(q, 1)).toEqual(['1004', '1005', '1001', '1006', '1007', '1002', '1008', '1003', '1009']);
  });

  it('ratio 1: alternates priority and normal', () => {
    const q = new TestQueue(siteConfig({ priorityRule: { kind: 'ratio', priorityCalls: 1 } }));
    arrive(q, 'nnpp');
    expect(callAll(q, 1)).toEqual(['1003', '1001', '1004', '1002']);
  });

  it('the ratio counts per counter', () => {
    const q = new TestQueue(siteConfig({ priorityRule: { kind: 'ratio', priorityCalls: 1 } }));
    arrive(q, 'nnpp');
    expect([q.next(1), q.next(2), q.next(1), q.next(2)]).toEqual(['1003', '1004', '1001', '1002']);
  });

  it('ageing: a normal ticket that waited too long goes before newer priority tickets', () => {
    const q = new TestQueue(siteConfig({ priorityRule: { kind: 'strict' }, agingMinutes: 30 }));
    arrive(q, 'n');
    q.advance(40);
    arrive(q, 'pp');
    expect(callAll(q, 1)).toEqual(['1001', '1002', '1003']);
  });

  it('without ageing, strict priority lets a normal ticket wait behind every priority one', () => {
    const q = new TestQueue(siteConfig({ priorityRule: { kind: 'strict' }, agingMinutes: 0 }));
    arrive(q, 'n');
    q.advance(40);
    arrive(q, 'pp');
    expect(callAll(q, 1)).toEqual(['1002', '1003', '1001']);
  });

  it('order mode: the first service in the counter’s list that has someone waiting', () => {
    const q = new TestQueue(siteConfig());
    arrive(q, 'nn', 'cert');
    arrive(q, 'nn', 'civil');
    expect(callAll(q, 2)).toEqual(['1001', '1002', 'B001', 'B002']);
  });

  it('weight mode: two certification calls for each civil-status call', () => {
    const q = new TestQueue(siteConfig());
    arrive(q, 'nnnn', 'civil');
    arrive(q, 'nnnnnn', 'cert');
    expect(callAll(q, 3)).toEqual(['B001', 'B002', '1001', 'B003', 'B004', '1002', 'B005', 'B006', '1003', '1004']);
  });

  it('a counter never calls a service it does not serve', () => {
    const q = new TestQueue(siteConfig());
    arrive(q, 'nn', 'cert');
    expect(q.next(1)).toBeNull();
  });
});
