import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, open, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AdminSnapshot, CounterSnapshot, KioskSnapshot } from '../../protocol/views.ts';
import { centre, type IssueOutcome } from '../support/process-centre.ts';
import { freePort, type ServerProcess, siteAtLocalNoon, startServerProcess } from '../support/server-process.ts';
import { command, type ClientSocket } from '../support/test-server.ts';
import { waitFor, waitForAnswer } from '../support/wait-for.ts';

/** A small tmpfs: a real file system that really fills up (mounting needs root, which the test machine has). */
function mountTmpfs(megabytes: number): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-disk-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]).status === 0) return dir;
  rmSync(dir, { recursive: true, force: true });
  return null;
}
const mounted = mountTmpfs(8);

/** Fills the file system with one file until it refuses with ENOSPC; returns the file. */
async function fill(dir: string): Promise<string> {
  const path = join(dir, 'filler');
  const file = await open(path, 'a');
  const chunk = Buffer.alloc(256 * 1024, 1);
  try {
    for (;;) await file.write(chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    await file.close();
  }
  return path;
}

/** The latest snapshot of each kind a socket received. */
function watch(socket: ClientSocket) {
  const latest: { kiosk: KioskSnapshot | null; counter: CounterSnapshot | null; admin: AdminSnapshot | null } = {
    kiosk: null,
    counter: null,
    admin: null,
  };
  socket.on('kiosk:snapshot', (v) => (latest.kiosk = v));
  socket.on('counter:snapshot', (v) => (latest.counter = v));
  socket.on('admin:snapshot', (v) => (latest.admin = v));
  return latest;
}

describe.skipIf(mounted === null)('a full disk under a real server process (tmpfs)', () => {
  afterAll(() => {
    if (!mounted) return;
    spawnSync('umount', ['-l', mounted]);
    rmSync(mounted, { recursive: true, force: true });
  });

  it('stops issuing and says why on every screen, recovers by itself when space is back, starts on a full disk, loses nothing', async () => {
    const dataDir = join(mounted!, 'var');
    await mkdir(dataDir);
    await siteAtLocalNoon(dataDir);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let proc: ServerProcess = await startServerProcess(dataDir, port);
    const admin = await centre.setUp(base, proc.setupToken);
    const kioskToken = await centre.pairKiosk(base, admin);
    const acked: Array<IssueOutcome & { ok: true }> = [];
    // Issued by staff: a kiosk's rate limit would get in the way of filling the journal's last page.
    const issue = async () => {
      const r = await centre.issue(base, admin);
      if (r.ok) acked.push(r);
      return r;
    };
    /** Issues until the disk refuses: the last page of the journal may still hold a few lines. */
    const issueUntilRefused = async () => {
      for (let i = 0; i < 100; i++) {
        const r = await issue();
        if (!r.ok) return r;
      }
      throw new Error('the full disk never refused a write');
    };
    for (let i = 0; i < 5; i++) expect((await issue()).ok).toBe(true);

    const kiosk = centre.socket(base, kioskToken);
    const staff = centre.socket(base, admin);
    const sockets = [kiosk, staff];
    const kioskSeen = watch(kiosk);
    const staffSeen = watch(staff);
    await command(kiosk, 'kiosk:subscribe');
    await command(staff, 'admin:subscribe');
    await command(staff, 'counter:join', { counterId: 1 });

    let filler = await fill(mounted!);
    expect(await issueUntilRefused()).toMatchObject({ ok: false, code: 'store_unavailable', problem: 'disk_full' });
    expect((await centre.health(base)).issuing).toMatchObject({ ok: false, problem: 'disk_full' });
    await waitFor(() => kioskSeen.kiosk?.issuing.ok === false, 'the kiosk to hear that numbers cannot be issued');
    await waitFor(() => staffSeen.counter?.issuing.ok === false, 'the counter console to hear it');
    await waitFor(() => staffSeen.admin?.health.issuing.ok === false, 'the admin dashboard to hear it');

    await unlink(filler);
    await waitFor(() => kioskSeen.kiosk?.issuing.ok === true, 'the server to recover by itself', 30_000);
    expect((await centre.health(base)).store).toBe('ok');
    expect((await issue()).ok).toBe(true);
    for (const s of sockets) s.disconnect();

    // A full disk again, then a crash: the server must start on it, since its files exist.
    filler = await fill(mounted!);
    await proc.killHard();
    proc = await startServerProcess(dataDir, port);
    expect((await centre.health(base)).day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await issueUntilRefused()).toMatchObject({ ok: false, code: 'store_unavailable' });
    await unlink(filler);
    await waitForAnswer(async () => (await centre.health(base)).store === 'ok', 'the restarted server to recover by itself');
    expect((await issue()).ok).toBe(true);

    // Nothing acknowledged was lost, and no number was handed out twice.
    await proc.killHard();
    proc = await startServerProcess(dataDir, port);
    const labels = acked.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const t of acked) expect(await centre.followStatus(base, t.ref), t.label).toBe(200);
    await proc.killHard();
    await rm(dataDir, { recursive: true, force: true });
  }, 180_000);
});
