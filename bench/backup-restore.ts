/**
 * Backup and restore of a big centre's history through the running server: 150 days of 2,000
 * tickets (issued, called, served or no-show, rated) written through the real core and store,
 * then the server as `npm start` runs it, in its own process, backs the data up, checks the
 * backup for a restore and applies it. For each step: the time, the server's peak RSS (VmHWM,
 * reset before the step) and the event loop's longest stall (measured inside the server by
 * `support/loop-monitor.mjs`), and for the backup the slowest ticket issued meanwhile, beside
 * the same figures for the server idle as long (a busy machine stalls a process by itself).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import * as v from 'valibot';
import type { RestorePreview } from '../protocol/backup.ts';
import { SiteConfigSchema } from '../protocol/site-config.ts';
import { addDays, localDay } from '../server/core/local-time.ts';
import { ensureBuilt } from '../scripts/build.ts';
import { startNodeArgs } from '../scripts/start-command.ts';
import { benchDataDir } from './support/bench-server.ts';
import { writeHistory } from './support/history.ts';

export interface StepFigures {
  ms: number;
  peakRssMb: number;
  longestStallMs: number;
}

export interface BackupRestoreFigures {
  days: number;
  tickets: number;
  events: number;
  journalsMb: number;
  archiveMb: number;
  backup: StepFigures & { slowestIssueMs: number };
  /**
   * The same server doing nothing but the same ticket issues for as long as the backup took:
   * the stall a busy machine causes by itself, to read the backup's against.
   */
  idle: StepFigures & { slowestIssueMs: number };
  /** Upload, unpack, check every file, and the preview against the current data. */
  check: StepFigures;
  /** From the confirmation until the restarted server answers again. */
  apply: StepFigures;
}

const repo = join(import.meta.dirname, '..');
/** A provincial centre's floor: enough counters that most of 2,000 tickets a day are served. */
const counters = 40;

export async function run(options: { days?: number; ticketsPerDay?: number } = {}): Promise<BackupRestoreFigures> {
  const { days = 150, ticketsPerDay = 2000 } = options;
  await ensureBuilt({ quiet: true });
  const dataDir = await benchDataDir();
  const work = `${dataDir}-files`;
  await mkdir(work);
  const site = JSON.parse(await readFile(join(dataDir, 'site.json'), 'utf8')) as { counters: Array<{ services: unknown }> };
  site.counters = Array.from({ length: counters }, (_, i) => ({
    id: i + 1,
    name: { vi: `Quầy ${i + 1}`, en: `Counter ${i + 1}` },
    services: site.counters[i % site.counters.length]!.services,
  }));
  await writeFile(join(dataDir, 'site.json'), JSON.stringify(site));
  const config = v.parse(SiteConfigSchema, site);
  const history = await writeHistory(dataDir, config, {
    days,
    ticketsPerDay,
    lastDay: addDays(localDay(Date.now(), config.centre.timeZone), -1),
  });
  const journalsMb = await folderMb(join(dataDir, 'journal'));
  const server = await startServer(dataDir);
  try {
    const token = await setUp(server);
    const archive = join(work, 'backup.tar.gz');
    const slowest = { backup: 0, idle: 0 };
    const backup = await step(server, async () => {
      const issuing = issueWhile(server, token, (ms) => (slowest.backup = Math.max(slowest.backup, ms)));
      const res = await fetch(`${server.base}/api/backup`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200 || !res.body) throw new Error(`backup refused: ${res.status}`);
      await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(archive));
      await issuing.stop();
    });
    const idle = await step(server, async () => {
      const issuing = issueWhile(server, token, (ms) => (slowest.idle = Math.max(slowest.idle, ms)));
      await pause(backup.ms);
      await issuing.stop();
    });
    const archiveMb = (await stat(archive)).size / 2 ** 20;
    let preview: RestorePreview | null = null;
    const check = await step(server, async () => {
      preview = await upload(server, token, archive);
    });
    if (!preview || (preview as RestorePreview).sameDays < days) throw new Error(`the preview does not match: ${JSON.stringify(preview)}`);
    const fingerprint = (preview as RestorePreview).fingerprint;
    const apply = await step(server, async () => {
      const before = server.output().split('motcua restarted').length;
      const confirmed = await fetch(`${server.base}/api/backup/restore/confirm`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ fingerprint }),
      });
      if (confirmed.status !== 202) throw new Error(`confirmation refused: ${await confirmed.text()}`);
      while (server.output().split('motcua restarted').length === before) await pause(20);
      while ((await fetch(`${server.base}/api/health`).catch(() => null))?.status !== 200) await pause(20);
    });
    if (!(await readdir(dataDir)).some((n) => n.startsWith('before-restore-'))) throw new Error('nothing was restored');
    return {
      days,
      tickets: history.tickets,
      events: history.events,
      journalsMb,
      archiveMb,
      backup: { ...backup, slowestIssueMs: slowest.backup },
      idle: { ...idle, slowestIssueMs: slowest.idle },
      check,
      apply,
    };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  }
}

