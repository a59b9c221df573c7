/**
 * Ticket issuing while one anonymous client floods the server (issue 15). The server runs as
 * `npm start` runs it, in its own process; the flooder in another (`support/flooder.mjs`);
 * a signed-in clerk's console here issues numbers one after another and times each, under each
 * flood and, just before it, with nobody flooding (so that what else the machine is doing
 * weighs on both alike), in one run. Target: p99 under a flood ≤ 2× without.
 * Run: `npx tsx bench/flood-latency.ts`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from '../scripts/build.ts';
import { startNodeArgs } from '../scripts/start-command.ts';
import { ack, benchDataDir, openSocket, type BenchSocket } from './support/bench-server.ts';
import { percentileMs, roundMs } from './support/figures.ts';

export type Flood = 'subscribe' | 'sign-in' | 'bodies';
export const floods: readonly Flood[] = ['subscribe', 'sign-in', 'bodies'];

export interface Latency {
  p50Ms: number;
  p99Ms: number;
}

export interface FloodPhase {
  flood: Flood;
  /** Nobody flooding, measured just before. */
  calm: Latency;
  flooded: Latency;
  /** p99 flooded over p99 calm. */
  ratioP99: number;
  /** What the server answered the flooder (status or code → count). */
  answers: Record<string, number>;
}

export interface FloodLatencyFigures {
  issues: number;
  phases: FloodPhase[];
}

const repo = join(import.meta.dirname, '..');
const services = ['civil-status', 'certification', 'land', 'construction', 'business', 'social', 'general'];

export async function run(issues = 500): Promise<FloodLatencyFigures> {
  await ensureBuilt({ quiet: true });
  const dataDir = await benchDataDir();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [...startNodeArgs(), '--data-dir', dataDir, '--port', String(port), '--host', '127.0.0.1', '--always-open', '--log-level', 'error'],
    { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let clerk: BenchSocket | null = null;
  try {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    while (!out.includes('motcua is running')) await new Promise((r) => setTimeout(r, 50));
    const setup = await fetch(`${url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: /#setup=([\w-]+)/.exec(out)![1], username: 'bench', name: 'Bench', password: 'bench-password-1' }),
    });
    const token = ((await setup.json()) as { value: { token: string } }).value.token;
    clerk = await openSocket(url, token);
    const measure = async (): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < issues; i++) {
        const t0 = performance.now();
        const r = await ack(clerk!, 'ticket:issue', { serviceId: services[i % services.length]! });
        times.push(performance.now() - t0);
        if (!r.ok) throw new Error(`issue refused: ${r.error.code}`);
        // A busy centre's pace, so each issue is timed on its own.
        await new Promise((r) => setTimeout(r, 20));
      }
      return times;
    };
    await measure(); // warm-up
    const phases: FloodPhase[] = [];
    for (const flood of floods) {
      const calm = latency(await measure());
      const flooder = spawn(process.execPath, [join(import.meta.dirname, 'support/flooder.mjs'), url, flood], {
        cwd: repo,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      // Let the flood build up before timing.
      await new Promise((r) => setTimeout(r, 1500));
      const flooded = latency(await measure());
      const answers = await stop(flooder);
      phases.push({ flood, calm, flooded, ratioP99: Math.round((flooded.p99Ms / calm.p99Ms) * 100) / 100, answers });
    }
    return { issues, phases };
  } finally {
    clerk?.disconnect();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
}

function latency(times: number[]): Latency {
  return { p50Ms: roundMs(percentileMs(times, 0.5)), p99Ms: roundMs(percentileMs(times, 0.99)) };
}

/** Stops the flooder and reads what it counted. */
async function stop(flooder: ChildProcess): Promise<Record<string, number>> {
  let out = '';
  flooder.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise((r) => flooder.once('exit', r));
  flooder.kill('SIGTERM');
  await exited;
  return JSON.parse(out.trim() || '{}') as Record<string, number>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const f = await run();
  for (const p of f.phases)
    process.stdout.write(
      `${p.flood}: p50 ${p.calm.p50Ms} → ${p.flooded.p50Ms} ms, p99 ${p.calm.p99Ms} → ${p.flooded.p99Ms} ms (×${p.ratioP99}) ${JSON.stringify(p.answers)}\n`,
    );
  process.exit(0);
}
