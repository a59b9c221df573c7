import { describe, expect, it } from 'vitest';
import { TestQueue, at, monday, siteConfig } from '../../support/site-fixture.ts';

function refusal(q: TestQueue, serviceId = 'civil') {
  const r = q.run({ kind: 'issue', issue: { serviceId, source: 'kiosk' } });
  return r.ok ? null : r.refusal;
}

describe('opening hours and cut-off', () => {
  it('hands out numbers from 30 minutes before the first session', () => {
    const q = new TestQueue(siteConfig(), at(monday, '06:59'));
    expect(refusal(q)).toEqual({ code: 'service_closed', params: { reopensAt: at(monday, '07:00') } });
    q.now = at(monday, '07:00');
    expect(refusal(q)).toBeNull();
  });

  it('keeps handing out numbers over the lunch break', () => {
    const q = new TestQueue(siteConfig(), at(monday, '12:10'));
    expect(refusal(q)).toBeNull();
  });

  it('stops 30 minutes before closing by default and names the next opening', () => {
    const q = new TestQueue(siteConfig(), at(monday, '16:30'));
    expect(refusal(q)).toEqual({ code: 'after_cutoff', params: { reopensAt: at('2026-11-24', '07:00') } });
  });

  it('honours a service cut-off', () => {
    const q = new TestQueue(
      siteConfig({}, (c) => (c.services[0]!.cutoff = '15:00')),
      at(monday, '15:00'),
    );
    expect(refusal(q)?.code).toBe('after_cutoff');
    q.now = at(monday, '14:59');
    expect(refusal(q)).toBeNull();
  });

  it('is closed on Sunday and reopens on Monday morning', () => {
    const q = new TestQueue(siteConfig(), at('2026-11-22', '09:00'));
    expect(refusal(q)).toEqual({ code: 'service_closed', params: { reopensAt: at(monday, '07:00') } });
  });

  it('after Saturday morning, reopens on Monday', () => {
    const q = new TestQueue(siteConfig(), at('2026-11-21', '11:10'));
    expect(refusal(q)).toEqual({ code: 'after_cutoff', params: { reopensAt: at(monday, '07:00') } });
  });

  it('is closed on a holiday', () => {
    const q = new TestQueue(siteConfig(), at('2026-09-02', '09:00'));
    expect(refusal(q)).toEqual({ code: 'service_closed', params: { reopensAt: at('2026-09-03', '07:00') } });
  });

  it('uses a service’s own hours over the centre’s', () => {
    const morning: Array<[string, string]> = [['07:30', '11:30']];
    const config = siteConfig({}, (c) => {
      c.services[1]!.hours = { mon: morning, tue: morning, wed: morning, thu: morning, fri: morning, sat: [], sun: [] };
    });
    const q = new TestQueue(config, at(monday, '13:30'));
    expect(refusal(q, 'cert')?.code).toBe('after_cutoff');
    expect(refusal(q, 'civil')).toBeNull();
  });
});
