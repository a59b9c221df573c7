import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedDay } from '../../bench/day-simulation.ts';
import type { AuditEntry } from '../../protocol/admin.ts';
import type { PrintersView } from '../../protocol/printers.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import type { DisplaySnapshot, KioskSnapshot } from '../../protocol/views.ts';
import { computeReport } from '../../server/core/report-tables.ts';
import { artifactsDir, launchBrowser, screenshot } from '../support/browser.ts';
import { command, nextEvent, TestServer } from '../support/test-server.ts';
import { desk, signedInAdmin } from './admin-browser.ts';
import { writePastDay } from '../server/admin-support.ts';

const pastDay = '2026-11-20';
/** "HH:MM:SS" on the wall clock of a zone so many hours east of UTC, worked out without Intl. */
function clockAt(epochMs: number, hoursEast: number): string {
  return new Date(epochMs + hoursEast * 3_600_000).toISOString().slice(11, 19);
}

describe('admin app in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let dataDir: string;
  let day: SimulatedDay;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'motcua-admin-e2e-'));
    day = await writePastDay(dataDir, pastDay, 150, 11);
    [server, browser] = await Promise.all([TestServer.start({ dataDir }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const signedIn = (): Promise<Page> => signedInAdmin(browser, server, { acceptDownloads: true });

  it('creates the administrator from the link the server printed on first run', async () => {
    const token = server.server.ctx.setup.token;
    expect(token).toBeTruthy();
    const page = await browser.newPage({ viewport: desk });
    await page.goto(`${server.url}/admin/#setup=${token}`);
    await page.locator('h1', { hasText: 'Tạo tài khoản quản trị' }).waitFor();
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="name"]').fill('Nguyễn Văn Quản');
    await page.locator('input[name="password"]').fill('admin-password-1');
    await page.locator('input[name="repeat"]').fill('admin-password-1');
    await page.locator('button[type="submit"]').click();
    await page.locator('h1', { hasText: 'Tổng quan hôm nay' }).waitFor();
    expect(server.server.ctx.setup.token).toBeNull();
    await page.close();
  });

  it('signs in, adds a service and a counter, and a kiosk and a display see them live', async () => {
    const kiosk = await server.socket(await server.deviceToken('kiosk'));
    const display = await server.socket();
    await command(kiosk, 'kiosk:subscribe');
    await command(display, 'display:subscribe', {});
    const page = await signedIn();
    await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    await page.locator('[data-testid="issued-today"] .stat-value', { hasText: '1' }).waitFor();
    await screenshot(page, 'admin-dashboard');

    await page.goto(`${server.url}/admin/#services`);
    await page.locator('button[name="add-service"]').click();
    await page.locator('input[name="code"]').fill('GD');
    await page.locator('input[name="nameVi"]').fill('Giáo dục – Đào tạo');
    // The id is made from the name: nobody has to invent one.
    expect(await page.locator('input[name="id"]').inputValue()).toBe('giao-duc-dao-tao');
    await page.locator('input[name="nameEn"]').fill('Education and training');
    await page.locator('input[name="prefix"]').fill('G');
    await page.locator('input[name="numberStart"]').fill('1');
    await page.locator('input[name="numberEnd"]').fill('500');
    await screenshot(page, 'admin-services-editor');
    const kioskSees = nextEvent(kiosk, 'kiosk:snapshot', (v) => v.services.some((x) => x.name.vi === 'Giáo dục – Đào tạo'));
    await page.locator('form.editor button[type="submit"]').click();
    const kioskView: KioskSnapshot = await kioskSees;
    expect(kioskView.services.find((s) => s.id === 'giao-duc-dao-tao')?.name.vi).toBe('Giáo dục – Đào tạo');
    await page.locator('tr[data-service="giao-duc-dao-tao"]').waitFor();

    await page.goto(`${server.url}/admin/#counters`);
    await page.locator('button[name="add-counter"]').click();
    expect(await page.locator('input[name="id"]').inputValue()).toBe('9');
    await page.locator('input[name="serves-giao-duc-dao-tao"]').check();
    await page.locator('input[name="serves-civil-status"]').check();
    await screenshot(page, 'admin-counters-editor');
    const displaySees = nextEvent(display, 'display:snapshot', (v) => v.counters.some((c) => c.id === 9));
    await page.locator('form.editor button[type="submit"]').click();
    const board: DisplaySnapshot = await displaySees;
    expect(board.counters.find((c) => c.id === 9)?.serviceIds).toEqual(['giao-duc-dao-tao', 'civil-status']);
    await page.locator('tr[data-counter="9"]').waitFor();

    await page.goto(`${server.url}/admin/#audit`);
    await page.locator('tr[data-action="config.counter"]').waitFor();
    expect(await page.locator('tr[data-action="config.service"] td').nth(2).textContent()).toBe('Lưu dịch vụ');
    await page.close();
  });

  it('shows the report of a generated day with its figures, and the CSV of its tickets matches', async () => {
    const expected = computeReport(day.state.tickets.values(), { timeZone: 'Asia/Ho_Chi_Minh', targetWaitMinutes: 15, ratingScale: 3 });
    const page = await signedIn();
    await page.goto(`${server.url}/admin/#reports`);
    await page.locator('h2.print-title').waitFor();
    await page.locator('input[name="from"]').fill(pastDay);
    await page.locator('h2.print-title', { hasText: pastDay }).waitFor();
    await page.locator('input[name="to"]').fill(pastDay);
    await page.locator('h2.print-title', { hasText: `Báo cáo ngày ${pastDay}` }).waitFor();
    expect(await page.locator('[data-testid="report-issued"] .stat-value').textContent()).toBe(String(expected.total.issued));
    expect(await page.locator('[data-testid="report-served"] .stat-value').textContent()).toBe(String(expected.total.served));
    expect(await page.locator('[data-testid="report-no-show"] .stat-value').textContent()).toBe(String(expected.total.noShow));
    expect(await page.locator('[data-testid="report-avg-wait"] .stat-value').textContent()).toBe(
      `${expected.total.avgWaitMinutes!.toFixed(1)} phút`,
    );
    const land = page.locator('[data-testid="by-service"] tr[data-row="land"]');
    expect(await land.locator('[data-col="issued"]').textContent()).toBe(String(expected.byService.land!.issued));
    expect(await land.locator('[data-col="p90Wait"]').textContent()).toBe(expected.byService.land!.p90WaitMinutes!.toFixed(1));
    expect(await page.locator('[data-testid="by-clerk"] tbody tr').count()).toBe(Object.keys(expected.byClerk).length);
    await screenshot(page, 'admin-reports');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(artifactsDir, 'admin-reports-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    const download = page.waitForEvent('download');
    await page.locator('.csv-buttons button', { hasText: 'Danh sách phiếu' }).click();
    const csv = (await readFile((await (await download).path())!, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const tickets = [...day.state.tickets.values()].sort((a, b) => a.issuedAt - b.issuedAt);
    // In Vietnamese, for Excel with Vietnamese settings: semicolons, and statuses in words.
    const statusWords = (
      JSON.parse(await readFile(join(import.meta.dirname, '../../locales/vi/export.json'), 'utf8')) as {
        status: Record<string, string>;
      }
    ).status;
    expect(csv[0]!.split(';').slice(0, 2)).toEqual(['Số thứ tự', 'Mã dịch vụ']);
    expect(csv.length).toBe(1 + tickets.length);
    expect(csv.slice(1).map((l) => l.split(';')[0])).toEqual(tickets.map((t) => t.label));
    expect(csv.slice(1).map((l) => l.split(';')[5])).toEqual(tickets.map((t) => statusWords[t.status]));
    await page.close();
  });

  it("shows device health, the printer's tickets and the configuration pages at a desk size", async () => {
    const kiosk = await server.socket(await server.deviceToken('kiosk'));
    const issued = await command(kiosk, 'ticket:issue', { serviceId: 'land' });
    expect(issued.ok).toBe(true);
    // A centre two hours east of Vietnam: every time the admin pages show must follow its zone.
    const admin = await server.adminToken();
    const config = await server.request<SiteConfig>('GET', '/api/config', undefined, admin);
    if (!config.body.ok) throw new Error('config refused');
    const centre = config.body.value.centre;
    expect((await server.request('PUT', '/api/config/centre', { ...centre, timeZone: 'Etc/GMT-9' }, admin)).status).toBe(200);
    const page = await signedIn();
    await page.goto(`${server.url}/admin/#health`);
    await page.locator('[data-testid="printer-state"]').waitFor();
    expect(await page.locator('[data-device] .pill--open').count()).toBeGreaterThan(0);
    await screenshot(page, 'admin-devices');
    await page.goto(`${server.url}/admin/#printer`);
    await page.locator('.ticket-card img.ticket-preview').first().waitFor();
    await expect
      .poll(() =>
        page
          .locator('.ticket-card img.ticket-preview')
          .first()
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBeGreaterThan(100);
    const view = await server.request<PrintersView>('GET', '/api/printers', undefined, admin);
    const job = view.body.ok ? view.body.value.printers[0]?.jobs[0] : undefined;
    if (!job) throw new Error('no printed job');
    const card = page.locator(`.ticket-card[data-job="${job.ticketId}"] p`).first();
    await expect.poll(() => card.textContent()).toContain(clockAt(job.at, 9));
    expect(await card.textContent()).not.toContain(clockAt(job.at, 7));
    await screenshot(page, 'admin-printer');
    await page.goto(`${server.url}/admin/#centre`);
    await page.locator('input[name="name-vi"]').waitFor();
    await screenshot(page, 'admin-centre');
    await page.goto(`${server.url}/admin/#procedures`);
    await page.locator('input[name="procedure-search"]').fill('dang ky khai sinh');
    await page.locator('td', { hasText: 'Đăng ký khai sinh' }).first().waitFor();
    expect(await page.locator('h1 .pill--sample').textContent()).toBe('Dữ liệu mẫu');
    await screenshot(page, 'admin-procedures');
    await page.locator('.lang-switch, .admin-user button', { hasText: 'English' }).click();
    await page.goto(`${server.url}/admin/#audit`);
    await page.locator('h1', { hasText: 'Audit log' }).waitFor();
    await page.locator('tr[data-action="device.pairing_code"]').first().waitFor();
    const log = await server.request<AuditEntry[]>('GET', '/api/audit?limit=300', undefined, admin);
    const zoneChange = log.body.ok ? log.body.value.find((e) => e.action === 'config.centre') : undefined;
    if (!zoneChange) throw new Error('the zone change is not in the audit log');
    const when = page.locator('tr[data-action="config.centre"] td').first();
    await expect.poll(() => when.textContent()).toContain(clockAt(zoneChange.at, 9));
    await screenshot(page, 'admin-audit-en');
    await page.close();
    expect((await server.request('PUT', '/api/config/centre', centre, admin)).status).toBe(200);
  });
});
