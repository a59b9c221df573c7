import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_INPUTS } from '../../scripts/build-fingerprint.mjs';
import { freePort, startServerProcess, type ServerProcess } from '../support/server-process.ts';

const repo = join(import.meta.dirname, '../..');

/** `npm start`'s first step in the copy, as a process of its own (the test keeps loading pages meanwhile). */
function startBuild(dir: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/start-build.mjs'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (status) => resolve({ status, stderr }));
  });
}

/** Loads a page and every script and style it names, as a screen does; returns the statuses that were not 200. */
async function loadPage(base: string, path: string): Promise<string[]> {
  const page = await fetch(base + path);
  if (page.status !== 200) return [`${path} ${page.status}`];
  const assets = [...(await page.text()).matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  const failed: string[] = [];
  for (const asset of assets) {
    const res = await fetch(base + asset);
    await res.arrayBuffer();
    if (res.status !== 200) failed.push(`${asset} ${res.status}`);
  }
  return failed;
}

describe('npm start in a checkout', () => {
  let copy: string;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'motcua-checkout-'));
    for (const entry of [...BUILD_INPUTS, 'scripts', 'data']) await cp(join(repo, entry), join(copy, entry), { recursive: true });
    await symlink(join(repo, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(async () => {
    if (server) await server.killHard();
    await rm(copy, { recursive: true, force: true });
  });

  it('builds once, then starts without building until a source changes', async () => {
    const first = await startBuild(copy);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/built [0-9a-f]{16}/);
    const again = await startBuild(copy);
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('');
  });

  it('rebuilds beside a running server, which serves its own build whole until it restarts', async () => {
    const port = await freePort();
    // Pages and their assets loaded back to back, uncached, are a flood from one address: the
    // request budget (tested in flood-limits.test.ts) is set out of the way of what this test is about.
    await mkdir(join(copy, 'var'), { recursive: true });
    const site = JSON.parse(await readFile(join(copy, 'data/site.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(
      join(copy, 'var/site.json'),
      JSON.stringify({ ...site, limits: { requests: { perAddress: { burst: 10_000, perSecond: 10_000 } } } }),
    );
    server = await startServerProcess(join(copy, 'var'), port, { appDir: copy });
    const before = await readlink(join(copy, 'build/current'));
    const health = async () => ((await (await fetch(`${server!.base}/api/health`)).json()) as { value: { build: string } }).value.build;
    expect(await health()).toBe(before);

    const kiosk = join(copy, 'kiosk/main.tsx');
    await writeFile(kiosk, `${await readFile(kiosk, 'utf8')}\n// changed for the test\n`);
    let rebuilding = true;
    const failures: string[] = [];
    let loads = 0;
    const loading = (async () => {
      while (rebuilding) {
        for (const path of ['/kiosk/', '/display/', '/counter/', '/admin/']) {
          failures.push(...(await loadPage(server!.base, path)));
          loads++;
        }
      }
    })();
    const rebuild = await startBuild(copy);
    rebuilding = false;
    await loading;

    expect(rebuild.status).toBe(0);
    expect(rebuild.stderr).toMatch(/built [0-9a-f]{16}/);
    const after = await readlink(join(copy, 'build/current'));
    expect(after).not.toBe(before);
    // Pages kept loading all through the build (a round is four pages).
    expect(loads).toBeGreaterThan(8);
    expect(failures).toEqual([]);
    expect(await loadPage(server.base, '/kiosk/')).toEqual([]);
    expect(await health()).toBe(before);

    await server.killHard();
    server = await startServerProcess(join(copy, 'var'), port, { appDir: copy });
    expect(await health()).toBe(after);
  });
});
