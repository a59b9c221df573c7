import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateDay } from '../../bench/day-simulation.ts';
import type { StatusReport } from '../../protocol/hub/centre-status.ts';
import type { HubReportRow, HubReportView } from '../../protocol/hub/hub-reports.ts';
import { SiteConfigSchema } from '../../protocol/site-config.ts';
import { centreProfile } from '../../server/app/centre-live.ts';
import type { Ticket } from '../../server/core/model.ts';
import { computeReport, satisfaction } from '../../server/core/report-tables.ts';
import { statBlock } from '../../server/core/statistics.ts';
import { TestHub } from '../support/test-hub.ts';

const config = v.parse(SiteConfigSchema, JSON.parse(readFileSync(join(import.meta.dirname, '../../data/site.json'), 'utf8')));
const target = config.centre.targetWaitMinutes;
// Two centres, two working days each (a Friday and the Monday after: two weeks, one month).
const plan = [
  { code: 'HN-01', days: ['2026-11-20', '2026-11-23'], seed: 1 },
  { code: 'HN-02', days: ['2026-11-20', '2026-11-23'], seed: 2 },
];
const tickets = new Map<string, Ticket[]>();

let hub: TestHub;
beforeAll(async () => {
  hub = await TestHub.start();
  for (const c of plan) {
    const token = await hub.centreToken(c.code);
    const all: Ticket[] = [];
    for (const [i, day] of c.days.entries()) {
      const sim = simulateDay(config, day, { tickets: 150, seed: c.seed * 10 + i });
      for (let k = 0; k < sim.events.length; k += 500)
        await hub.request('POST', '/api/hub/v1/events', { day, events: sim.events.slice(k, k + 500) }, token);
      all.push(...sim.state.tickets.values());
    }
    tickets.set(c.code, all);
    const clerks = [...new Set(all.map((t) => t.clerkId).filter((id): id is string => id !== null))].map((id) => ({
      id,
      name: `Cán bộ ${id}`,
    }));
    await hub.request('POST', '/api/hub/v1/status', report(centreProfile(config, clerks)), token);
  }
});
afterAll(async () => {
  await hub.close();
});

function report(profile: StatusReport['profile']): StatusReport {
  return {
    profile,
    live: {
      at: Date.now(),
      day: '2026-11-23',
      open: true,
      counters: { open: 1, paused: 0, closed: 7 },
      waiting: 0,
      longestWaitMinutes: 0,
      waitingByService: {},
      devices: {
        printer: 'ready',
        kiosks: { paired: 1, online: 1 },
        boards: { online: 1, soundOff: 0 },
        buttonLines: { total: 0, down: 0 },
      },
      journal: { day: '2026-11-23', seq: 0, lastAt: null },
      shipping: { pendingEvents: 0, oldestPendingAt: null },
      catalogueVersion: null,
    },
  };
}

const get = async (query: string, token?: string) =>
  (await hub.request<HubReportView>('GET', `/api/reports?${query}`, undefined, token ?? (await hub.adminToken()))).body;

/** The hub's figures next to the centre's own `statBlock` and satisfaction for the same tickets. */
function expectSameFigures(row: HubReportRow, list: readonly Ticket[]) {
  const b = statBlock(list, target);
  const s = satisfaction(list, config.centre.ratingScale);
  expect({
    issued: row.issued,
    served: row.served,
    noShow: row.noShow,
    cancelled: row.cancelled,
    open: row.open,
    rated: row.rated,
  }).toEqual({
    issued: b.issued,
    served: b.served,
    noShow: b.noShow,
    cancelled: b.cancelled,
    open: b.open,
    rated: s.rated,
  });
  expect(row.avgWaitMinutes).toBeCloseTo(b.avgWaitMinutes!, 6);
  expect(row.p90WaitMinutes).toBeCloseTo(b.p90WaitMinutes!, 6);
  expect(row.avgServiceMinutes).toBeCloseTo(b.avgServiceMinutes!, 6);
  expect(row.withinTargetShare).toBeCloseTo(b.withinTargetShare!, 9);
  expect(row.satisfiedShare).toBeCloseTo(s.satisfiedShare!, 9);
}

