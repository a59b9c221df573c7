import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../protocol/result.ts';
import { startHubProcess, type HubProcess } from '../support/hub-process.ts';
import { freePort, postJson } from '../support/server-process.ts';
import { waitFor } from '../support/wait-for.ts';

let dir: string | null = null;
let hub: HubProcess | null = null;

/** The embedded server's pid while it runs, from the file PostgreSQL keeps in its data directory. */
async function postmasterPid(): Promise<number | null> {
  const text = await readFile(join(dir!, 'postgres', 'postmaster.pid'), 'utf8').catch(() => null);
  return text ? Number(text.split('\n')[0]) : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(async () => {
  await hub?.killHard();
  // A failed run must not leave a PostgreSQL server behind.
  const pid = dir ? await postmasterPid() : null;
  if (pid && alive(pid)) process.kill(pid, 'SIGINT');
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run hub on a fresh machine', () => {
  it('runs on its embedded PostgreSQL, survives a kill -9, and stops its database when stopped', async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-hub-embedded-'));
    // As a data directory in a checkout would be: readable by the postgres user the server runs as.
    await chmod(dir, 0o755);
    const port = await freePort();
    hub = await startHubProcess(port, ['--data-dir', dir]);
    expect(hub.output()).toContain('embedded');
    const setup = (await postJson(hub.base, '/api/auth/setup', {
      token: hub.setupToken,
      username: 'tinh',
      name: 'Quản trị tỉnh',
      password: 'province-password-1',
    })) as Result<{
      token: string;
    }>;
    expect(setup.ok).toBe(true);
    const first = await postmasterPid();
    expect(first && alive(first)).toBe(true);

    // Killed hard, the hub leaves its PostgreSQL running; the next start stops it and goes on.
    await hub.killHard();
    hub = await startHubProcess(port, ['--data-dir', dir]);
    expect(hub.setupToken).toBeNull();
    const login = (await postJson(hub.base, '/api/auth/login', { username: 'tinh', password: 'province-password-1' })) as Result<{
      token: string;
    }>;
    expect(login.ok).toBe(true);
    expect(alive(first!)).toBe(false);

    const second = (await postmasterPid())!;
    const exited = new Promise((resolve) => hub!.child.once('exit', resolve));
    hub.child.kill('SIGTERM');
    await exited;
    await waitFor(() => !alive(second), 'the embedded PostgreSQL to stop', 30_000);
    hub = null;
  }, 180_000);
});
