import { describe, expect, it } from 'vitest';
import { reportDays } from '../../server/app/reports.ts';
import { computeReport, satisfaction } from '../../server/core/report-tables.ts';
import type { Ticket } from '../../server/core/model.ts';
import { at, monday, siteConfig, TestQueue } from '../support/site-fixture.ts';

const opts = { timeZone: 'Asia/Ho_Chi_Minh', targetWaitMinutes: 15, ratingScale: 3 as const };

/** Two clerks at counters 1 and 2 serve a small morning with known times. */
function morning(): Ticket[] {
  const q = new TestQueue(siteConfig(), at(monday, '08:00'), { kind: 'user', id: 'clerk-a' });
  q.counter(1, { kind: 'open' });
  const a = q.issue('civil'); // 08:00
  const b = q.issue('cert'); // 08:00
  q.advance(10).next(1); // a called after 10 min by clerk-a
  q.counter(1, { kind: 'start' });
  q.advance(5).counter(1, { kind: 'finish' }); // 5 min service
  q.run({ kind: 'rate', ticketId: a.id, level: 3, reason: null, scale: 3 });
  const clerkB = new TestQueue(q.config, q.now, { kind: 'user', id: 'clerk-b' });
  clerkB.state = q.state;
  clerkB.counter(2, { kind: 'open' });
  clerkB.advance(15).next(2); // b called after 30 min by clerk-b
  clerkB.counter(2, { kind: 'no_show' });
  q.now = clerkB.now;
  q.advance(60).issue('civil'); // 09:30, still waiting
  expect(b.id).toBeTruthy();
  return [...q.state.tickets.values()];
}

describe('report tables', () => {
  it('counts issued, served and no-show per service, counter and clerk', () => {
    const r = computeReport(morning(), opts);
    expect(r.total).toMatchObject({ issued: 3, served: 1, noShow: 1, open: 1 });
    expect(r.byService.civil).toMatchObject({ issued: 2, served: 1 });
    expect(r.byService.cert).toMatchObject({ issued: 1, noShow: 1 });
    expect(r.byCounter['1']).toMatchObject({ issued: 1, served: 1 });
    expect(r.byClerk['clerk-a']).toMatchObject({ served: 1, noShow: 0 });
    expect(r.byClerk['clerk-b']).toMatchObject({ served: 0, noShow: 1 });
  });

  it('measures waits from issue to first call and service from start to finish', () => {
    const r = computeReport(morning(), opts);
    expect(r.total.avgWaitMinutes).toBe(20);
    expect(r.total.p90WaitMinutes).toBe(30);
    expect(r.total.avgServiceMinutes).toBe(5);
    expect(r.total.withinTargetShare).toBe(0.5);
  });

  it("places tickets on the weekday × hour heatmap in the centre's time zone", () => {
    const r = computeReport(morning(), opts);
    expect(r.heatmap[1]![8]).toBe(2);
    expect(r.heatmap[1]![9]).toBe(1);
    expect(r.heatmap.flat().reduce((a, b) => a + b, 0)).toBe(3);
    expect(Object.keys(r.byHour).sort()).toEqual(['08', '09']);
    expect(r.byDay[monday]).toEqual({ issued: 3, served: 1 });
  });

  it('counts ratings per level, per clerk, with the top two levels as satisfied', () => {
    const r = computeReport(morning(), opts);
    expect(r.satisfaction.total).toEqual({ rated: 1, satisfied: 1, satisfiedShare: 1, byScale: { '3': { '1': 0, '2': 0, '3': 1 } } });
    expect(r.satisfaction.byClerk['clerk-a']?.rated).toBe(1);
    expect(r.satisfaction.byClerk['clerk-b']?.rated).toBe(0);
  });

  it('treats level 2 of 3 as satisfied and level 3 of 5 as not', () => {
    const rated = (level: number) => ({ rating: { level, reason: null, at: 0 } }) as Ticket;
    expect(satisfaction([rated(2), rated(1)], 3).satisfiedShare).toBe(0.5);
    expect(satisfaction([rated(3), rated(4), rated(5), rated(1)], 5).satisfiedShare).toBe(0.5);
  });

  it('gives empty figures for a day without tickets', () => {
    const r = computeReport([], opts);
    expect(r.total).toMatchObject({ issued: 0, avgWaitMinutes: null, withinTargetShare: null });
    expect(r.satisfaction.total.satisfiedShare).toBeNull();
  });
});

describe('report ranges', () => {
  it('lists every day of a range across a month end', () => {
    expect(reportDays('2026-11-29', '2026-12-02')).toEqual({ ok: true, days: ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'] });
  });

  it('refuses a range that ends before it starts or is longer than a year', () => {
    expect(reportDays('2026-11-23', '2026-11-22')).toEqual({ ok: false, reason: 'order' });
    expect(reportDays('2025-01-01', '2026-11-22')).toEqual({ ok: false, reason: 'too_long' });
  });
});
