import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnouncement } from '../../../client/voice/announcement.ts';
import { passDurationMs } from '../../../client/voice/audio-sink.ts';
import type { ClipManifest } from '../../../protocol/voice/clip-manifest.ts';
import { chooseDelivery, planAnnouncement } from '../../../client/voice/delivery.ts';
import { PAUSE_BETWEEN_ANNOUNCEMENTS_MS } from '../../../client/voice/pacing.ts';
import { DEFAULT_VOICE_CONFIG } from '../../../protocol/voice/voice-config.ts';

const CHROMIUM = '/usr/bin/chromium';
const voiceDir = resolve(import.meta.dirname, '../../../client/voice');

// The real path end to end: Vite bundles the clips, Chromium fetches and decodes them, and the
// Web Audio sink's `ended` events drive the queue. Fakes cannot show that this chain holds.
describe('announcer in Chromium', () => {
  let outDir: string;
  let browser: Browser;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'motcua-voice-build-'));
    await build({
      configFile: false,
      root: voiceDir,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, lib: { entry: join(voiceDir, 'create-announcer.ts'), formats: ['es'], fileName: 'announcer' } },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required'] });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('plays two calls one after the other with the shipped clips', async () => {
    const page = await browser.newPage();
    await page.route('http://display.test/**', (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === '') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>display</title>' });
      return route.fulfill({
        contentType: name.endsWith('.js') ? 'text/javascript' : 'audio/ogg',
        body: readFileSync(join(outDir, name)),
      });
    });
    await page.goto('http://display.test/');
    // A string, not a function: vitest rewrites `import()` inside test code, and this must run
    // untouched in the page.
    const result = (await page.evaluate(`(async () => {
      const { createAnnouncer } = await import('/announcer.js');
      // Counts the clips whose 'ended' listener ran, so the test knows how each pass ended.
      let ended = 0;
      const add = AudioBufferSourceNode.prototype.addEventListener;
      AudioBufferSourceNode.prototype.addEventListener = function (type, listener, options) {
        const counted = type === 'ended' ? (...args) => { ended += 1; return listener(...args); } : listener;
        return add.call(this, type, counted, options);
      };
      const errors = [];
      const announcer = await createAnnouncer(undefined, { onError: (error) => errors.push(String(error)) });
      const status = await announcer.sound.check();
      const started = performance.now();
      const outcomes = await Promise.all([
        announcer.announce({ ticket: 'A1023', counter: 3 }),
        announcer.announce({ ticket: 'B-05', counter: 12 }),
      ]);
      return { status, outcomes, seconds: (performance.now() - started) / 1000, errors, endedAtReturn: ended };
    })()`)) as { status: string; outcomes: unknown[]; seconds: number; errors: string[]; endedAtReturn: number };
    await page.close();
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('ready');
    expect(result.outcomes.map((o) => (o as { status: string }).status)).toEqual(['played', 'played']);
    // Each pass ended on its last clip's `ended` event, not on the sink's safety timeout (which
    // would settle the pass before the event, so the count would be short when both settled).
    expect(result.endedAtReturn).toBe(2);
    // At least as long as the clips back to back: they were really played, one after the other.
    const manifest = JSON.parse(readFileSync(join(voiceDir, 'clips/vi/manifest.json'), 'utf8')) as ClipManifest;
    const shipped = { id: 'vi', has: (id: string) => id in manifest.clips };
    const voicing = { vi: [shipped], en: [shipped], chime: shipped };
    // The first call starts before the second arrives; the second follows at once, so without the chime.
    const passes = [
      { call: { ticket: 'A1023', counter: 3 }, backlog: { waiting: 0, lastMinute: 1, quietMs: null } },
      { call: { ticket: 'B-05', counter: 12 }, backlog: { waiting: 0, lastMinute: 2, quietMs: 0 } },
    ].map(
      ({ call, backlog }) =>
        planAnnouncement(buildAnnouncement(call, DEFAULT_VOICE_CONFIG), chooseDelivery(backlog, DEFAULT_VOICE_CONFIG), voicing).passes[0]!,
    );
    const audioSeconds =
      (passes.reduce((sum, pass) => sum + passDurationMs(pass, (_source, id) => manifest.clips[id]?.durationMs ?? 0), 0) +
        PAUSE_BETWEEN_ANNOUNCEMENTS_MS) /
      1000;
    expect(result.seconds).toBeGreaterThan(audioSeconds);
  }, 60_000);
});
