import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../protocol/admin.ts';
import type { PrintersView } from '../../protocol/printers.ts';
import type { Catalogue } from '../../protocol/catalogue.ts';
import type { CatalogueImportSummary } from '../../protocol/http-views.ts';
import type { ReportView } from '../../protocol/reports.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import type { DisplaySnapshot } from '../../protocol/views.ts';
import { computeReport } from '../../server/core/report-tables.ts';
import { command, nextEvent, TestServer } from '../support/test-server.ts';
import { simulateDay } from '../../bench/day-simulation.ts';
import { sampleSite, writePastDay } from './admin-support.ts';

const pastDay = '2026-11-20';
const newService = { code: 'GD', name: { vi: 'Giáo dục', en: 'Education' }, prefix: 'G', numberStart: 1, numberEnd: 500, pad: 3 };

describe('admin API: configuration that applies live, audited', () => {
  let server: TestServer;
  let admin: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'motcua-admin-'));
    await writePastDay(dataDir, pastDay, 120);
    server = await TestServer.start({ dataDir });
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('adds a service and a counter that kiosks and displays see in their next snapshot', async () => {
    const kiosk = await server.socket(await server.deviceToken('kiosk'));
    const display = await server.socket();
    expect((await command(kiosk, 'kiosk:subscribe')).ok).toBe(true);
    expect((await command(display, 'display:subscribe', {})).ok).toBe(true);

    const kioskSees = nextEvent(kiosk, 'kiosk:snapshot', (v) => v.services.some((x) => x.id === 'education'));
    const saved = await server.request<SiteConfig>('PUT', '/api/config/services/education', newService, admin);
    expect(saved.status).toBe(200);
    expect((await kioskSees).services.map((s) => s.id)).toContain('education');

    const displaySees = nextEvent(display, 'display:snapshot', (v) => v.counters.some((c) => c.id === 9));
    const counter = { name: { vi: 'Quầy 9', en: 'Counter 9' }, services: [{ serviceId: 'education' }] };
    expect((await server.request('PUT', '/api/config/counters/9', counter, admin)).status).toBe(200);
    const board: DisplaySnapshot = await displaySees;
    expect(board.counters.map((c) => c.id)).toContain(9);
    expect(board.services.find((s) => s.id === 'education')?.name.vi).toBe('Giáo dục');

    const issued = await command(kiosk, 'ticket:issue', { serviceId: 'education' });
    expect(issued.ok && issued.value.ticket.label).toBe('G001');
  });

  it('refuses a change that breaks the config, changes nothing and says why', async () => {
    const before = await server.request<SiteConfig>('GET', '/api/config', undefined, admin);
    const bad = await server.request(
      'PUT',
      '/api/config/counters/10',
      { name: { vi: 'Quầy 10', en: 'Counter 10' }, services: [{ serviceId: 'nope' }] },
      admin,
    );
    expect(bad.status).toBe(400);
    expect(!bad.body.ok && bad.body.error.message).toContain('Cấu hình không hợp lệ');
    const removal = await server.request('DELETE', '/api/config/services/civil-status', undefined, admin);
    expect(removal.status).toBe(400);
    const after = await server.request<SiteConfig>('GET', '/api/config', undefined, admin);
    expect(after.body).toEqual(before.body);
  });

  it('changes the centre and records who did what in the audit log', async () => {
    const config = (await server.request<SiteConfig>('GET', '/api/config', undefined, admin)).body;
    if (!config.ok) throw new Error('no config');
    const centre = { ...config.value.centre, ticketFooter: 'Xin cảm ơn quý công dân' };
    expect((await server.request('PUT', '/api/config/centre', centre, admin)).status).toBe(200);
    const audit = await server.request<AuditEntry[]>('GET', '/api/audit', undefined, admin);
    if (!audit.body.ok) throw new Error('no audit');
    const actions = audit.body.value.map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['config.centre', 'config.counter', 'config.service']);
    expect(audit.body.value[0]).toMatchObject({ actor: { username: 'admin' }, after: { ticketFooter: 'Xin cảm ơn quý công dân' } });
    expect(actions).not.toContain('config.counter_removed');
  });

  it('lets only admins read or change the configuration', async () => {
    const clerk = await server.clerkToken('clerk-cfg');
    expect((await server.request('GET', '/api/config', undefined, clerk)).status).toBe(403);
    expect((await server.request('PUT', '/api/config/services/x', newService, clerk)).status).toBe(403);
    expect((await server.request('GET', '/api/reports')).status).toBe(401);
    expect((await server.request('GET', '/api/backup', undefined, clerk)).status).toBe(403);
  });

  it('reports a past day with the figures of its journal', async () => {
    const r = await server.request<ReportView>('GET', `/api/reports?from=${pastDay}&to=${pastDay}`, undefined, admin);
    if (!r.body.ok) throw new Error(r.body.error.code);
    const simulated = simulateDay(sampleSite(), pastDay, { tickets: 120, seed: 7 });
    const expected = computeReport(simulated.state.tickets.values(), {
      timeZone: 'Asia/Ho_Chi_Minh',
      targetWaitMinutes: 15,
      ratingScale: 3,
    });
    expect(r.body.value.total).toEqual(expected.total);
    expect(r.body.value.byClerk).toEqual(expected.byClerk);
    expect(r.body.value.total.issued).toBeGreaterThan(100);
    // The second time comes from the day cache and must say the same.
    const again = await server.request<ReportView>('GET', `/api/reports?from=${pastDay}&to=${pastDay}`, undefined, admin);
    expect(again.body.ok && again.body.value.byService).toEqual(r.body.value.byService);
  });

  it('exports a report table as CSV and refuses a bad range', async () => {
    const res = await fetch(`${server.url}/api/reports.csv?from=${pastDay}&to=${pastDay}&table=counter&lang=en`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const csv = await res.text();
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^counter,counter_name,issued,served,no_show/);
    expect(lines.length).toBe(1 + 8);
    const vi = await fetch(`${server.url}/api/reports.csv?from=${pastDay}&to=${pastDay}&table=service&decimal=comma`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const viLines = (await vi.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // Each level says its scale, and the figure is named for what it is (issue 14).
    expect(viLines[0]).toMatch(
      /^Mã dịch vụ;Dịch vụ;Đã cấp số;Đã giải quyết;Vắng mặt;.*;Mức 1\/3;Mức 2\/3;Mức 3\/3;Mức độ hài lòng tại quầy \(%\)$/,
    );
    const avgWait = viLines[1]!.split(';')[7];
    expect(avgWait).toMatch(/^\d+,\d$/);
    const bad = await server.request('GET', `/api/reports?from=2026-11-23&to=2026-11-01`, undefined, admin);
    expect(bad.status).toBe(400);
  });

  it("shows the virtual printer's last ticket with its picture and prints it again", async () => {
    const kiosk = await server.socket(await server.deviceToken('kiosk'));
    const issued = await command(kiosk, 'ticket:issue', { serviceId: 'land' });
    if (!issued.ok) throw new Error(issued.error.code);
    await expect
      .poll(async () => {
        const r = await server.request<PrintersView>('GET', '/api/printers', undefined, admin);
        return r.body.ok ? r.body.value.printers[0]!.jobs.map((j) => j.ticketId) : [];
      })
      .toContain(issued.value.ticket.id);
    const png = await fetch(`${server.url}/api/printers/p1/preview/${issued.value.ticket.id}.png`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const reprint = await server.request('POST', '/api/reprints', { ticketId: issued.value.ticket.id }, admin);
    expect(reprint.status).toBe(200);
    expect(server.printer.recent().filter((p) => p.jobId === issued.value.ticket.id)).toHaveLength(2);
    // A device may not reprint (staff only: it is told to sign in); a reprint needs a ticket of today.
    const display = await server.deviceToken('display');
    expect((await server.request('POST', '/api/reprints', { ticketId: issued.value.ticket.id }, display)).status).toBe(401);
    expect((await server.request('POST', '/api/reprints', { ticketId: 'nosuchticket' }, admin)).status).toBe(404);
  });

  it('sets up a printer, refusing a bad one and changing nothing', async () => {
    const bad = await server.request('PUT', '/api/printers/p2', { name: 'Sảnh B', transport: { kind: 'usb', path: 'lp0' } }, admin);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'admin:config.invalid' } });
    const view = await server.request<PrintersView>('GET', '/api/printers', undefined, admin);
    expect(view.body.ok && view.body.value.printers.map((p) => p.config.id)).toEqual(['p1']);
    const good = await server.request<PrintersView>(
      'PUT',
      '/api/printers/p2',
      { name: 'Sảnh B', transport: { kind: 'virtual' }, profile: { model: 'epson-tm-t20iii', vietnameseMode: 'codepage-cp1258' } },
      admin,
    );
    expect(good.body.ok && good.body.value.printers.map((p) => p.state)).toEqual(['virtual', 'virtual']);
    const test = await server.request('POST', '/api/printers/p2/test', undefined, admin);
    expect(test.body).toMatchObject({ ok: true, value: { kind: 'printed', printerId: 'p2' } });
    // The test ticket carries no number's follow link: its QR code opens the kiosk page.
    expect(server.printer.recent()[0]?.document.items.find((i) => i.kind === 'qr')).toMatchObject({ payload: 'http://127.0.0.1:9/kiosk/' });
    expect((await server.request('DELETE', '/api/printers/p2', undefined, admin)).status).toBe(200);
    expect((await server.request('DELETE', '/api/printers/p2', undefined, admin)).status).toBe(404);
  });

  it('lists paired devices with their live connections, and renames one', async () => {
    const token = await server.deviceToken('display');
    await server.socket(token);
    const live = await server.request<{ devices: Array<{ id: string; kind: string; name: string; connections: number }> }>(
      'GET',
      '/api/admin/connections',
      undefined,
      admin,
    );
    if (!live.body.ok) throw new Error('no connections');
    const display = live.body.value.devices.filter((d) => d.kind === 'display').at(-1)!;
    expect(display.connections).toBe(1);
    expect((await server.request('PATCH', `/api/devices/${display.id}`, { name: 'Màn hình sảnh' }, admin)).status).toBe(200);
    const renamed = await server.request<Array<{ id: string; name: string }>>('GET', '/api/devices', undefined, admin);
    expect(renamed.body.ok && renamed.body.value.find((d) => d.id === display.id)?.name).toBe('Màn hình sảnh');
  });

  it('revoking a device closes its live connection and its token no longer works', async () => {
    const token = await server.deviceToken('kiosk');
    const kiosk = await server.socket(token);
    const other = await server.socket(await server.deviceToken('display'));
    const live = await server.request<{ devices: Array<{ id: string; kind: string; connections: number }> }>(
      'GET',
      '/api/admin/connections',
      undefined,
      admin,
    );
    if (!live.body.ok) throw new Error('no connections');
    const paired = live.body.value.devices.filter((d) => d.kind === 'kiosk' && d.connections === 1).at(-1)!;
    const closed = new Promise<string>((resolve) => kiosk.once('disconnect', (reason) => resolve(reason)));
    expect((await server.request('DELETE', `/api/devices/${paired.id}`, undefined, admin)).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    expect(other.connected).toBe(true);
    const again = await server.socket(token);
    const refused = await command(again, 'ticket:issue', { serviceId: 'civil-status' });
    expect(refused.ok).toBe(false);
  });

  it('imports a catalogue all or nothing, naming every bad row in Vietnamese', async () => {
    const current = await server.request<Catalogue>('GET', '/api/catalogue');
    if (!current.body.ok) throw new Error('no catalogue');
    const upload = (catalogue: unknown) =>
      fetch(`${server.url}/api/catalogue/import?name=catalogue.json`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
        body: JSON.stringify(catalogue),
      }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as {
          ok: boolean;
          value?: { procedures: number; unmapped: string[] };
          problems?: Array<{ row: number; message: string }>;
        },
      }));
    const broken = structuredClone(current.body.value);
    broken.procedures[1]!.code = 'bad';
    broken.procedures[3]!.targets = [];
    const refused = await upload(broken);
    expect(refused.status).toBe(422);
    expect(refused.body.problems?.map((p) => p.row)).toEqual([2, 4]);
    expect(refused.body.problems?.[0]?.message).toMatch(/[Dd]òng 2/);
    expect((await server.request<Catalogue>('GET', '/api/catalogue')).body).toEqual(current.body);

    const own = { ...structuredClone(current.body.value), sample: false, procedures: current.body.value.procedures.slice(0, 10) };
    own.procedures[0]!.serviceId = 'nowhere';
    const imported = await upload(own);
    expect(imported.status).toBe(200);
    expect(imported.body.value).toMatchObject({ procedures: 10, unmapped: [own.procedures[0]!.code] });
    const now = await server.request<Catalogue>('GET', '/api/catalogue');
    expect(now.body.ok && [now.body.value.sample, now.body.value.procedures.length]).toEqual([false, 10]);
  });

  it('previews a Windows-1258 CSV without importing it, then imports it as read', async () => {
    const before = await server.request<Catalogue>('GET', '/api/catalogue');
    const csv = readFileSync(join(import.meta.dirname, '../../docs/examples/catalogue.csv'), 'utf8');
    const cp1258 = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'CP1258'], { input: csv }).stdout;
    const send = (query: string) =>
      fetch(`${server.url}/api/catalogue/import?name=thu-tuc.csv${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' },
        body: cp1258,
      }).then(async (res) => (await res.json()) as { ok: boolean; value: CatalogueImportSummary });
    const preview = await send('&preview=1');
    expect(preview.value).toMatchObject({ procedures: 3, fields: 2, format: 'csv', encoding: 'windows-1258' });
    expect(preview.value.firstProcedures[0]).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh' });
    expect(preview.value.byField).toEqual([
      { id: 'ho-tich', name: 'Hộ tịch', procedures: 2 },
      { id: 'chung-thuc', name: 'Chứng thực', procedures: 1 },
    ]);
    expect((await server.request<Catalogue>('GET', '/api/catalogue')).body).toEqual(before.body);

    expect((await send('')).value).toMatchObject({ procedures: 3, encoding: 'windows-1258' });
    const now = await server.request<Catalogue>('GET', '/api/catalogue');
    expect(now.body.ok && now.body.value.procedures.map((p) => p.name)).toEqual([
      'Đăng ký khai sinh',
      'Đăng ký kết hôn',
      'Chứng thực bản sao từ bản chính giấy tờ văn bản',
    ]);
  });

  it('refuses a file it cannot read as Vietnamese and keeps the catalogue', async () => {
    const before = await server.request<Catalogue>('GET', '/api/catalogue');
    const sjis = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'SHIFT_JIS'], { input: 'code,name\n1.001193,出生登録\n' }).stdout;
    const res = await fetch(`${server.url}/api/catalogue/import?name=x.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: sjis,
    });
    const body = (await res.json()) as { ok: boolean; problems: Array<{ message: string }> };
    expect(res.status).toBe(422);
    expect(body.problems[0]!.message).toContain('CSV UTF-8');
    expect((await server.request<Catalogue>('GET', '/api/catalogue')).body).toEqual(before.body);
  });

  it("keeps the admin snapshot's ratings and figures for today", async () => {
    const socket = await server.socket(admin);
    const snap = await command(socket, 'admin:subscribe');
    expect(snap.ok && snap.value.satisfaction.byScale).toEqual({ '3': { '1': 0, '2': 0, '3': 0 } });
  });
});
