import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { currentBuildDir, ensureBuilt } from '../scripts/build.ts';

export interface BundleFigures {
  /** Gzipped bytes of the JavaScript the kiosk page loads (entry and preloaded chunks). */
  kioskJsGzipKb: number;
  followJsGzipKb: number;
}

const dist = join(currentBuildDir, 'apps');

/** Sums the gzipped size of the scripts a built page loads. */
async function pageScripts(page: string): Promise<number> {
  const html = await readFile(join(dist, page), 'utf8');
  const srcs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let total = 0;
  for (const src of new Set(srcs)) total += gzipSync(await readFile(join(dist, src)), { level: 9 }).length;
  return Math.round((total / 1024) * 10) / 10;
}

export async function run(): Promise<BundleFigures> {
  await ensureBuilt({ quiet: true });
  return { kioskJsGzipKb: await pageScripts('kiosk/index.html'), followJsGzipKb: await pageScripts('kiosk/follow.html') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const f = await run();
  process.stdout.write(`kiosk JS ${f.kioskJsGzipKb} KB gzipped (target ≤ 60 KB); follow page JS ${f.followJsGzipKb} KB\n`);
}
