import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLock, DataDirLockedError } from '../../server/store/data-dir-lock.ts';
import { DATA_FORMAT } from '../../server/store/data-format.ts';
import { freePort, refusedServerProcess } from '../support/server-process.ts';
import { TestServer } from '../support/test-server.ts';
import { confirmRestore, downloadBackup, issueTickets, restoreStatus, tar, uploadBackup } from './backup-support.ts';

/** The numbers of today's tickets of one service, in the order of issue. */
function numbers(server: TestServer, serviceId: string): number[] {
  return [...server.server.ctx.engine.state.tickets.values()].filter((t) => t.serviceId === serviceId).map((t) => t.number);
}

/** Issue 12, restore: nothing twice, whatever a restore replaces, and one server on the directory throughout. */
describe('restore: nothing twice', () => {
  const dirs: string[] = [];
  const servers: TestServer[] = [];
  const start = async (dataDir?: string) => {
    const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'motcua-restore-safety-')));
    if (!dataDir) dirs.push(dir);
    const server = await TestServer.start({ dataDir: dir });
    servers.push(server);
    return { server, dataDir: dir, admin: await server.adminToken() };
  };
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  /** Stages the backup and confirms it; resolves once the server has restarted on it. */
  const restore = async (server: TestServer, admin: string, bytes: Buffer) => {
    const staged = await uploadBackup(server, admin, bytes);
    if (!staged.body.ok) throw new Error(JSON.stringify(staged.body));
    const restarted = server.nextRestart();
    expect((await confirmRestore(server, admin, staged.body.value.fingerprint)).status).toBe(202);
    await restarted;
  };

  it('a same-day restore never hands out again the numbers issued after the backup, nor after the next start', async () => {
    const { server, dataDir, admin } = await start();
    await issueTickets(server, admin, 3);
    const backup = await downloadBackup(server, admin);
    await issueTickets(server, admin, 4);
    const handedOut = numbers(server, 'civil-status');
    expect(handedOut).toHaveLength(7);

    await restore(server, admin, backup.bytes);
    // The restored queue is the backup's: the four later tickets are set aside with the replaced data…
    expect(numbers(server, 'civil-status')).toEqual(handedOut.slice(0, 3));
    const again = await server.login('admin', 'admin-password-1');
    await issueTickets(server, again, 2);
    // …but their numbers are on citizens' papers: numbering goes on above them.
    const next = numbers(server, 'civil-status').slice(3);
    expect(next).toEqual([handedOut[6]! + 1, handedOut[6]! + 2]);

    // A later start reads the replaced journal again (before-restore-*/journal/) and goes on above all of them.
    await servers.pop()!.close();
    const { server: restarted, admin: admin2 } = await start(dataDir);
    await issueTickets(restarted, admin2, 1);
    expect(numbers(restarted, 'civil-status').at(-1)).toBe(handedOut[6]! + 3);
  });

  it('a restore of a backup made before today\u2019s first ticket keeps numbering above those today handed out', async () => {
    const { server, dataDir, admin } = await start();
    const backup = await downloadBackup(server, admin);
    await issueTickets(server, admin, 5, 'land');
    const handedOut = numbers(server, 'land');
    await restore(server, admin, backup.bytes);
    expect(numbers(server, 'land')).toEqual([]);
    await issueTickets(server, await server.login('admin', 'admin-password-1'), 1, 'land');
    expect(numbers(server, 'land')).toEqual([handedOut.at(-1)! + 1]);
    expect((await readdir(dataDir)).filter((n) => n.startsWith('before-restore-'))).toHaveLength(1);
  });

  it('the process keeps the data directory locked through the in-place restart, so no second server gets in', async () => {
    const { server, dataDir, admin } = await start();
    const backup = await downloadBackup(server, admin);
    const staged = await uploadBackup(server, admin, backup.bytes);
    if (!staged.body.ok) throw new Error(JSON.stringify(staged.body));
    const restarted = server.nextRestart();
    let done = false;
    void restarted.finally(() => (done = true));
    // A second server trying all through the restart, as one started at that moment would.
    const attempts: string[] = [];
    const trying = (async () => {
      while (!done) {
        const outcome = await DataDirLock.acquire(dataDir, 0, Date.now()).then(
          async (stolen) => {
            await stolen.release();
            return 'taken';
          },
          (e: unknown) => (e instanceof DataDirLockedError && e.holder.pid === process.pid ? 'refused' : String(e)),
        );
        attempts.push(outcome);
        await new Promise((r) => setImmediate(r));
      }
    })();
    expect((await confirmRestore(server, admin, staged.body.value.fingerprint)).status).toBe(202);
    await restarted;
    await trying;
    expect(attempts.length).toBeGreaterThan(0);
    expect(new Set(attempts)).toEqual(new Set(['refused']));
    // The restarted server serves, on the same lock, and a real second server process is refused.
    expect((await restoreStatus(server, await server.login('admin', 'admin-password-1'))).state).toBe('none');
    const second = await refusedServerProcess(dataDir, await freePort());
    expect(second.code).toBe(2);
    expect(second.output).toContain(`in use by another motcua server (pid ${process.pid}, port ${server.port}`);
  });

  describe('the data format mark', () => {
    /** The backup unpacked with `tar`, changed by `edit`, its sums rewritten and packed again. */
    const repacked = async (bytes: Buffer, edit: (folder: string) => Promise<void>): Promise<Buffer> => {
      const work = await mkdtemp(join(tmpdir(), 'motcua-restore-format-'));
      dirs.push(work);
      await writeFile(join(work, 'b.tar.gz'), bytes);
      await tar(['-xzf', join(work, 'b.tar.gz'), '-C', work]);
      const folder = (await readdir(work)).find((n) => n.startsWith('motcua-backup-'))!;
      await edit(join(work, folder));
      const sums: string[] = [];
      for (const line of (await readFile(join(work, folder, 'SHA256SUMS'), 'utf8')).split('\n').filter(Boolean)) {
        const name = line.slice(66);
        const content = await readFile(join(work, folder, name)).catch(() => null);
        if (content) sums.push(`${createHash('sha256').update(content).digest('hex')}  ${name}\n`);
      }
      await writeFile(join(work, folder, 'SHA256SUMS'), sums.join(''));
      await tar(['-czf', join(work, 'out.tar.gz'), '-C', work, folder]);
      return readFile(join(work, 'out.tar.gz'));
    };

    it('is in every backup, and a backup of a newer format is refused before anything is staged', async () => {
      const { server, dataDir, admin } = await start();
      const backup = await downloadBackup(server, admin);
      const path = `${dataDir}.backup.tar.gz`;
      dirs.push(path);
      await writeFile(path, backup.bytes);
      const names = (await tar(['-tzf', path])).split('\n');
      expect(names.map((n) => n.slice(n.indexOf('/') + 1))).toContain('data-format.json');

      const newer = await repacked(backup.bytes, (folder) => writeFile(join(folder, 'data-format.json'), '{"format": 99}\n'));
      const r = await uploadBackup(server, admin, newer, 'en');
      expect(r.status).toBe(422);
      if (r.body.ok) throw new Error('accepted');
      expect(r.body.problems).toEqual([
        expect.objectContaining({
          code: 'admin:backup.problem.newer_data_format',
          file: 'data-format.json',
          message: expect.stringContaining(`format 99, newer than this server reads (format ${DATA_FORMAT} and older)`),
        }),
      ]);
      expect(await restoreStatus(server, admin)).toMatchObject({ state: 'none' });
    });

    it('a backup made before backups carried it restores as format 1 and is marked again', async () => {
      const { server, dataDir, admin } = await start();
      await issueTickets(server, admin, 2);
      const backup = await downloadBackup(server, admin);
      const unmarked = await repacked(backup.bytes, (folder) => unlink(join(folder, 'data-format.json')));
      await restore(server, admin, unmarked);
      expect(numbers(server, 'civil-status')).toHaveLength(2);
      expect(JSON.parse(await readFile(join(dataDir, 'data-format.json'), 'utf8'))).toEqual({ format: DATA_FORMAT });
    });
  });
});
