import { afterEach, describe, expect, it } from 'vitest';
import type { ServerHealth } from '../../../protocol/health.ts';
import { at, monday } from '../../support/site-fixture.ts';
import { SteppedClock } from '../../support/stepped-clock.ts';
import { command, TestServer } from '../../support/test-server.ts';

const hour = 3_600_000;

describe('a wall clock stepped 7 hours back, through the real server (issue 12)', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it('kiosks are not rate-limited, the queue keeps its order, and the jump is reported', async () => {
    const clock = new SteppedClock(at(monday, '10:00'));
    server = await TestServer.start({ clock, flags: ['--always-open'] });
    const kiosk = await server.socket(await server.deviceToken('kiosk'));
    const issue = async () => {
      const r = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
      return r.ok ? r.value.ticket.label : r.error.code;
    };
    expect([await issue(), await issue()]).toEqual(['1001', '1002']);
    clock.advance(30_000);
    clock.step(-7 * hour);
    // Before: every kiosk was refused `rate_limited` for 7 hours, the limiter counting negative time.
    expect([await issue(), await issue(), await issue(), await issue()]).toEqual(['1003', '1004', '1005', '1006']);

    const clerk = await server.socket(await server.clerkToken());
    await command(clerk, 'counter:join', { counterId: 1 });
    const called: string[] = [];
    for (let i = 0; i < 3; i++) {
      // A clerk serves each citizen for a while: a Next seconds after a call would be taken for a slip.
      clock.advance(10_000);
      const r = await command(clerk, 'counter:next', { counterId: 1 });
      if (r.ok) called.push(r.value.current!.label);
    }
    expect(called).toEqual(['1001', '1002', '1003']);

    const admin = await server.adminToken();
    const health = await server.request<ServerHealth & { day: string; store: string }>('GET', '/api/health');
    expect(health.body.ok && health.body.value).toMatchObject({ day: monday, store: 'ok', issuing: { ok: true } });
    const jumps = health.body.ok ? health.body.value.clockJumps : [];
    expect(jumps).toHaveLength(1);
    expect(Math.round(jumps[0]!.stepMs / 1000)).toBe(-7 * 3600);
    const dashboard = await command(await server.socket(admin), 'admin:subscribe');
    expect(dashboard.ok && dashboard.value.health.clockJumps).toEqual(jumps);
  });
});
