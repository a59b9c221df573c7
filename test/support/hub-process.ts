import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from './wait-for.ts';

const repo = join(import.meta.dirname, '../..');

/** The hub as `npm run hub` runs it (the current build's bundle), so a test can `kill -9` it. */
export interface HubProcess {
  child: ChildProcess;
  base: string;
  /** The first-run token printed on start, while the hub has nobody who can sign in. */
  setupToken: string | null;
  output(): string;
  killHard(): Promise<void>;
}

/** Starts `node build/current/server/hub.mjs` with the flags given and waits until it serves. */
export async function startHubProcess(port: number, args: string[]): Promise<HubProcess> {
  const child = spawn(
    process.execPath,
    [join(repo, 'build/current/server/hub.mjs'), '--port', String(port), '--host', '127.0.0.1', '--log-level', 'warn', ...args],
    {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor(() => out.includes('motcua hub is running') || child.exitCode !== null, 'the hub to start', 120_000);
  if (child.exitCode !== null) throw new Error(`hub exited: ${out}`);
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    setupToken: /#setup=([\w-]+)/.exec(out)?.[1] ?? null,
    output: () => out,
    killHard: () => {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    },
  };
}