describe('hub: province reports', () => {
  it("gives each centre the same figures as the centre's own statistics", async () => {
    const r = await get('from=2026-11-01&to=2026-11-30&by=centre');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.rows.map((x) => x.centreCode)).toEqual(['HN-01', 'HN-02']);
    for (const row of r.value.rows) expectSameFigures(row, tickets.get(row.centreCode!)!);
    expectSameFigures(r.value.total, [...tickets.values()].flat());
  });

  it('groups services across centres as the centre report groups them', async () => {
    const r = await get('from=2026-11-01&to=2026-11-30&by=service');
    if (!r.ok) throw new Error(r.error.code);
    const all = [...tickets.values()].flat();
    const expected = computeReport(all, {
      timeZone: config.centre.timeZone,
      targetWaitMinutes: target,
      ratingScale: config.centre.ratingScale,
    });
    expect(r.value.rows.map((x) => x.key).sort()).toEqual(Object.keys(expected.byService).sort());
    for (const row of r.value.rows)
      expectSameFigures(
        row,
        all.filter((t) => t.issuedServiceId === row.key),
      );
    expect(r.value.rows.find((x) => x.key === 'civil-status')?.label).toBe('Hộ tịch');
  });

  it('splits by day, week (from Monday) and month, adding up to the same total', async () => {
    const byDay = await get('from=2026-11-01&to=2026-11-30&by=centre&period=day');
    const byWeek = await get('from=2026-11-01&to=2026-11-30&by=centre&period=week');
    const byMonth = await get('from=2026-11-01&to=2026-11-30&by=centre&period=month');
    if (!byDay.ok || !byWeek.ok || !byMonth.ok) throw new Error('refused');
    expect([...new Set(byDay.value.rows.map((x) => x.period))]).toEqual(['2026-11-20', '2026-11-23']);
    expect([...new Set(byWeek.value.rows.map((x) => x.period))]).toEqual(['2026-11-16', '2026-11-23']);
    expect([...new Set(byMonth.value.rows.map((x) => x.period))]).toEqual(['2026-11-01']);
    const sum = (rows: HubReportRow[]) => rows.reduce((n, x) => n + x.issued, 0);
    expect(sum(byDay.value.rows)).toBe(byMonth.value.total.issued);
    expect(sum(byWeek.value.rows)).toBe(byMonth.value.total.issued);
  });

  it("groups clerks within their centre, named from the centre's profile", async () => {
    const r = await get('from=2026-11-01&to=2026-11-30&by=clerk&centre=HN-02');
    if (!r.ok) throw new Error(r.error.code);
    expect(new Set(r.value.rows.map((x) => x.centreCode))).toEqual(new Set(['HN-02']));
    for (const row of r.value.rows) {
      expect(row.label).toBe(`Cán bộ ${row.key}`);
      expectSameFigures(
        row,
        tickets.get('HN-02')!.filter((t) => t.clerkId === row.key),
      );
    }
  });

  it("shows a centre manager only their own centre, and refuses another's", async () => {
    const admin = await hub.adminToken();
    await hub.request(
      'POST',
      '/api/users',
      { username: 'ql-hn01', name: 'Quản lý HN-01', password: 'manager-pass-1', role: 'centre_manager', centreCode: 'HN-01' },
      admin,
    );
    const login = await hub.request<{ token: string }>('POST', '/api/auth/login', { username: 'ql-hn01', password: 'manager-pass-1' });
    if (!login.body.ok) throw new Error('login');
    const own = await get('from=2026-11-01&to=2026-11-30&by=centre', login.body.value.token);
    if (!own.ok) throw new Error(own.error.code);
    expect(own.value.rows.map((x) => x.centreCode)).toEqual(['HN-01']);
    expect((await get('from=2026-11-01&to=2026-11-30&centre=HN-02', login.body.value.token)).ok).toBe(false);
    const status = await hub.request<{ centres: Array<{ code: string }> }>('GET', '/api/status', undefined, login.body.value.token);
    expect(status.body.ok && status.body.value.centres.map((c) => c.code)).toEqual(['HN-01']);
    const users = await hub.request('GET', '/api/users', undefined, login.body.value.token);
    expect(users.status).toBe(403);
  });

  it('exports the table as CSV with a header in the reader’s language and the total last', async () => {
    const res = await fetch(`${hub.url}/api/reports.csv?from=2026-11-01&to=2026-11-30&by=centre&lang=en`, {
      headers: { authorization: `Bearer ${await hub.adminToken()}` },
    });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Period,Centre code,Id,Name,Tickets issued/);
    expect(lines).toHaveLength(1 + plan.length + 1);
    expect(lines.at(-1)).toMatch(/^,,,Total,\d+/);
  });

  it('refuses a range that ends before it starts, with a translated reason', async () => {
    const r = await get('from=2026-11-30&to=2026-11-01');
    expect(r).toMatchObject({ ok: false, error: { code: 'admin:reports.bad_order' } });
  });
});
