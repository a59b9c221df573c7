import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../../protocol/views.ts';
import { snapshotOf } from '../../../server/core/queue-state.ts';
import { freePort, postJson as post, siteAtLocalNoon, startServerProcess as startProcess } from '../../support/server-process.ts';
import { waitFor } from '../../support/wait-for.ts';
import { command, TestServer } from '../../support/test-server.ts';

describe('restart recovery', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('a restarted server restores the exact queue and numbers continue', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-restart-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await TestServer.start({ dataDir });
    const kiosk = await first.socket(await first.deviceToken('kiosk'));
    for (let i = 0; i < 5; i++) await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    const clerk = await first.socket(await first.clerkToken());
    await command(clerk, 'counter:join', { counterId: 1 });
    await command(clerk, 'counter:next', { counterId: 1 });
    await command(clerk, 'counter:next', { counterId: 1 });
    const before = snapshotOf(first.server.ctx.engine.state);
    await first.close();

    const second = await TestServer.start({ dataDir });
    cleanup.push(() => second.close());
    expect(snapshotOf(second.server.ctx.engine.state)).toEqual(before);
    const admin = await second.login('admin', 'admin-password-1');
    const r = await second.request<IssuedTicket>('POST', '/api/tickets', { serviceId: 'civil-status' }, admin);
    expect(r.body.ok && r.body.value.ticket.label).toBe('1006');
  });

  it('after kill -9 mid-burst every acknowledged ticket is there and no number repeats', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-kill-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    // The export after the restart is of the centre's today: keep the run off its midnight.
    await siteAtLocalNoon(dataDir);
    const port = await freePort();
    let proc = await startProcess(dataDir, port);
    cleanup.push(async () => void proc.child.kill('SIGKILL'));
    const base = `http://127.0.0.1:${port}`;
    const setup = await post(base, '/api/auth/setup', {
      token: proc.setupToken,
      username: 'admin',
      name: 'Admin',
      password: 'admin-password-1',
    });
    const token = (setup as { value: { token: string } }).value.token;

    const acked: string[] = [];
    let settled = 0;
    const burst = Array.from({ length: 200 }, async (_, i) => {
      await new Promise((r) => setTimeout(r, i * 3));
      const r = (await post(base, '/api/tickets', { serviceId: i % 2 ? 'civil-status' : 'land' }, token).catch(() => null)) as {
        ok: boolean;
        value: IssuedTicket;
      } | null;
      if (r?.ok) acked.push(`${r.value.ticket.serviceId}:${r.value.ticket.label}`);
      settled++;
    });
    // Kill mid-burst; on a very slow machine the burst may finish first, which still tests recovery.
    await waitFor(() => acked.length >= 40 || settled === 200, 'the burst to be under way', 60_000);
    const killed = proc.killHard();
    await Promise.all(burst);
    await killed;

    proc = await startProcess(dataDir, port);
    const login = (await post(base, '/api/auth/login', { username: 'admin', password: 'admin-password-1' })) as {
      value: { token: string };
    };
    const csv = await (await fetch(`${base}/api/export/tickets.csv`, { headers: { authorization: `Bearer ${login.value.token}` } })).text();
    const code = { HT: 'civil-status', DD: 'land' } as Record<string, string>;
    const stored = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => {
        const [label, service] = line.split(',');
        return `${code[service!]}:${label}`;
      });
    expect(new Set(stored).size).toBe(stored.length);
    for (const t of acked) expect(stored).toContain(t);
    const next = (await post(base, '/api/tickets', { serviceId: 'land' }, login.value.token)) as { value: IssuedTicket };
    expect(stored).not.toContain(`land:${next.value.ticket.label}`);
  }, 180_000);
});
