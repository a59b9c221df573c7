import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarYearView } from '../../protocol/admin.ts';
import { at } from '../support/site-fixture.ts';
import { runningClock } from '../support/stepped-clock.ts';
import { command, TestServer } from '../support/test-server.ts';

describe('calendar API', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    // Thursday 2027-02-04, two days before Tết Đinh Mùi, whose schedule nobody has confirmed.
    server = await TestServer.start({ clock: runningClock(at('2027-02-04', '09:00')) });
    admin = await server.adminToken();
  });
  afterAll(() => server?.close());

  it('shows a year’s statutory days, the days the rules propose and what was entered; admins only', async () => {
    const r = await server.request<CalendarYearView>('GET', '/api/calendar/2027', undefined, admin);
    expect(r.status).toBe(200);
    if (!r.body.ok) throw new Error(r.body.error.code);
    expect(r.body.value.statutory.map((d) => d.day)).toContain('2027-02-06');
    expect(r.body.value.proposals.find((p) => p.day === '2027-05-03')).toMatchObject({ reason: 'compensatory', entered: true });
    expect(r.body.value.proposals.find((p) => p.day === '2027-02-05')).toMatchObject({ reason: 'tet', entered: false });
    expect(r.body.value.entry?.confirmed).toBe(false);
    const clerk = await server.clerkToken();
    expect((await server.request('GET', '/api/calendar/2027', undefined, clerk)).status).toBe(403);
    expect((await server.request('GET', '/api/calendar/2027')).status).toBe(401);
    expect((await server.request('GET', '/api/calendar/twenty', undefined, admin)).status).toBe(404);
  });

  it('refuses a day outside its year and changes nothing', async () => {
    const before = server.server.ctx.site.get();
    const r = await server.request('PUT', '/api/config/calendar/2027', { confirmed: true, daysOff: [{ day: '2026-12-31' }] }, admin);
    expect(r.status).toBe(400);
    expect(!r.body.ok && r.body.error.code).toBe('admin:config.invalid');
    expect(server.server.ctx.site.get()).toBe(before);
  });

  it('closes the kiosk at once on a day off the admin enters, naming it', async () => {
    const kiosk = await server.socket(await server.deviceToken('kiosk'));
    const open = await command(kiosk, 'kiosk:subscribe');
    expect(open.ok && open.value.closedDay).toBeNull();
    const name = { vi: 'Nghỉ Tết Nguyên đán Đinh Mùi', en: 'Lunar New Year holiday' };
    const saved = await server.request(
      'PUT',
      '/api/config/calendar/2027',
      {
        confirmed: true,
        daysOff: [
          { day: '2027-02-04', name },
          { day: '2027-02-05', name },
        ],
        workingDays: [],
      },
      admin,
    );
    expect(saved.status).toBe(200);
    const closed = await command(kiosk, 'kiosk:subscribe');
    expect(closed.ok && closed.value.closedDay).toEqual({ dayOff: { holiday: null, name }, reopensAt: at('2027-02-09', '07:00') });
    const issue = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    expect(!issue.ok && issue.error.code).toBe('service_closed');
  });
});
