import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIME_LOUDNESS_LUFS, SPEECH_LOUDNESS_LUFS } from '../../../server/voice/clip-levelling.ts';
import { integratedLoudness } from '../../../server/voice/loudness.ts';
import { CHIME_CLIP } from '../../../protocol/voice/clip-id.ts';
import type { ClipManifest } from '../../../protocol/voice/clip-manifest.ts';
import { CLIP_VOICES } from '../../../protocol/voice/dialect.ts';

const CHROMIUM = '/usr/bin/chromium';
const clipsRoot = resolve(import.meta.dirname, '../../../client/voice/clips');

// The committed clips are only useful if the display's browser can decode them with Web Audio,
// and their loudness only means something as the browser decodes them: each clip's samples come
// back from Chromium and are measured here (BS.1770), against the manifest and the targets.
describe('committed clips in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(CLIP_VOICES)('decodes every clip of voice %s, as long and as loud as the manifest says', async (voice) => {
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
          const bytes = new Uint8Array(buffer.getChannelData(0).buffer);
          let binary = '';
          for (const byte of bytes) binary += String.fromCharCode(byte);
          return { id, sampleRate: buffer.sampleRate, samples: btoa(binary) };
        }),
      );
    }, clips);
    await page.close();
    expect(decoded).toHaveLength(clips.length);
    for (const clip of decoded) {
      const bytes = Buffer.from(clip.samples, 'base64');
      const samples = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
      const entry = manifest.clips[clip.id]!;
      const loudness = integratedLoudness({ sampleRate: clip.sampleRate, samples });
      expect(Math.abs((samples.length / clip.sampleRate) * 1000 - entry.durationMs), clip.id).toBeLessThan(40);
      expect(Math.abs(loudness - entry.loudnessLufs), clip.id).toBeLessThan(0.5);
      const target = clip.id === CHIME_CLIP ? CHIME_LOUDNESS_LUFS : SPEECH_LOUDNESS_LUFS;
      expect(Math.abs(loudness - target), clip.id).toBeLessThanOrEqual(1.5);
    }
  });
});
