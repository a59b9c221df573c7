import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePastDay } from '../server/admin-support.ts';
import { issueTickets, tar } from '../server/backup-support.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { command, TestServer } from '../support/test-server.ts';
import { signedInAdmin } from './admin-browser.ts';

describe('admin backup page in Chromium: download, preview, cancel, confirm', () => {
  let server: TestServer;
  let browser: Browser;
  let dataDir: string;
  let work: string;
  let admin: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'motcua-e2e-backup-'));
    work = await mkdtemp(join(tmpdir(), 'motcua-e2e-backup-files-'));
    await writePastDay(dataDir, '2026-11-19', 60, 2);
    await writePastDay(dataDir, '2026-11-20', 80, 3);
    [server, browser] = await Promise.all([TestServer.start({ dataDir }), launchBrowser()]);
    admin = await server.adminToken();
    await issueTickets(server, admin, 3);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  async function backupPage(): Promise<Page> {
    const page = await signedInAdmin(browser, server, { acceptDownloads: true });
    await page.goto(`${server.url}/admin/#backup`);
    await page.locator('h1', { hasText: 'Sao lưu và khôi phục' }).waitFor();
    return page;
  }

  it('downloads a backup, shows what restoring it replaces, cancels, refuses a stale confirmation, then restores', async () => {
    const page = await backupPage();
    const downloading = page.waitForEvent('download');
    await page.locator('button', { hasText: 'Tải bản sao lưu' }).click();
    const file = join(work, 'backup.tar.gz');
    await (await downloading).saveAs(file);
    expect(await tar(['-tzf', file])).toContain('journal/2026-11-20.jsonl');
    const later = await issueTickets(server, admin, 5, 'land');

    await page.locator('input[name="backup-file"]').setInputFiles(file);
    const warning = page.getByTestId('tickets-after-backup');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('5 phiếu cấp sau bản sao lưu này sẽ được cất riêng');
    const today = page.locator(`tr[data-day="${server.server.ctx.engine.state.day}"]`);
    expect(await today.textContent()).toContain(later.join(', '));
    expect(await page.locator('.restore-preview').textContent()).toContain('2 ngày khác giống nhau');
    await screenshot(page, 'admin-backup-preview');

    await page.locator('button', { hasText: 'Hủy khôi phục' }).click();
    await page.locator('.notice--ok', { hasText: 'Đã hủy khôi phục' }).waitFor();
    expect(await page.locator('.restore-preview').count()).toBe(0);
    await screenshot(page, 'admin-backup-cancelled');

    await page.locator('input[name="backup-file"]').setInputFiles(file);
    await page.locator('button', { hasText: 'Khôi phục và cất riêng 5 phiếu' }).waitFor();
    // A kiosk issues a number while the admin reads the preview: the confirmation must not discard it unseen.
    const [late] = await issueTickets(server, admin, 1, 'land');
    await page.locator('button', { hasText: 'Khôi phục và cất riêng 5 phiếu' }).click();
    await page.locator('[role="alert"]', { hasText: 'Đã có dữ liệu mới được ghi sau lần xem trước' }).waitFor();
    await page.locator('button', { hasText: 'Khôi phục và cất riêng 6 phiếu' }).waitFor();
    expect(await today.textContent()).toContain(late);
    await screenshot(page, 'admin-backup-stale');

    // A lobby board stays open through the restore: it must reconnect by itself to the restarted server.
    const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await board.goto(`${server.url}/display/`);
    await board.waitForSelector('.display[data-synced="true"][data-connection="online"]');
    const restarted = server.nextRestart();
    await page.locator('button', { hasText: 'Khôi phục và cất riêng 6 phiếu' }).click();
    await page.locator('[role="status"]', { hasText: 'Đang khôi phục' }).waitFor();
    await screenshot(page, 'admin-backup-restoring');
    await restarted;
    // The restored data has no sessions: the page asks to sign in again, with an account from the backup.
    await page.locator('form.sign-in').waitFor({ timeout: 20_000 });
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill('admin-password-1');
    await page.locator('form.sign-in button[type="submit"]').click();
    await page.locator('.admin-bar').waitFor();
    await page.locator('.admin-bar a[href="#backup"]').click();
    await page.getByTestId('last-restore').waitFor();
    expect(await page.getByTestId('last-restore').textContent()).toMatch(/before-restore-/);
    expect(server.server.ctx.engine.state.tickets.size).toBe(3);
    await screenshot(page, 'admin-backup-restored');

    const clerk = await server.socket(await server.clerkToken('sau.khoi.phuc'));
    await command(clerk, 'counter:join', { counterId: 1 });
    const called = await command(clerk, 'counter:next', { counterId: 1 });
    if (!called.ok || !called.value.current) throw new Error('nothing called after the restore');
    await board.waitForSelector(`.display[data-connection="online"] [data-testid=featured][data-ticket="${called.value.current.label}"]`, {
      timeout: 20_000,
    });
    await screenshot(board, 'admin-backup-board-after-restore-1080p');
    await board.close();
  }, 90_000);

  it('lists every problem of a file that is not a whole backup', async () => {
    const page = await backupPage();
    const broken = join(work, 'broken.tar.gz');
    await writeFile(broken, Buffer.from('this is not a backup'));
    await page.locator('input[name="backup-file"]').setInputFiles(broken);
    const alert = page.locator('[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tệp không phải là tệp nén .tar.gz.');
    await screenshot(page, 'admin-backup-refused');
  });
});
