import { mkdir, readFile, readlink, rename, symlink, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { logger } from '../log.ts';

const log = logger('lock');

/** Who holds a data directory. */
export interface LockHolder {
  pid: number;
  /** The port it listens on; 0 before it listens (or for the import script). */
  port: number;
  startedAt: number;
  /** The kernel's boot id when it started: a lock from before a reboot is stale whatever its pid. */
  boot: string;
}

/** Another live server (or the import script) holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const port = holder.port > 0 ? `port ${holder.port}` : 'no port yet';
    super(
      `the data directory ${dataDir} is in use by another motcua server (pid ${holder.pid}, ${port}, started ${new Date(holder.startedAt).toISOString()}). ` +
        'Stop that server first: two servers on one data directory would hand out the same numbers twice.',
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * One data directory, one server (issue 12: two servers side by side during an upgrade handed
 * out 1001, 1001, 1002, 1002). The lock is `<dataDir>/motcua.lock`, a symbolic link whose target
 * names the holder (`v1:<pid>:<port>:<started>:<boot>`): it is created in one step, so no other
 * process ever sees it half-written, and it needs no disk space, so a server still starts on a
 * full disk. A lock left by a process that is gone (a `kill -9`, a power cut) is taken over.
 */
export class DataDirLock {
  private constructor(
    private readonly path: string,
    private holder: LockHolder,
  ) {}

  static async acquire(dataDir: string, port: number, now: number): Promise<DataDirLock> {
    await mkdir(dataDir, { recursive: true });
    const path = join(dataDir, 'motcua.lock');
    const holder: LockHolder = { pid: process.pid, port, startedAt: now, boot: await bootId() };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await symlink(targetOf(holder), path);
        return new DataDirLock(path, holder);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const seen = await readlink(path).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return null;
        throw new Error(`${path} is not a motcua lock (${e.code}); remove it if no motcua server runs on ${dataDir}`);
      });
      if (seen === null) continue;
      const other = parseTarget(seen);
      if (other && isAlive(other, holder.boot)) throw new DataDirLockedError(dataDir, other);
      await takeOver(path, seen, dataDir);
    }
    throw new Error(`could not take the lock ${path}`);
  }

  /** Records the port once the server listens, for the message a second server prints. */
  async setPort(port: number): Promise<void> {
    const next = { ...this.holder, port };
    const temp = `${this.path}.${process.pid}.tmp`;
    await unlink(temp).catch(() => undefined);
    await symlink(targetOf(next), temp);
    await rename(temp, this.path);
    this.holder = next;
  }

  /** Removes the lock if it is still this process's. */
  async release(): Promise<void> {
    if ((await readlink(this.path).catch(() => null)) === targetOf(this.holder)) await unlink(this.path).catch(() => undefined);
  }
}

/**
 * Moves a stale lock aside under a name of our own and checks that what moved is the stale
 * lock that was judged: if another server took it over in between, its lock is put back.
 */
async function takeOver(path: string, seen: string, dataDir: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}`;
  if (
    !(await rename(path, aside).then(
      () => true,
      () => false,
    ))
  )
    return;
  const moved = await readlink(aside).catch(() => null);
  if (moved !== seen && moved !== null) {
    await symlink(moved, path).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    const other = parseTarget(moved);
    if (other) throw new DataDirLockedError(dataDir, other);
    return;
  }
  await unlink(aside).catch(() => undefined);
  log.warn('took over the lock of a server that is gone', { dataDir, stale: parseTarget(seen) ?? seen });
}

function targetOf(h: LockHolder): string {
  return `v1:${h.pid}:${h.port}:${h.startedAt}:${h.boot}`;
}

function parseTarget(target: string): LockHolder | null {
  const m = /^v1:(\d+):(\d+):(\d+):([0-9a-f]*)$/.exec(target);
  return m ? { pid: Number(m[1]), port: Number(m[2]), startedAt: Number(m[3]), boot: m[4]! } : null;
}

function isAlive(holder: LockHolder, boot: string): boolean {
  if (holder.boot && boot && holder.boot !== boot) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function bootId(): Promise<string> {
  const text = await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '');
  return text.replace(/[^0-9a-f]/g, '').slice(0, 12);
}
