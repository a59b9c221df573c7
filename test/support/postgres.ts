import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './server-process.ts';
import { waitFor } from './wait-for.ts';

/** A PostgreSQL server the tests started (Debian's `postgresql`, installed by the pretest step). */
export interface TestPostgres {
  /** The `postgres` superuser on the `postgres` database; tests make their own databases with it. */
  url: string;
  stop(): Promise<void>;
}

/** The newest server installed under /usr/lib/postgresql (Debian puts each major version there). */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed: run `node scripts/ensure-test-tools.mjs` (apt-get install postgresql)');
  return join(root, newest, 'bin');
}

/**
 * Starts a throwaway PostgreSQL cluster in a temporary directory on a free port of 127.0.0.1.
 * PostgreSQL will not run as root: as root it runs as Debian's `postgres` user.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const dir = await mkdtemp(join(tmpdir(), 'motcua-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, uid('postgres'), uid('postgres', '-g'));
  const run = (program: string, args: string[]) =>
    (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args]) as [string, string[]];
  const data = join(dir, 'data');
  execFileSync(...run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']), {
    stdio: 'ignore',
  });
  const port = await freePort();
  const server: ChildProcess = spawn(...run('postgres', ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1']), {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  server.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  await waitFor(() => log.includes('ready to accept connections') || server.exitCode !== null, 'PostgreSQL to start', 60_000);
  if (server.exitCode !== null) throw new Error(`PostgreSQL did not start: ${log}`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      if (server.exitCode === null) {
        const gone = new Promise((resolve) => server.once('exit', resolve));
        // The postmaster's own pid (runuser, its parent as root, does not pass signals on); SIGINT is a fast shutdown.
        process.kill(Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGINT');
        await gone;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the test server, dropped again by `drop`. */
export async function createTestDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hub_test_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: adminUrl.replace(/\/postgres$/, `/${name}`),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function uid(user: string, flag = '-u'): number {
  return Number(execFileSync('id', [flag, user]).toString().trim());
}
