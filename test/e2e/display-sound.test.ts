import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOUND_ENABLED_KEY } from '../../client/voice/sound-gate.ts';
import { AUTOPLAY_BLOCKED, DisplayFixture } from './display-fixture.ts';

const wait = { timeout: 10_000 };

describe('call display sound prompt', () => {
  let f: DisplayFixture;

  beforeAll(async () => {
    f = await DisplayFixture.start();
  });

  afterAll(async () => {
    await f?.close();
  });

  it('shows that sound is blocked, enables it with one tap, and remembers the choice', async () => {
    const page = await f.openBoard('/display/', undefined, async (p) => {
      await p.addInitScript(AUTOPLAY_BLOCKED);
    });
    await page.waitForSelector('[data-testid=sound-indicator]', wait);
    expect(await page.textContent('[data-testid=sound-indicator]')).toContain('Âm thanh đang bị chặn');
    await page.click('[data-testid=sound-indicator]');
    await page.waitForSelector('[data-testid=sound-indicator]', { ...wait, state: 'detached' });
    expect(await page.evaluate((key) => localStorage.getItem(key), SOUND_ENABLED_KEY)).toBe('1');

    // After a restart of the display the prompt is back (no gesture yet), but any tap will do.
    await page.reload();
    await page.waitForSelector('[data-testid=sound-indicator]', wait);
    await page.mouse.click(200, 300);
    await page.waitForSelector('[data-testid=sound-indicator]', { ...wait, state: 'detached' });
    await page.close();
  });
});
