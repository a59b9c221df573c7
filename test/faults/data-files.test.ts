import { access, mkdtemp, readdir, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { centre } from '../support/process-centre.ts';
import { freePort, refusedServerProcess, type ServerProcess, siteAtLocalNoon, startServerProcess } from '../support/server-process.ts';

/** Cuts a file in half, as a power cut in the middle of an unsynced replace left them. */
async function truncateHalf(path: string): Promise<void> {
  await truncate(path, Math.floor((await readFile(path)).length / 2));
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('one data directory, one server; damaged small files (issue 12)', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function dataDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await siteAtLocalNoon(dir);
    return dir;
  }
  async function start(dir: string, port?: number): Promise<ServerProcess & { port: number }> {
    const p = port ?? (await freePort());
    const proc = await startServerProcess(dir, p);
    cleanups.push(() => proc.killHard());
    return Object.assign(proc, { port: p });
  }

  it('a second server on the same data directory refuses to start and names the holder; a dead holder\u2019s lock is taken over', async () => {
    const dir = await dataDir();
    const first = await start(dir);
    const second = await refusedServerProcess(dir, await freePort());
    expect(second.code).toBe(2);
    expect(second.output).toContain(`in use by another motcua server (pid ${first.child.pid}, port ${first.port}`);
    expect(second.output).not.toMatch(/\n\s+at /);
    // The first server still serves, alone.
    expect((await centre.health(first.base)).store).toBe('ok');

    await first.killHard();
    const third = await start(dir);
    expect((await centre.health(third.base)).store).toBe('ok');
    expect(third.output()).toContain('took over the lock of a server that is gone');
  });

  it('a truncated auth.json starts from its last good copy, with an alert; sign-in still works', async () => {
    const dir = await dataDir();
    const first = await start(dir);
    await centre.setUp(first.base, first.setupToken);
    await first.stop();
    await truncateHalf(join(dir, 'auth.json'));
    const again = await start(dir);
    expect((await centre.health(again.base)).fileAlerts).toMatchObject([{ file: 'auth.json', usedCopy: 'previous' }]);
    expect(again.output()).toMatch(/auth file damaged; started from its last good copy/);
    expect(await centre.signIn(again.base)).toMatch(/^ses_/);
  });

  it('a truncated auth.json without a good copy stops the start with a message naming the file, not a stack', async () => {
    const dir = await dataDir();
    const first = await start(dir);
    await centre.setUp(first.base, first.setupToken);
    await first.stop();
    await unlink(join(dir, 'auth.json.prev'));
    await truncateHalf(join(dir, 'auth.json'));
    const refused = await refusedServerProcess(dir, await freePort());
    expect(refused.code).toBe(2);
    expect(refused.output).toContain(`${join(dir, 'auth.json')} is damaged`);
    expect(refused.output).not.toMatch(/SyntaxError|\n\s+at /);
    // Nothing was written over it.
    expect(await exists(join(dir, 'auth.json.prev'))).toBe(false);
  });

  it('a truncated site.json starts from its last good copy once the config was saved, else names the file', async () => {
    const dir = await dataDir();
    const first = await start(dir);
    await first.stop();
    await truncateHalf(join(dir, 'site.json'));
    const refused = await refusedServerProcess(dir, await freePort());
    expect(refused.code).toBe(2);
    expect(refused.output).toContain(`${join(dir, 'site.json')} is not a valid site config`);
    expect(refused.output).not.toMatch(/\n\s+at /);

    await siteAtLocalNoon(dir);
    const second = await start(dir);
    const admin = await centre.setUp(second.base, second.setupToken);
    const config = (await (await fetch(`${second.base}/api/config`, { headers: { authorization: `Bearer ${admin}` } })).json()) as {
      value: { centre: Record<string, unknown> };
    };
    const saved = await fetch(`${second.base}/api/config/centre`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...config.value.centre, hotline: '1900 0000' }),
    });
    expect(saved.status).toBe(200);
    await second.stop();
    await truncateHalf(join(dir, 'site.json'));
    const third = await start(dir);
    expect((await centre.health(third.base)).fileAlerts).toMatchObject([{ file: 'site.json', usedCopy: 'previous' }]);
    expect((await centre.issue(third.base, await centre.signIn(third.base))).ok).toBe(true);
  });

  it('a damaged catalogue never takes the queue down: the sample is served, with an alert', async () => {
    const dir = await dataDir();
    const first = await start(dir);
    await first.stop();
    await writeFile(join(dir, 'catalogue.json'), '{"procedures": [');
    const again = await start(dir);
    expect((await centre.health(again.base)).fileAlerts).toMatchObject([{ file: 'catalogue.json', usedCopy: 'sample' }]);
    const catalogue = (await (await fetch(`${again.base}/api/catalogue`)).json()) as { value: { sample: boolean; procedures: unknown[] } };
    expect(catalogue.value.sample).toBe(true);
    expect(catalogue.value.procedures.length).toBeGreaterThan(10);
    const admin = await centre.setUp(again.base, again.setupToken);
    expect(await centre.issue(again.base, admin)).toMatchObject({ ok: true, label: '1001' });
  });

  it('a truncated day snapshot is ignored: the journal is replayed', async () => {
    const dir = await dataDir();
    const first = await start(dir);
    const admin = await centre.setUp(first.base, first.setupToken);
    for (let i = 0; i < 3; i++) await centre.issue(first.base, admin);
    await first.stop();
    const [snapshot] = (await readdir(join(dir, 'snapshots'))).filter((n) => n.endsWith('.json'));
    await truncateHalf(join(dir, 'snapshots', snapshot!));
    const again = await start(dir);
    expect(await centre.issue(again.base, await centre.signIn(again.base))).toMatchObject({ ok: true, label: '1004' });
  });
});
