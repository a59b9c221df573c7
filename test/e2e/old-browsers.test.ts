import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentBuildDir } from '../../scripts/build.ts';
import { openKiosk, landscape } from '../kiosk/kiosk-browser.ts';
import { checkChromium69Syntax } from '../support/chromium69-syntax.ts';
import { DisplayFixture } from './display-fixture.ts';

const apps = join(currentBuildDir, 'apps');

/** The scripts a built page loads, and the chunks those import, transitively. */
async function pageScripts(page: string): Promise<string[]> {
  const html = await readFile(join(apps, page), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = await readFile(join(apps, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
  }
  return [...seen];
}

/**
 * What Chromium 69 lacks of what later versions added to JavaScript's library: removed before
 * the page runs, so the apps meet the browser a lobby TV has (syntax is checked by parsing).
 */
function removeNewerApis(): void {
  const remove = (target: object, name: string) => Reflect.deleteProperty(target, name);
  remove(Object, 'hasOwn');
  remove(Object, 'fromEntries');
  remove(Array.prototype, 'at');
  remove(String.prototype, 'at');
  remove(Array.prototype, 'findLast');
  remove(Array.prototype, 'findLastIndex');
  remove(String.prototype, 'matchAll');
  remove(String.prototype, 'replaceAll');
  remove(Promise, 'allSettled');
  remove(Promise, 'any');
  remove(globalThis, 'structuredClone');
  remove(globalThis, 'queueMicrotask');
  remove(AbortSignal, 'timeout');
  remove(Element.prototype, 'replaceChildren');
  remove(crypto, 'randomUUID');
  remove(Intl, 'Segmenter');
  remove(Intl, 'ListFormat');
  remove(Intl, 'RelativeTimeFormat');
}

describe('the lobby screens on a Chromium 69 lobby TV', () => {
  it.each(['display/index.html', 'kiosk/index.html', 'kiosk/follow.html'])('%s loads only syntax Chromium 69 runs', async (page) => {
    const scripts = await pageScripts(page);
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const code = await readFile(join(apps, file), 'utf8');
      expect(() => checkChromium69Syntax(code), file).not.toThrow();
    }
  });

  it('every built script runs on Chromium 69, the staff apps’ too (one build target)', async () => {
    const files = (await readdir(join(apps, 'assets'))).filter((f) => f.endsWith('.js'));
    for (const file of files) {
      const code = await readFile(join(apps, 'assets', file), 'utf8');
      expect(() => checkChromium69Syntax(code), file).not.toThrow();
    }
  });

  describe('without the newer library functions', () => {
    let f: DisplayFixture;
    const errors: string[] = [];
    const watch = async (page: Page) => {
      page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack?.split('\n').slice(0, 6).join(' | ')}`));
      await page.addInitScript(removeNewerApis);
    };
    beforeAll(async () => {
      f = await DisplayFixture.start();
    });
    afterAll(async () => {
      await f?.close();
    });

    it('the lobby board shows and announces a call', async () => {
      const page = await f.openBoard('/display/?audioSink=record', undefined, watch);
      await f.issue('civil-status');
      const called = await f.counter(1, 'counter:next');
      await page.waitForSelector(`[data-testid=featured][data-ticket="${called}"]`, { timeout: 10_000 });
      await page.waitForFunction(() => (window.__motcuaAudio ?? []).length >= 1, undefined, { timeout: 10_000 });
      expect(await page.evaluate(() => typeof Object.hasOwn)).toBe('function');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('the kiosk hands out a number', async () => {
      const page = await openKiosk(f.browser, f.server, { size: landscape, beforeLoad: watch });
      await page.locator('.tile[data-field="ho-tich"]').click();
      await page.locator('.procedure-item[data-code="1.001193"]').click();
      await page.locator('button.take').click();
      await page.locator('[data-testid="ticket-number"]').waitFor();
      expect(await page.evaluate(() => typeof Array.prototype.at)).toBe('function');
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