interface BenchServer {
  child: ChildProcess;
  base: string;
  output(): string;
}

/** The server as `npm start` runs it (bundle and Node flags), with the loop monitor preloaded. */
async function startServer(dataDir: string): Promise<BenchServer> {
  const port = await freePort();
  const args = startNodeArgs();
  const child = spawn(
    process.execPath,
    [
      ...args.slice(0, -1),
      '--import',
      pathToFileURL(join(import.meta.dirname, 'support/loop-monitor.mjs')).href,
      args.at(-1)!,
      ...['--data-dir', dataDir, '--port', String(port), '--host', '127.0.0.1', '--always-open', '--log-level', 'info'],
    ],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  while (!out.includes('motcua is running')) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    await pause(50);
  }
  return { child, base: `http://127.0.0.1:${port}`, output: () => out };
}

/** Creates the administrator, then waits until the start-up's report cache warm-up (every day replayed) is over. */
async function setUp(server: BenchServer): Promise<string> {
  const setupToken = /#setup=([\w-]+)/.exec(server.output())![1];
  const res = await fetch(`${server.base}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: setupToken, username: 'bench', name: 'Bench', password: 'bench-password-1' }),
  });
  const token = ((await res.json()) as { value: { token: string } }).value.token;
  const deadline = Date.now() + 300_000;
  while (!server.output().includes('report cache warmed') && Date.now() < deadline) await pause(100);
  return token;
}

/** Runs one step with the peak RSS reset before it and the loop monitor read after it. */
async function step(server: BenchServer, work: () => Promise<void>): Promise<StepFigures> {
  await ask(server.child, 'loop-delay:reset');
  const pid = server.child.pid!;
  const resettable = await writeFile(`/proc/${pid}/clear_refs`, '5').then(
    () => true,
    () => false,
  );
  let sampledPeak = 0;
  const sampling = resettable
    ? null
    : setInterval(() => void rssMb(pid, 'VmRSS').then((mb) => (sampledPeak = Math.max(sampledPeak, mb))), 20);
  const started = performance.now();
  await work();
  const ms = Math.round(performance.now() - started);
  if (sampling) clearInterval(sampling);
  const loop = (await ask(server.child, 'loop-delay:read')) as { maxMs: number };
  return { ms, peakRssMb: resettable ? await rssMb(pid, 'VmHWM') : sampledPeak, longestStallMs: Math.round(loop.maxMs) };
}

/** Issues a ticket every 200 ms until stopped, reporting each one's time: the centre's view of the step. */
function issueWhile(server: BenchServer, token: string, took: (ms: number) => void): { stop(): Promise<void> } {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      const res = await fetch(`${server.base}/api/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 'civil-status' }),
      });
      if (res.status !== 200) throw new Error(`issue refused during the backup: ${await res.text()}`);
      took(performance.now() - started);
      await pause(200);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

/** Streams the archive to the restore upload and returns the preview. */
async function upload(server: BenchServer, token: string, archive: string): Promise<RestorePreview> {
  const body = await new Promise<string>((resolve, reject) => {
    const req = request(`${server.base}/api/backup/restore`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    createReadStream(archive).pipe(req);
  });
  const parsed = JSON.parse(body) as { ok: boolean; value: RestorePreview };
  if (!parsed.ok) throw new Error(`restore refused: ${body.slice(0, 2000)}`);
  return parsed.value;
}

function ask(child: ChildProcess, message: string): Promise<unknown> {
  return new Promise((resolve) => {
    const listener = (answer: unknown) => {
      child.off('message', listener);
      resolve(answer);
    };
    child.on('message', listener);
    child.send(message);
  });
}

async function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) / 1024);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function folderMb(dir: string): Promise<number> {
  let bytes = 0;
  for (const name of await readdir(dir)) bytes += (await stat(join(dir, name))).size;
  return bytes / 2 ** 20;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const days = Number(process.argv[2] ?? 150);
  const f = await run({ days });
  const line = (name: string, s: StepFigures) =>
    `  ${name}: ${s.ms} ms, peak RSS ${s.peakRssMb} MB, longest stall ${s.longestStallMs} ms\n`;
  process.stdout.write(
    `backup and restore: ${f.days} days, ${f.tickets} tickets, ${f.events} events, journals ${f.journalsMb.toFixed(0)} MB, archive ${f.archiveMb.toFixed(1)} MB\n` +
      line('backup', f.backup) +
      `    slowest ticket issued meanwhile: ${Math.round(f.backup.slowestIssueMs)} ms\n` +
      line('idle as long (baseline)', f.idle) +
      `    slowest ticket issued meanwhile: ${Math.round(f.idle.slowestIssueMs)} ms\n` +
      line('restore check and preview', f.check) +
      line('restore apply and restart', f.apply),
  );
  process.exit(0);
}
