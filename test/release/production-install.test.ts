import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRelease } from '../../scripts/release.ts';
import { freePort, postJson, siteAtLocalNoon, startServerProcess, type ServerProcess } from '../support/server-process.ts';

/** Unpacks the archive into `dir` and installs its runtime packages as a centre's technician does. */
function install(archive: string, dir: string): string {
  const tar = spawnSync('tar', ['-xzf', archive, '-C', dir], { encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`tar: ${tar.stderr}`);
  const appDir = join(dir, 'motcua-0.1.0');
  // --offline: the packages come from npm's cache, as the developer's install put them there.
  const npm = spawnSync('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: appDir, encoding: 'utf8', timeout: 240_000 });
  if (npm.status !== 0) throw new Error(`npm ci: ${npm.stdout}\n${npm.stderr}`);
  return appDir;
}

async function stop(proc: ServerProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    proc.child.once('exit', () => resolve());
    proc.child.kill('SIGTERM');
  });
}

describe('a production install from the release archive', () => {
  let work: string;
  let archive: string;
  let dataDir: string;
  let first: string;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'motcua-release-'));
    archive = await makeRelease(join(work, 'out'));
    dataDir = join(work, 'var-lib-motcua');
    await mkdir(dataDir);
    await siteAtLocalNoon(dataDir);
    await mkdir(join(work, 'a'));
    first = install(archive, join(work, 'a'));
  }, 300_000);
  afterAll(async () => {
    if (server) await server.killHard();
    await rm(work, { recursive: true, force: true });
  });

  it('installs no build tool', async () => {
    const installed = await readdir(join(first, 'node_modules'));
    for (const tool of ['vite', 'esbuild', 'tsx', 'typescript', 'rolldown', 'vitest', 'preact', 'socket.io-client']) {
      expect(installed, tool).not.toContain(tool);
    }
    expect(installed).toEqual(expect.arrayContaining(['socket.io', 'serialport', 'lowdb']));
    expect(existsSync(join(first, 'server'))).toBe(false);
  });

  it('serves the apps and the API, and keeps the day’s queue when the program folder is replaced', async () => {
    const port = await freePort();
    server = await startServerProcess(dataDir, port, { appDir: first });
    expect(server.output()).toContain(`Data      ${dataDir}`);
    const page = await fetch(`${server.base}/kiosk/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(server.base + script)).status).toBe(200);

    const setup = (await postJson(server.base, '/api/auth/setup', {
      token: server.setupToken,
      username: 'admin',
      name: 'Quản trị',
      password: 'admin-password-1',
    })) as { ok: boolean; value: { token: string } };
    expect(setup.ok).toBe(true);
    const issued = (await postJson(server.base, '/api/tickets', { serviceId: 'civil-status' }, setup.value.token)) as {
      ok: boolean;
      value: { ref: string; ticket: { label: string } };
    };
    expect(issued.ok).toBe(true);

    // The upgrade: stop, replace the program's folder with a fresh install, start.
    await stop(server);
    server = null;
    await rm(first, { recursive: true, force: true });
    await mkdir(join(work, 'b'));
    const second = install(archive, join(work, 'b'));
    server = await startServerProcess(dataDir, port, { appDir: second });
    expect(server.setupToken).toBeNull();
    const followed = (await (await fetch(`${server.base}/api/tickets/${issued.value.ref}`)).json()) as {
      ok: boolean;
      value: { label: string };
    };
    expect(followed).toMatchObject({ ok: true, value: { label: issued.value.ticket.label } });
  });
});
