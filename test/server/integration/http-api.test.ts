import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../protocol/catalogue.ts';
import type { DayStatistics } from '../../../protocol/views.ts';
import { monday } from '../../support/site-fixture.ts';
import { command, TestServer } from '../../support/test-server.ts';

describe('HTTP API', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  const start = async (dataDir?: string) => {
    const s = await TestServer.start(dataDir ? { dataDir } : {});
    cleanup.push(() => s.close());
    return s;
  };

  it('serves the sample catalogue and the public site description', async () => {
    const s = await start();
    const cat = await s.request<Catalogue>('GET', '/api/catalogue');
    expect(cat.body.ok && cat.body.value.procedures.length).toBeGreaterThanOrEqual(40);
    const site = await s.request<{ services: unknown[]; counters: unknown[] }>('GET', '/api/site');
    expect(site.body.ok && site.body.value.services).toHaveLength(7);
    expect(JSON.stringify(site.body)).not.toMatch(/password|secret|token/i);
  });

  it('today’s statistics and the CSV export follow the day’s tickets', async () => {
    const s = await start();
    const kiosk = await s.socket(await s.deviceToken('kiosk'));
    for (let i = 0; i < 3; i++) await command(kiosk, 'ticket:issue', { serviceId: 'civil-status', procedureCode: '1.001193' });
    const clerk = await s.socket(await s.clerkToken());
    await command(clerk, 'counter:join', { counterId: 1 });
    await command(clerk, 'counter:next', { counterId: 1 });
    await command(clerk, 'counter:finish', { counterId: 1 });
    await command(clerk, 'counter:next', { counterId: 1 });
    await command(clerk, 'counter:no-show', { counterId: 1 });
    const admin = await s.adminToken();
    const stats = await s.request<DayStatistics & { day: string }>('GET', '/api/stats/today', undefined, admin);
    expect(stats.body.ok && stats.body.value).toMatchObject({ day: monday, total: { issued: 3, served: 1, noShow: 1, open: 1 } });
    expect((await s.request('GET', '/api/stats/today')).status).toBe(401);

    const res = await fetch(`${s.url}/api/export/tickets.csv?lang=en`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^number,service,issued_service,priority_group,procedure,status,counter,clerk,issued_at/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 7).join(','))).toEqual([
      '1001,HT,HT,,1.001193,finished,1',
      '1002,HT,HT,,1.001193,no_show,1',
      '1003,HT,HT,,1.001193,waiting,',
    ]);
    expect((await s.request('GET', '/api/export/tickets.csv?day=yesterday', undefined, admin)).status).toBe(400);

    // For Excel on a Vietnamese Windows: a byte-order mark, Vietnamese headers and statuses, and
    // with the decimal comma, cells between semicolons.
    const vi = await (
      await fetch(`${s.url}/api/export/tickets.csv?decimal=comma`, { headers: { authorization: `Bearer ${admin}` } })
    ).arrayBuffer();
    expect([...new Uint8Array(vi).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const viLines = new TextDecoder().decode(vi).trim().split('\r\n');
    expect(viLines[0]).toMatch(/^Số thứ tự;Mã dịch vụ;Dịch vụ khi cấp số;Nhóm ưu tiên;Mã thủ tục;Trạng thái;Quầy;Cán bộ;Giờ cấp số/);
    expect(viLines.slice(1).map((l) => l.split(';').slice(0, 7).join(';'))).toEqual([
      '1001;HT;HT;;1.001193;Đã giải quyết xong;1',
      '1002;HT;HT;;1.001193;Vắng mặt;1',
      '1003;HT;HT;;1.001193;Đang chờ;',
    ]);
    const waits = viLines.slice(1, 3).map((l) => l.split(';')[12]);
    for (const wait of waits) expect(wait).toMatch(/^\d+,\d$/);
  });

  it('a journal cut mid-line by a power failure: every complete event is kept and the server goes on', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-torn-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await TestServer.start({ dataDir });
    const kiosk = await first.socket(await first.deviceToken('kiosk'));
    for (let i = 0; i < 3; i++) await command(kiosk, 'ticket:issue', { serviceId: 'land' });
    await first.close();
    await appendFile(join(dataDir, 'journal', `${monday}.jsonl`), '{"type":"ticket.issued","seq":4,"at":17');

    const second = await start(dataDir);
    expect(second.server.ctx.engine.journalRecovery[0]).toMatchObject({ keptEvents: 3, setAside: [{ reason: 'torn_line', line: 4 }] });
    expect([...second.server.ctx.engine.state.tickets.values()].map((t) => t.label)).toEqual(['3001', '3002', '3003']);
    const admin = await second.login('admin', 'admin-password-1');
    const next = await second.request<{ ticket: { label: string } }>('POST', '/api/tickets', { serviceId: 'land' }, admin);
    expect(next.body.ok && next.body.value.ticket.label).toBe('3004');
  });
});
