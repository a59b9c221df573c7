/**
 * Call display latency: a clerk's `counter:next` → the lobby board's DOM showing that number
 * as the featured call, in headless Chromium against the real server (the built display app,
 * Socket.IO, the queue engine's durable write before the broadcast). The page stamps the
 * moment its featured call changes with a MutationObserver; both sides use the machine's
 * wall clock (performance.timeOrigin + now), so the two stamps compare directly.
 * Run: `npx tsx bench/display-latency.ts` (builds the apps first).
 */
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { configureLogging } from '../server/log.ts';
import { DisplayFixture } from '../test/e2e/display-fixture.ts';
import { percentileMs, roundMs } from './support/figures.ts';

export interface DisplayLatencyFigures {
  name: 'display-latency';
  calls: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

declare global {
  interface Window {
    /** Ticket label → wall-clock ms when the board first featured it. */
    __featuredAt?: Record<string, number>;
  }
}

// Runs in the page before the app: notes when each label first becomes the featured call.
const stampFeaturedCalls = `
  window.__featuredAt = {};
  new MutationObserver(() => {
    const label = document.querySelector('[data-testid=featured]')?.getAttribute('data-ticket');
    if (label && !(label in window.__featuredAt)) window.__featuredAt[label] = performance.timeOrigin + performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ticket'] });
`;

/** Calls `calls` numbers one after another at one counter and times each to the board. */
export async function run(options: { calls?: number; buildApps?: boolean } = {}): Promise<DisplayLatencyFigures> {
  const calls = options.calls ?? 100;
  configureLogging({ level: 'warn' });
  if (options.buildApps ?? true) await build({ logLevel: 'warn' });
  const fixture = await DisplayFixture.start();
  try {
    const page = await fixture.openBoard('/display/?audioSink=record', undefined, async (p) => {
      await p.addInitScript(stampFeaturedCalls);
    });
    for (let i = 0; i < calls; i += 1) await fixture.issue('civil-status', 'desk');
    const latencies: number[] = [];
    for (let i = 0; i < calls; i += 1) {
      const sentAt = performance.timeOrigin + performance.now();
      const label = await fixture.counter(1, 'counter:next');
      if (label === null) throw new Error('the counter called nobody');
      await page.waitForFunction((l) => window.__featuredAt?.[l] !== undefined, label, { timeout: 10_000 });
      const shownAt = await page.evaluate((l) => window.__featuredAt![l]!, label);
      latencies.push(shownAt - sentAt);
    }
    await page.close();
    latencies.sort((a, b) => a - b);
    return {
      name: 'display-latency',
      calls,
      p50Ms: roundMs(percentileMs(latencies, 0.5)),
      p99Ms: roundMs(percentileMs(latencies, 0.99)),
      maxMs: roundMs(latencies.at(-1) ?? 0),
    };
  } finally {
    await fixture.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run();
  console.log(
    `counter:next → board shows the number (headless Chromium): ${figures.calls} calls, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms`,
  );
}
