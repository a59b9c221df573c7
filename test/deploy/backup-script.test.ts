import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from '../support/test-server.ts';

// deploy/motcua-backup.sh, the nightly job of docs/deploy.md, run with sh and curl against a real server.

const script = join(import.meta.dirname, '../../deploy/motcua-backup.sh');

function runBackup(env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', [script], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the nightly backup job', () => {
  let server: TestServer;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await TestServer.start();
    await server.adminToken();
    dir = await mkdtemp(join(tmpdir(), 'motcua-backups-'));
    env = {
      MOTCUA_BACKUP_URL: server.url,
      MOTCUA_BACKUP_DIR: dir,
      MOTCUA_BACKUP_USER: 'admin',
      MOTCUA_BACKUP_PASSWORD: 'admin-password-1',
    };
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('signs in, saves the backup under the name the server gives it, signs out, and drops backups past their days', async () => {
    const old = join(dir, 'motcua-backup-2026-01-01.tar.gz');
    await writeFile(old, 'an old backup');
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    await utimes(old, longAgo, longAgo);

    const run = await runBackup(env);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^motcua-backup-/);
    expect(run.stdout).toContain(files[0]);
    const bytes = await readFile(join(dir, files[0]!));
    // gzip
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const entries = await server.request<Array<{ action: string }>>('GET', '/api/audit', undefined, await server.adminToken());
    expect(entries.body.ok && entries.body.value.some((e) => e.action === 'backup.downloaded')).toBe(true);
  });

  it('fails, saving nothing, when the account is refused', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'motcua-backups-'));
    try {
      const run = await runBackup({ ...env, MOTCUA_BACKUP_DIR: empty, MOTCUA_BACKUP_PASSWORD: 'wrong-password' });
      expect(run.status).not.toBe(0);
      expect(await readdir(empty)).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
