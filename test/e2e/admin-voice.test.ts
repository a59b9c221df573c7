import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../protocol/site-config.ts';
import type { VoicePackStatus } from '../../protocol/voice/voice-pack.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { spokenWav, useSmallCentre } from '../support/spoken-sample.ts';
import { TestServer } from '../support/test-server.ts';
import { signedInAdmin } from './admin-browser.ts';
import { AUTOPLAY_BLOCKED } from './display-fixture.ts';

const wait = { timeout: 15_000 };

/**
 * The recording page in Chromium with a fake microphone: Chromium plays a file into it
 * (`--use-file-for-fake-audio-capture`), a word between half-second silences at -30 LUFS, and
 * grants it without asking (`--use-fake-ui-for-media-stream`).
 */
describe('the voice recording page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: string;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-mic-'));
    const microphone = join(dir, 'microphone.wav');
    await writeFile(microphone, spokenWav({ sampleRate: 48_000, seconds: 0.7, silence: 0.5, loudnessLufs: -30 }));
    server = await TestServer.start();
    admin = await server.adminToken();
    await useSmallCentre(server);
    browser = await launchBrowser([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-audio-capture=${microphone}`,
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const status = async (): Promise<VoicePackStatus> => {
    const r = await server.request<VoicePackStatus>('GET', '/api/voice-pack', undefined, admin);
    if (!r.body.ok) throw new Error(r.body.error.message);
    return r.body.value;
  };
  const row = (page: Page, id: string) => page.locator(`tr[data-clip="${id}"]`);
  const recordedPill = (page: Page, id: string) => row(page, id).locator('.pill--open').waitFor(wait);

  it('records a clip with the microphone, levels it, and plays it back', async () => {
    const page = await signedInAdmin(browser, server);
    await page.goto(`${server.url}/admin/#voice`);
    await page.locator('[data-testid=voice-pack-summary]').waitFor();
    expect(await page.textContent('[data-testid=voice-pack-summary]')).toContain('Đã ghi 0/9 đoạn');
    await screenshot(page, 'admin-voice-empty');

    await row(page, 'vi:Mời công dân số').locator('button[data-action=record]').click();
    // The level meter moves while the microphone hears the word.
    await page.waitForFunction(
      () => Number(document.querySelector<HTMLMeterElement>('button[data-action=stop] meter')?.value ?? 0) > 0.02,
      undefined,
      wait,
    );
    await page.waitForTimeout(1500);
    await screenshot(page, 'admin-voice-recording');
    await row(page, 'vi:Mời công dân số').locator('button[data-action=stop]').click();
    await recordedPill(page, 'vi:Mời công dân số');
    const clip = (await status()).clips.find((c) => c.id === 'vi:Mời công dân số')!.recorded!;
    // The fake microphone loops a 0.7 s word between silences: what is kept is the words, at -23 LUFS.
    expect(clip.loudnessLufs).toBeGreaterThan(-24);
    expect(clip.loudnessLufs).toBeLessThan(-22);
    expect(clip.trimmedMs).toBeGreaterThan(0);
    expect(clip.durationMs).toBeGreaterThan(600);
    expect(await row(page, 'vi:Mời công dân số').textContent()).toMatch(/giây · -2[23]\.\d LUFS/u);
    await page.close();
  });

  it('takes an uploaded file, and plays a sample call in the generated voice until every clip is recorded', async () => {
    const page = await signedInAdmin(browser, server);
    await page.goto(`${server.url}/admin/#voice`);
    await page.locator('[data-testid=voice-pack-summary]').waitFor();
    await page.setInputFiles('input[name="upload-vi:đến quầy số"]', {
      name: 'den-quay-so.wav',
      mimeType: 'audio/wav',
      buffer: Buffer.from(spokenWav({ fundamentalHz: 180 })),
    });
    await recordedPill(page, 'vi:đến quầy số');

    await page.click('button[name=sample-play]');
    await page.locator('[data-testid=sample-result]').waitFor(wait);
    expect(await page.textContent('[data-testid=sample-result]')).toContain('giọng tổng hợp vì còn thiếu');

    let pitch = 100;
    for (const clip of (await status()).clips.filter((c) => c.recorded === null)) {
      const res = await fetch(`${server.url}/api/voice-pack/clips/${encodeURIComponent(clip.id)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'audio/wav' },
        body: spokenWav({ fundamentalHz: (pitch += 15) }),
      });
      expect(res.status).toBe(200);
    }
    await page.reload();
    await page.locator('[data-testid=voice-pack-summary].banner--ok').waitFor(wait);
    await page.click('button[name=sample-play]');
    await page.locator('[data-testid=sample-result].notice--ok').waitFor(wait);
    expect(await page.textContent('[data-testid=sample-result]')).toBe('Đã đọc toàn bộ bằng giọng ghi âm.');
    await screenshot(page, 'admin-voice-complete');

    // A sentence still being written shows its phrases first, to record before it is saved.
    await page.fill('input[name=draft-sentence]', 'Xin mời số {number} tới bàn {counter}');
    await row(page, 'vi:tới bàn').waitFor(wait);
    expect(await page.$$eval('tr[data-clip]', (rows) => rows.slice(0, 2).map((r) => r.getAttribute('data-clip')))).toEqual([
      'vi:Xin mời số',
      'vi:tới bàn',
    ]);
    await page.close();
  });

  it('shows on the health page whether each board’s sound is on or blocked', async () => {
    const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await board.addInitScript(AUTOPLAY_BLOCKED);
    await board.goto(`${server.url}/display/`);
    await board.locator('[data-testid=sound-indicator]').waitFor(wait);
    const page = await signedInAdmin(browser, server);
    await page.goto(`${server.url}/admin/#health`);
    await page.locator('[data-testid=board-sound] tr[data-sound=blocked]').waitFor(wait);
    expect(await page.textContent('[data-testid=board-sound]')).toContain('Bị chặn');
    expect(await page.textContent('[data-testid=health-summary]')).toContain('Có 1 thiết bị không hoạt động');
    await screenshot(page, 'admin-health-board-blocked');
    await board.click('[data-testid=sound-indicator]');
    await page.locator('[data-testid=board-sound] tr[data-sound=on]').waitFor(wait);
    expect(await page.textContent('[data-testid=board-sound]')).toContain('Giọng ghi âm của trung tâm');
    await board.close();
    await page.close();
  });
  it('sets a dialect’s words with its preset, warns of prefixes that sound alike, and refuses a sentence without clips', async () => {
    const { id, ...service } = server.server.ctx.site.stored().services[0]!;
    for (const [serviceId, body] of [
      [id, { ...service, prefix: 'B' }],
      ['tax', { ...service, code: 'TX', name: { vi: 'Thuế', en: 'Tax' }, prefix: 'P' }],
    ] as const) {
      const saved = await server.request('PUT', `/api/config/services/${serviceId}`, body, admin);
      if (!saved.body.ok) throw new Error(saved.body.error.message);
    }
    const page = await signedInAdmin(browser, server);
    await page.goto(`${server.url}/admin/#services`);
    await page.locator('[data-testid=prefix-warnings]').waitFor(wait);
    expect(await page.textContent('[data-testid=prefix-warnings]')).toContain('(B, đọc «bê») và');

    await page.goto(`${server.url}/admin/#centre`);
    await page.selectOption('select[name=announcement-dialect]', 'south');
    expect(await page.inputValue('select[name=announcement-zeroTens]')).toBe('lẻ');
    expect(await page.inputValue('select[name=announcement-thousand]')).toBe('ngàn');
    expect(await page.inputValue('select[name=announcement-voice]')).toBe('vi-vn-x-south');
    await page.fill('input[name=announcement-recallTemplate]', 'Mời lại số {number} về bàn {counter}');
    await page.click('.form-actions button[type=submit]');
    await page.locator('.form-actions .notice--bad').waitFor(wait);
    expect(await page.textContent('.form-actions .notice--bad')).toContain('«Mời lại số», «về bàn»');
    await page.locator('fieldset:has(select[name=announcement-dialect])').scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-centre-announcement');
    await page.fill('input[name=announcement-recallTemplate]', 'Nhắc lại, mời công dân số {number} đến quầy số {counter}');
    await page.click('.form-actions button[type=submit]');
    await page.locator('.form-actions .notice--ok').waitFor(wait);
    const saved = await server.request<SiteConfig>('GET', '/api/config', undefined, admin);
    expect(saved.body.ok && saved.body.value.centre.announcement).toMatchObject({
      dialect: 'south',
      zeroTens: 'lẻ',
      thousand: 'ngàn',
      fourAfterTens: 'bốn',
    });
    await page.close();
  });
});
