import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SeededRandom } from '../../scripts/simulation/seeded-random.ts';
import { startNodeArgs } from '../../scripts/start-command.ts';
import { waitFor } from './wait-for.ts';

const repo = join(import.meta.dirname, '../..');

/**
 * The real server as a child process, run as `npm start` runs it (the bundle the global set-up
 * builds, with the same Node flags), so a test can `kill -9` it the way a power cut
 * would: nothing in the process gets a chance to flush or close.
 */
export interface ServerProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** The first-run set-up token printed on start, if no administrator exists yet. */
  setupToken: string | null;
  base: string;
  /** SIGKILL, resolved once the process is gone. */
  killHard(): Promise<void>;
  /** SIGTERM (a clean stop), resolved once the process is gone. */
  stop(): Promise<void>;
}

export interface ProcessOptions {
  /** The installed tree to run, e.g. an unpacked release; defaults to this checkout. */
  appDir?: string;
  /** Extra environment, e.g. libfaketime's (see `faketime.ts`). */
  env?: Record<string, string>;
  /** Defaults to `warn`. */
  logLevel?: 'info' | 'warn';
  /** Defaults to `--always-open`. */
  flags?: string[];
}

function spawnServer(dataDir: string, port: number, options: ProcessOptions): { child: ChildProcess; output: () => string } {
  const appDir = options.appDir ?? repo;
  const flags = [...(options.flags ?? ['--always-open']), '--log-level', options.logLevel ?? 'warn'];
  const child = spawn(
    process.execPath,
    [...startNodeArgs(appDir), '--data-dir', dataDir, '--port', String(port), '--host', '127.0.0.1', ...flags],
    {
      cwd: appDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

/** Starts the server on the data dir and port (always open, warnings only unless asked) and waits until it serves. */
export async function startServerProcess(dataDir: string, port: number, options: ProcessOptions = {}): Promise<ServerProcess> {
  const { child, output } = spawnServer(dataDir, port, options);
  await waitFor(() => output().includes('motcua is running') || child.exitCode !== null, 'the server to start', 60_000);
  if (child.exitCode !== null) throw new Error(`server exited: ${output()}`);
  return {
    child,
    output,
    setupToken: /#setup=([\w-]+)/.exec(output())?.[1] ?? null,
    base: `http://127.0.0.1:${port}`,
    killHard: () => endProcess(child, 'SIGKILL'),
    stop: () => endProcess(child, 'SIGTERM'),
  };
}

function endProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  // A process killed by a signal has a signalCode, not an exitCode; its exit may already have fired.
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  if (gone()) return Promise.resolve();
  return new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Runs the server where it must refuse to start; resolves with its exit code and what it printed. */
export async function refusedServerProcess(
  dataDir: string,
  port: number,
  options: ProcessOptions = {},
): Promise<{ code: number | null; output: string }> {
  const { child, output } = spawnServer(dataDir, port, options);
  await new Promise<void>((resolve) => {
    // 'close' comes after the output is all read, 'exit' may come before.
    if (child.exitCode !== null && child.stdout!.readableEnded) resolve();
    else child.once('close', () => resolve());
    setTimeout(() => child.kill('SIGKILL'), 60_000).unref();
  });
  return { code: child.exitCode, output: output() };
}

/**
 * Writes the sample site into a new data dir with the centre in a time zone where it is now
 * between 12:00 and 13:00, and returns that zone. A server process runs on the real clock (it
 * takes no injected one), and numbering starts again at the centre's local midnight: a run that
 * crossed it (17:00 UTC in Vietnam) would have tickets of two days. At local noon a run of a few
 * minutes stays on one day, whatever the hour the tests run at.
 */
export async function siteAtLocalNoon(dataDir: string, nowMs = Date.now()): Promise<string> {
  const hoursAhead = 12 - new Date(nowMs).getUTCHours();
  // POSIX-style Etc zones count the other way: Etc/GMT-7 is seven hours ahead of UTC.
  const zone = hoursAhead === 0 ? 'Etc/GMT' : `Etc/GMT${hoursAhead > 0 ? '-' : '+'}${Math.abs(hoursAhead)}`;
  const site = JSON.parse(await readFile(join(repo, 'data/site.json'), 'utf8')) as { centre: Record<string, unknown> };
  site.centre.timeZone = zone;
  await writeFile(join(dataDir, 'site.json'), JSON.stringify(site, null, 2));
  return zone;
}

/** POSTs JSON (with an optional bearer token) and returns the parsed body. */
export async function postJson(base: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return res.json();
}

/** GETs JSON (with an optional bearer token) and returns the parsed body. */
export async function getJson(base: string, path: string, token?: string): Promise<unknown> {
  const res = await fetch(base + path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(30_000),
  });
  return res.json();
}

/** A port nobody listens on right now, so a restarted server can come back on the same one. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A seeded generator (the simulator's) so a failing fault run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}
