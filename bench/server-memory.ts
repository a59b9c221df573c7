import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from '../scripts/build.ts';
import { startNodeArgs } from '../scripts/start-command.ts';
import { ack, benchDataDir, openSocket, type BenchSocket } from './support/bench-server.ts';

export interface ServerMemoryFigures {
  clients: number;
  tickets: number;
  /** Resident set size of the server process (MB) after start, and with the clients and tickets. */
  rssIdleMb: number;
  rssLoadedMb: number;
}

const repo = join(import.meta.dirname, '..');

/** The server as `npm start` runs it (bundle and Node flags), in its own process, so its memory is measured alone. */
export async function run(clients = 150, tickets = 10_000): Promise<ServerMemoryFigures> {
  await ensureBuilt({ quiet: true });
  const dataDir = await benchDataDir();
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...startNodeArgs(), '--data-dir', dataDir, '--port', String(port), '--host', '127.0.0.1', '--always-open', '--log-level', 'error'],
    {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const sockets: BenchSocket[] = [];
  try {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    while (!out.includes('motcua is running')) await new Promise((r) => setTimeout(r, 50));
    const url = `http://127.0.0.1:${port}`;
    const setupToken = /#setup=([\w-]+)/.exec(out)![1];
    const setup = await fetch(`${url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: setupToken, username: 'bench', name: 'Bench', password: 'bench-password-1' }),
    });
    const token = ((await setup.json()) as { value: { token: string } }).value.token;
    await new Promise((r) => setTimeout(r, 1000));
    const rssIdleMb = await rss(child.pid!);
    for (let i = 0; i < clients; i++) {
      const s = await openSocket(url);
      await ack(s, 'display:subscribe', {});
      sockets.push(s);
    }
    const staff = await openSocket(url, token);
    const clerk = await openSocket(url, token);
    sockets.push(staff, clerk);
    await ack(clerk, 'counter:join', { counterId: 8 });
    const services = ['civil-status', 'certification', 'land', 'construction', 'business', 'social', 'general'];
    let issued = 0;
    for (let i = 0; i < tickets; i++) {
      const r = await ack(staff, 'ticket:issue', { serviceId: services[i % services.length]! });
      if (!r.ok) throw new Error(`issue refused: ${r.error.code}`);
      issued++;
      if (i % 3 === 0) {
        await ack(clerk, 'counter:finish', { counterId: 8 });
        await ack(clerk, 'counter:next', { counterId: 8 });
      }
    }
    await new Promise((r) => setTimeout(r, 2000));
    return { clients, tickets: issued, rssIdleMb, rssLoadedMb: await rss(child.pid!) };
  } finally {
    for (const s of sockets) s.disconnect();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function rss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
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
  process.stdout.write(
    `server memory: ${f.rssIdleMb} MB idle, ${f.rssLoadedMb} MB with ${f.clients} display clients and ${f.tickets} tickets\n`,
  );
}
