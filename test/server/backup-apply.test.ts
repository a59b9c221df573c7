import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleRestore, writeConfirmed } from '../../server/app/backup-apply.ts';
import { currentFingerprint } from '../../server/app/backup-preview.ts';
import type { QueueEvent } from '../../server/core/model.ts';
import { systemClock } from '../../server/clock.ts';
import { FileQueueStore } from '../../server/store/queue-store.ts';
import { TestServer } from '../support/test-server.ts';
import { writePastDay } from './admin-support.ts';
import { downloadBackup, issueTickets, restoredFiles, restoreStatus, uploadBackup } from './backup-support.ts';

class Crash extends Error {}

/**
 * A confirmed restore interrupted after each of its steps (what `kill -9` or a power cut leaves:
 * every step is one rename or one atomic write), then the server started again on what is left.
 */
describe('applying a confirmed restore', () => {
  let prepared: string;
  let work: string;
  let backupFiles: Record<string, string>;
  let currentFiles: Record<string, string>;
  let today: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'motcua-apply-'));
    prepared = join(work, 'prepared');
    await writePastDay(prepared, '2026-11-20', 40);
    const server = await TestServer.start({ dataDir: prepared });
    const admin = await server.adminToken();
    await issueTickets(server, admin, 2);
    const backup = await downloadBackup(server, admin);
    backupFiles = await restoredFiles(prepared);
    await writePastDay(prepared, '2026-11-21', 25, 9);
    await issueTickets(server, admin, 3);
    const staged = await uploadBackup(server, admin, backup.bytes);
    if (!staged.body.ok) throw new Error(JSON.stringify(staged.body));
    today = server.server.ctx.engine.state.day;
    await server.close();
    currentFiles = await restoredFiles(prepared);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  /** A copy of the prepared data directory with the restore confirmed, as the confirmation leaves it. */
  const confirmedCopy = async (name: string): Promise<string> => {
    const dir = join(work, name);
    await cp(prepared, dir, { recursive: true });
    await writeConfirmed(dir, {
      id: `test-${name}`,
      phase: 'confirmed',
      fingerprint: await currentFingerprint(dir),
      aside: 'before-restore-2026-11-23T02-00-00Z',
      confirmedAt: Date.now(),
      backupCreatedAt: Date.now(),
      by: { id: 'admin', username: 'admin', name: 'Quản trị' },
    });
    return dir;
  };
  const journalsAndSettings = (files: Record<string, string>) =>
    Object.fromEntries(Object.entries(files).filter(([p]) => !p.startsWith('snapshots/')));

  it('comes back with the backup, and the replaced data aside, whichever step it was stopped after', async () => {
    const steps: string[] = [];
    await settleRestore(await confirmedCopy('all-steps'), { now: Date.now(), onStep: (s) => steps.push(`${s.step} ${s.entry ?? ''}`) });
    expect(steps.length).toBeGreaterThan(10);
    for (let stop = 0; stop <= steps.length; stop++) {
      const dir = await confirmedCopy(`stop-${stop}`);
      let done = 0;
      const crashed = await settleRestore(dir, {
        now: Date.now(),
        onStep: () => {
          if (++done === stop) throw new Crash(steps[stop - 1]);
        },
      }).then(
        () => false,
        (e: unknown) => e instanceof Crash,
      );
      expect(crashed, `stop ${stop}`).toBe(stop > 0 && stop <= steps.length);
      const server = await TestServer.start({ dataDir: dir });
      try {
        expect(server.server.ctx.setup.token, `set-up link after stop ${stop}`).toBeNull();
        expect(server.server.ctx.engine.state.tickets.size, `stop ${stop}`).toBe(2);
        const admin = await server.login('admin', 'admin-password-1');
        expect(await restoreStatus(server, admin)).toMatchObject({
          state: 'none',
          lastRestore: { keptAside: 'before-restore-2026-11-23T02-00-00Z' },
        });
      } finally {
        await server.close();
      }
      expect(journalsAndSettings(await restoredFiles(dir)), `stop ${stop}`).toEqual(journalsAndSettings(backupFiles));
      expect(await restoredFiles(join(dir, 'before-restore-2026-11-23T02-00-00Z')), `stop ${stop}`).toMatchObject(currentFiles);
      expect((await readdir(dir)).filter((n) => n.startsWith('restore-') || n.startsWith('before-restore-')).length, `stop ${stop}`).toBe(
        1,
      );
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is not applied when more was written after the confirmation; the backup stays staged', async () => {
    const dir = await confirmedCopy('written-after');
    // A ticket issued between the confirmation and the restart (the server had not stopped yet).
    const store = new FileQueueStore(dir, systemClock);
    const { state } = await store.openDay(today);
    const last = (await store.readDay(today)).filter((e) => e.type === 'ticket.issued').at(-1) as QueueEvent & { type: 'ticket.issued' };
    await store.append([
      { ...last, seq: state.seq + 1, ticketId: `${last.ticketId}-late`, number: last.number + 1, label: String(last.number + 1) },
    ]);
    await store.close();
    const withLate = await restoredFiles(dir);

    const server = await TestServer.start({ dataDir: dir });
    try {
      expect(server.server.ctx.engine.state.tickets.size).toBe(6);
      const admin = await server.login('admin', 'admin-password-1');
      const status = await restoreStatus(server, admin);
      expect(status).toMatchObject({ state: 'staged', refusedAt: expect.any(Number) });
      expect(status.state === 'staged' && status.preview.days.find((d) => d.day === today)?.ticketsAfterBackup).toBe(4);
    } finally {
      await server.close();
    }
    expect(journalsAndSettings(await restoredFiles(dir))).toEqual(journalsAndSettings(withLate));
    expect((await readdir(dir)).filter((n) => n.startsWith('before-restore-'))).toEqual([]);
  });
});
