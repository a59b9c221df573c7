import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../server/core/model.ts';
import { StoreError } from '../../server/store/store-error.ts';
import { openKiosk, landscape, portrait } from '../kiosk/kiosk-browser.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { monday, at } from '../support/site-fixture.ts';
import { runningClock } from '../support/stepped-clock.ts';
import { TestServer } from '../support/test-server.ts';
import { desk, signedInAdmin } from './admin-browser.ts';

/**
 * What people see when the centre cannot issue numbers (its disk cannot be written) and what the
 * manager sees about the server itself (issue 12), in real Chromium. The disk fault is injected
 * into the store here; test/faults/full-disk.test.ts fills a real disk.
 */
describe('the centre cannot issue numbers: kiosk, counter console and dashboard say so and why', () => {
  let server: TestServer;
  let browser: Browser;
  let dataDir: string;
  const clock = runningClock(at(monday, '09:00'));

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'motcua-health-'));
    // A day whose journal has a damaged line, so the dashboard shows a repair too.
    const first = await TestServer.start({ dataDir, clock, flags: ['--always-open'] });
    const admin = await first.adminToken();
    for (let i = 0; i < 4; i++) await first.request('POST', '/api/tickets', { serviceId: 'civil-status' }, admin);
    await first.close();
    const path = join(dataDir, 'journal', `${monday}.jsonl`);
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[1] = lines[1]!.replace('"civil-status"', '"civil-statuz"');
    await writeFile(path, lines.join('\n'));
    [server, browser] = await Promise.all([TestServer.start({ dataDir, clock, flags: ['--always-open'] }), launchBrowser()]);
    await server.clerkToken('clerk1', [1]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function counterConsole(): Promise<Page> {
    const page = await browser.newPage({ viewport: desk });
    await page.goto(`${server.url}/counter/1`);
    await page.locator('input[name="username"]').fill('clerk1');
    await page.locator('input[name="password"]').fill('clerk-password-1');
    await page.locator('button[type="submit"]').click();
    await page.locator('.console').waitFor();
    return page;
  }

  it('shows it on every screen before anyone tries, and clears when the server has recovered by itself', async () => {
    const kioskPortrait = await openKiosk(browser, server, { size: portrait });
    const kioskLandscape = await openKiosk(browser, server, { size: landscape });
    const counter = await counterConsole();
    const dashboard = await signedInAdmin(browser, server);
    await dashboard.locator('[data-testid="journal-recovery"]').waitFor();

    // The clock steps 7 hours back, then the disk fills up.
    clock.shift(-7 * 3_600_000);
    const store = server.server.ctx.store;
    const append = store.append.bind(store);
    const openDay = store.openDay.bind(store);
    const full = () => Promise.reject(new StoreError('disk_full', dataDir, Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })));
    store.append = (_events: readonly QueueEvent[]) => full();
    store.openDay = (day, options) => (options?.checkWritable ? full() : openDay(day, options));
    const refused = await server.request('POST', '/api/tickets', { serviceId: 'civil-status' }, await server.adminToken());
    expect(refused.status).toBe(503);

    for (const page of [kioskPortrait, kioskLandscape]) {
      const banner = page.locator('[data-testid="cannot-issue"]');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('Hệ thống tạm thời chưa cấp được số thứ tự');
      expect(await banner.textContent()).toContain('ổ đĩa của máy chủ đã đầy');
    }
    // Before the citizen chooses, and on the procedure too: the button waits.
    await kioskPortrait.locator('.tile[data-field="ho-tich"]').click();
    await kioskPortrait.locator('.procedure-item[data-code="1.001193"]').click();
    expect(await kioskPortrait.locator('button.take').isDisabled()).toBe(true);
    await screenshot(kioskPortrait, 'health-kiosk-cannot-issue-1080x1920');
    await screenshot(kioskLandscape, 'health-kiosk-cannot-issue-1920x1080');
    const consoleBanner = counter.locator('[data-testid="cannot-issue"]');
    await consoleBanner.waitFor();
    expect(await consoleBanner.textContent()).toContain('không cấp số và không gọi số được vì ổ đĩa của máy chủ đã đầy');
    await screenshot(counter, 'health-counter-cannot-issue-1366');
    await dashboard.locator('[data-testid="cannot-issue"]').waitFor();
    await dashboard.locator('[data-testid="clock-jump"]').waitFor();
    expect(await dashboard.locator('[data-testid="clock-jump"]').textContent()).toContain('lùi 7 h 00 min');
    expect(await dashboard.locator('[data-testid="journal-recovery"]').textContent()).toContain('dòng 2: sai mã kiểm tra');
    await screenshot(dashboard, 'health-dashboard-1366');

    store.append = append;
    store.openDay = openDay;
    await kioskPortrait.locator('[data-testid="cannot-issue"]').waitFor({ state: 'detached', timeout: 30_000 });
    await counter.locator('[data-testid="cannot-issue"]').waitFor({ state: 'detached' });
    await dashboard.locator('[data-testid="cannot-issue"]').waitFor({ state: 'detached' });
    expect((await server.request('POST', '/api/tickets', { serviceId: 'civil-status' }, await server.adminToken())).status).toBe(200);
  }, 120_000);
});
