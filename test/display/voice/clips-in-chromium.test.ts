import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClipManifest } from '../../../display/voice/clip-manifest.ts';
import { CLIP_VOICES } from '../../../protocol/voice/voice-config.ts';

const CHROMIUM = '/usr/bin/chromium';
const clipsRoot = resolve(import.meta.dirname, '../../../display/voice/clips');

// The committed clips are only useful if the display's browser can decode them with Web Audio.
describe.skipIf(!existsSync(CHROMIUM))('committed clips in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(CLIP_VOICES)('decodes every clip of voice %s, audible and as long as the manifest says', async (voice) => {
    const manifest = JSON.parse(readFileSync(join(clipsRoot, voice, 'manifest.json'), 'utf8')) as ClipManifest;
    const page = await browser.newPage();
    await page.route('http://clips.test/**', (route) => {
      const name = decodeURIComponent(new URL(route.request().url()).pathname.slice(1));
      if (name === '') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>clips</title>' });
      return route.fulfill({ contentType: 'audio/ogg', body: readFileSync(join(clipsRoot, voice, name)) });
    });
    await page.goto('http://clips.test/');
    const clips = Object.entries(manifest.clips).map(([id, entry]) => ({ id, file: entry.file }));
    const decoded = await page.evaluate(async (list) => {
      const context = new OfflineAudioContext(1, 1, 16_000);
      return Promise.all(
        list.map(async ({ id, file }) => {
          const buffer = await context.decodeAudioData(await (await fetch(`/${file}`)).arrayBuffer());
          const peak = buffer.getChannelData(0).reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
          return { id, durationMs: buffer.duration * 1000, peak };
        }),
      );
    }, clips);
    await page.close();
    expect(decoded).toHaveLength(clips.length);
    for (const clip of decoded) {
      expect(Math.abs(clip.durationMs - (manifest.clips[clip.id]?.durationMs ?? 0)), clip.id).toBeLessThan(40);
      expect(clip.peak, clip.id).toBeGreaterThan(0.3);
    }
  });
});
