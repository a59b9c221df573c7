import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { type CommandArgs, type CommandSocket, emitCommand } from '../../client/command.ts';
import { createVirtualPrinter } from '../../hardware/printer/index.ts';
import type { CommandName, CommandReply } from '../../protocol/events.ts';
import type { Result } from '../../protocol/result.ts';
import { resolveSettings } from '../../server/config.ts';
import { createServer, repoDir, type MotcuaServer } from '../../server/create-server.ts';
import { configureLogging, logger } from '../../server/log.ts';
import { TicketPrinting } from '../../server/printing/ticket-printing.ts';
import { DataDirLock } from '../../server/store/data-dir-lock.ts';

export type BenchSocket = CommandSocket;

/**
 * The real server for benchmarks: a temp data dir, open around the clock, each service with
 * a range wide enough for a 10,000-ticket day, the virtual printer.
 */
export async function startBenchServer(
  options: { printing?: boolean } = {},
): Promise<{ server: MotcuaServer; url: string; adminToken: string; close(): Promise<void> }> {
  configureLogging({ level: 'warn' });
  const dataDir = await benchDataDir();
  const settings = resolveSettings(['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, '--always-open'], {});
  const device = createVirtualPrinter({ log: logger('printer') });
  // Without printing, the printer reports offline: the kiosk's "number on screen only" path.
  if (options.printing === false) device.simulateStatus({ state: 'offline', paperNearEnd: false });
  const lock = await DataDirLock.acquire(dataDir, 0, Date.now());
  const printing = await TicketPrinting.inDataDir(dataDir, null, () => ({ driver: device, virtual: device }));
  const server = await createServer({ settings, lock, printing });
  const port = await server.listen();
  const url = `http://127.0.0.1:${port}`;
  const setup = await fetch(`${url}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: server.ctx.setup.token, username: 'bench', name: 'Bench', password: 'bench-password-1' }),
  });
  const adminToken = ((await setup.json()) as { value: { token: string } }).value.token;
  return {
    server,
    url,
    adminToken,
    close: async () => {
      await server.close();
      await lock.release();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A temp data dir whose site config has ranges wide enough for a 10,000-ticket day. */
export async function benchDataDir(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-bench-'));
  const site = JSON.parse(await readFile(join(repoDir, 'data/site.json'), 'utf8')) as { services: Array<Record<string, unknown>> };
  site.services.forEach((s, i) =>
    Object.assign(s, { numberStart: (i + 1) * 10_000, numberEnd: (i + 1) * 10_000 + 9_999, dailyQuota: undefined }),
  );
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'site.json'), JSON.stringify(site));
  return dataDir;
}

export async function openSocket(url: string, token?: string): Promise<BenchSocket> {
  const s: BenchSocket = connect(url, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

export function ack<E extends CommandName>(s: BenchSocket, event: E, ...args: CommandArgs<E>): Promise<Result<CommandReply<E>>> {
  return emitCommand(s, 30_000, event, ...args);
}

export function round(x: number | null, digits = 2): number | null {
  return x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;
}
