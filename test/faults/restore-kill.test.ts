import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportView } from '../../protocol/reports.ts';
import type { Result } from '../../protocol/result.ts';
import { confirmRestore, downloadBackup, issueTickets, restoreStatus, uploadBackup } from '../server/backup-support.ts';
import { freePort, postJson, siteAtLocalNoon, startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { waitFor } from '../support/wait-for.ts';

const password = 'admin-password-1';

async function signIn(server: ServerProcess): Promise<string> {
  const r = (await postJson(server.base, '/api/auth/login', { username: 'admin', password })) as Result<{ token: string }>;
  if (!r.ok) throw new Error(`login refused: ${r.error.code}`);
  return r.value.token;
}

/** Tickets of the centre's open day, as the restarted server reports them. */
async function ticketsToday(server: ServerProcess, token: string): Promise<number> {
  const res = await fetch(`${server.base}/api/reports`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as Result<ReportView>;
  if (!body.ok) throw new Error(body.error.code);
  return body.value.total.issued;
}

/** `kill -9` of the real server process while it applies a restore, and while it receives one. */
describe('kill -9 during a restore', () => {
  let work: string;
  let prepared: string;
  let backup: Buffer;
  const inBackup = 4;
  const now = 7;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'motcua-restore-kill-'));
    prepared = join(work, 'prepared');
    await mkdir(prepared);
    await siteAtLocalNoon(prepared);
    const server = await startServerProcess(prepared, await freePort());
    try {
      const setup = (await postJson(server.base, '/api/auth/setup', {
        token: server.setupToken,
        username: 'admin',
        name: 'Quản trị',
        password,
      })) as Result<{ token: string }>;
      if (!setup.ok) throw new Error(setup.error.code);
      const admin = setup.value.token;
      await issueTickets({ url: server.base }, admin, inBackup);
      backup = (await downloadBackup({ url: server.base }, admin)).bytes;
      await issueTickets({ url: server.base }, admin, now - inBackup);
      const staged = await uploadBackup({ url: server.base }, admin, backup);
      if (!staged.body.ok) throw new Error(JSON.stringify(staged.body));
    } finally {
      await server.killHard();
    }
  }, 120_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  /** Starts the server on `dir` again and checks it holds the old data or the restored data, nothing else. */
  const comesBackWhole = async (dir: string, what: string): Promise<'old' | 'new'> => {
    const server = await startServerProcess(dir, await freePort(), { logLevel: 'info' });
    try {
      expect(server.setupToken, `${what}: a set-up link`).toBeNull();
      const token = await signIn(server);
      const tickets = await ticketsToday(server, token);
      const aside = (await readdir(dir)).filter((n) => n.startsWith('before-restore-'));
      const status = await restoreStatus({ url: server.base }, token);
      if (tickets === inBackup) {
        expect(aside, what).toHaveLength(1);
        expect(status.state, what).toBe('none');
        return 'new';
      }
      expect(tickets, what).toBe(now);
      expect(aside, what).toEqual([]);
      return 'old';
    } finally {
      await server.killHard();
    }
  };

  /** Copies the prepared data, starts the server on it and confirms the staged restore; `onStep` sees each logged step. */
  const confirmOnCopy = async (name: string, onStep: (seen: number, server: ServerProcess) => void) => {
    const dir = join(work, name);
    await cp(prepared, dir, { recursive: true });
    const server = await startServerProcess(dir, await freePort(), { logLevel: 'info' });
    const admin = await signIn(server);
    const status = await restoreStatus({ url: server.base }, admin);
    if (status.state !== 'staged') throw new Error(`not staged: ${status.state}`);
    let seen = 0;
    // Watched from the output listener itself, so a kill follows the logged step as closely as it can.
    server.child.stderr!.on('data', (d: Buffer) => {
      seen += d.toString().split('"restore step"').length - 1;
      onStep(seen, server);
    });
    const confirmed = await confirmRestore({ url: server.base }, admin, status.preview.fingerprint).catch(() => null);
    expect(confirmed === null || confirmed.status === 202, `confirmation on ${name}`).toBe(true);
    return { dir, server, steps: () => seen };
  };

  it('comes back with the old or the restored data after kills spread over the whole apply', async () => {
    // A run without a kill, through the restart in place, counts the steps to spread the kills over.
    const whole = await confirmOnCopy('whole', () => undefined);
    await waitFor(() => whole.server.output().includes('motcua restarted'), 'the restart in place');
    const total = whole.steps();
    await whole.server.killHard();
    expect(await comesBackWhole(whole.dir, 'not killed')).toBe('new');
    expect(total).toBeGreaterThan(10);
    const kills = [0, ...new Set(Array.from({ length: 10 }, (_, i) => 1 + Math.round((i * (total - 1)) / 9)))];
    const landed: string[] = [];
    for (const step of kills) {
      const run = await confirmOnCopy(`kill-${step}`, (seen, server) => {
        if (step > 0 && seen >= step) server.child.kill('SIGKILL');
      });
      if (step === 0) await run.server.killHard();
      else await waitFor(() => run.server.child.signalCode !== null, `the kill after step ${step}`);
      await run.server.killHard();
      landed.push(`${step}/${total} (${run.steps()} logged): ${await comesBackWhole(run.dir, `killed after step ${step}`)}`);
      await rm(run.dir, { recursive: true, force: true });
    }
    console.info(`restore kills: ${landed.join('; ')}`);
    // The confirmation is on disk before the answer: every restart after it finishes the restore.
    expect(
      landed.every((l) => l.endsWith('new')),
      landed.join(', '),
    ).toBe(true);
  }, 300_000);

  it('comes back with the old data, and nothing staged, after a kill while a backup is being uploaded', async () => {
    const dir = join(work, 'kill-upload');
    await cp(prepared, dir, { recursive: true });
    const server = await startServerProcess(dir, await freePort());
    const admin = await signIn(server);
    await fetch(`${server.base}/api/backup/restore`, { method: 'DELETE', headers: { authorization: `Bearer ${admin}` } });
    // Half the archive, then a pause with the upload still open: the server is unpacking it.
    const upload = request(`${server.base}/api/backup/restore`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/gzip' },
    });
    upload.on('error', () => undefined);
    upload.write(backup.subarray(0, Math.floor(backup.length / 2)));
    await waitForStaging(dir);
    await server.killHard();
    upload.destroy();
    expect(await comesBackWhole(dir, 'killed during an upload')).toBe('old');
    expect((await readdir(dir)).filter((n) => n.startsWith('restore-'))).toEqual([]);
  }, 120_000);
});

async function waitForStaging(dir: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await readdir(dir)).some((n) => n.startsWith('restore-staging-'))) {
    if (Date.now() > deadline) throw new Error('the upload never reached the server');
    await new Promise((r) => setTimeout(r, 10));
  }
}
