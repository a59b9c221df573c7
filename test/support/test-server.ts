import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { type CommandArgs, type CommandSocket, emitCommand } from '../../client/command.ts';
import { createVirtualPrinter, type PrinterDriver, type VirtualPrinter } from '../../hardware/printer/index.ts';
import type { CommandName, CommandReply, ServerToClientEvents } from '../../protocol/events.ts';
import type { Result } from '../../protocol/result.ts';
import type { BrowserApp } from '../../protocol/browser-apps.ts';
import { resolveSettings } from '../../server/config.ts';
import { createServer, type MotcuaServer, repoDir } from '../../server/create-server.ts';
import type { LimitsInput } from '../../protocol/limits.ts';
import type { PrintersSettingsInput } from '../../protocol/printers.ts';
import {
  realPrinterDevices,
  type DriverTuning,
  type PrinterDevice,
  type PrinterDeviceFactory,
} from '../../server/printing/printer-drivers.ts';
import { TicketPrinting } from '../../server/printing/ticket-printing.ts';
import { serveInPlace, type ServedInPlace } from '../../server/serve-in-place.ts';
import type { Clock } from '../../server/clock.ts';
import { DataDirLock } from '../../server/store/data-dir-lock.ts';
import { at, monday } from './site-fixture.ts';
import { connectOnce } from './socket-once.ts';
import { runningClock } from './stepped-clock.ts';
import { logger } from '../../server/log.ts';

export type ClientSocket = CommandSocket;

export interface TestServerOptions {
  /** Defaults to a clock that starts Monday 09:00 in Hanoi time and runs at real speed. */
  clock?: Clock;
  dataDir?: string;
  /** The virtual printer behind every printer with the `virtual` transport (the default one included). */
  printer?: VirtualPrinter;
  /** `printers.json` written before start; defaults to the first-start seed (one virtual printer). */
  printers?: PrintersSettingsInput;
  /** Driver timings for real printers (ptys, files, local sockets); defaults to quick test timings. */
  tuning?: DriverTuning;
  /** The build the server announces; a different one makes screens reload as after an upgrade. */
  build?: string;
  /** Extra CLI flags, e.g. `--always-open`. */
  flags?: string[];
  /** The site config's `limits` (the sample site's config otherwise; a new data directory only). */
  limits?: LimitsInput;
}

/**
 * Quick polls and reconnects for printers on ptys and local sockets; replies may be slow on a
 * busy test machine, and a missed one would read as an unplugged printer.
 */
const TEST_TUNING: DriverTuning = { idlePollMs: 100, replyTimeoutMs: 3000, reconnect: { initialMs: 50, maxMs: 400 } };

/**
 * One configured virtual printer on the test's shared virtual printer. Removing or changing one
 * printer (or a restore doing so) closes its driver: that must not close the shared printer
 * the others print on, only stop this one's listening.
 */
function sharedVirtual(printer: VirtualPrinter): PrinterDevice {
  const offs = new Set<() => void>();
  const driver: PrinterDriver = {
    print: (job) => printer.print(job),
    status: () => printer.status(),
    onStatus: (listener) => {
      const off = printer.onStatus(listener);
      offs.add(off);
      return () => {
        off();
        offs.delete(off);
      };
    },
    close: async () => {
      for (const off of offs) off();
      offs.clear();
    },
  };
  return { driver, virtual: printer };
}

/** A real motcua server on a random port with a temporary data directory. */
export class TestServer {
  readonly url: string;
  private sockets: ClientSocket[] = [];

  private constructor(
    private readonly served: ServedInPlace,
    private readonly lock: DataDirLock,
    readonly port: number,
    readonly dataDir: string,
    readonly printer: VirtualPrinter,
    private readonly ownsDir: boolean,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** The server serving now: a new one after a restore restarted it in place. */
  get server(): MotcuaServer {
    return this.served.current;
  }

  /** Resolves with the next server once a restart (a confirmed restore) has built it. */
  nextRestart(timeoutMs = 30_000): Promise<MotcuaServer> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no restart within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.served.onRestart((outcome) => {
        clearTimeout(timer);
        off();
        if (outcome.ok) resolve(outcome.server);
        else reject(outcome.error);
      });
    });
  }

  static async start(options: TestServerOptions = {}): Promise<TestServer> {
    const ownsDir = !options.dataDir;
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'motcua-test-')));
    if (options.limits) {
      const site = JSON.parse(await readFile(join(repoDir, 'data/site.json'), 'utf8')) as Record<string, unknown>;
      await writeFile(join(dataDir, 'site.json'), JSON.stringify({ ...site, limits: options.limits }));
    }
    const settings = resolveSettings(
      ['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, '--public-url', 'http://127.0.0.1:9', ...(options.flags ?? [])],
      {},
    );
    const printer = options.printer ?? createVirtualPrinter({ log: logger('printer') });
    const clock = options.clock ?? runningClock(at(monday, '09:00'));
    if (options.printers) await mkdir(dataDir, { recursive: true });
    if (options.printers) await writeFile(join(dataDir, 'printers.json'), JSON.stringify(options.printers));
    // As main.ts does: the lock is the process's (here the test's), taken once, before anything opens the directory, and kept across in-place restarts.
    const lock = await DataDirLock.acquire(dataDir, 0, clock.now());
    const real = realPrinterDevices(options.tuning ?? TEST_TUNING);
    const printerDevices: PrinterDeviceFactory = (config) => (config.transport.kind === 'virtual' ? sharedVirtual(printer) : real(config));
    const served = await (async () => {
      // The printers outlive the servers a restore builds in place, as in the real process.
      const printing = await TicketPrinting.inDataDir(dataDir, settings.printerPath, printerDevices, () => clock.now());
      return serveInPlace(
        (port, restart) =>
          createServer({
            settings: { ...settings, port },
            clock,
            printing,
            restart,
            lock,
            ...(options.build && { build: options.build }),
          }),
        settings.port,
      );
    })().catch(async (e: unknown) => {
      await lock.release();
      throw e;
    });
    return new TestServer(served, lock, served.port, dataDir, printer, ownsDir);
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Result<T> }> {
    const res = await fetch(this.url + path, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Result<T> };
  }

  /** Creates the first administrator through the printed set-up token; returns a session token. */
  async adminToken(): Promise<string> {
    const setup = this.server.ctx.setup.token;
    if (!setup) return this.login('admin', 'admin-password-1');
    const r = await this.request<{ token: string }>('POST', '/api/auth/setup', {
      token: setup,
      username: 'admin',
      name: 'Quản trị',
      password: 'admin-password-1',
    });
    if (!r.body.ok) throw new Error(`setup failed: ${r.body.error.code}`);
    return r.body.value.token;
  }

  async login(username: string, password: string): Promise<string> {
    const r = await this.request<{ token: string }>('POST', '/api/auth/login', { username, password });
    if (!r.body.ok) throw new Error(`login failed: ${r.body.error.code}`);
    return r.body.value.token;
  }

  /** A clerk account (allowed on the given counters, or any) and a signed-in session token. */
  async clerkToken(username = 'clerk1', counters: number[] = []): Promise<string> {
    const admin = await this.adminToken();
    await this.request(
      'POST',
      '/api/users',
      { username, name: `Cán bộ ${username}`, password: 'clerk-password-1', role: 'clerk', counters },
      admin,
    );
    return this.login(username, 'clerk-password-1');
  }

  /** Pairs a device the way a technician does: admin makes a code, the device redeems it. */
  async deviceToken(kind: 'kiosk' | 'display' | 'counter' | 'rating', counterId?: number): Promise<string> {
    const admin = await this.adminToken();
    const code = await this.request<{ code: string }>(
      'POST',
      '/api/devices/pairing-codes',
      { kind, name: `${kind} test`, ...(counterId && { counterId }) },
      admin,
    );
    if (!code.body.ok) throw new Error('pairing code refused');
    const paired = await this.request<{ token: string }>('POST', '/api/devices/pair', { code: code.body.value.code });
    if (!paired.body.ok) throw new Error('pairing refused');
    return paired.body.value.token;
  }

  /** A connected real socket.io-client, typed by the contract (hand it to `rawCommand` to send anything); closed with the server. */
  socket(token?: string, lang: 'vi' | 'en' = 'vi'): Promise<ClientSocket> {
    return this.openSocket({ ...(token && { token }), lang });
  }

  /**
   * A socket as a browser app opens one: it names its app (`auth.app`) and the browser sends
   * the app's cookie and its page's origin with the handshake. Rejects with the refusal.
   */
  appSocket(app: BrowserApp, headers: Record<string, string>): Promise<ClientSocket> {
    return this.openSocket({ app, lang: 'vi' }, headers);
  }

  private openSocket(auth: Record<string, string>, extraHeaders?: Record<string, string>): Promise<ClientSocket> {
    return connectOnce<ClientSocket>(this.url, auth, extraHeaders, (s) => this.sockets.push(s));
  }

  /** Stops serving and lets the data directory go, as the process's exit would; the directory stays, for a restart on it. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.disconnect();
    await this.served.close();
    await this.lock.release();
  }

  async close(): Promise<void> {
    await this.stop();
    if (this.ownsDir) await rm(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * Resolves with the next event of that name that satisfies `until` (or rejects after the
 * timeout). Snapshots are pushed in batches, so one from an earlier change may come first:
 * tests that wait for a snapshot say what it must show.
 */
export function nextEvent<E extends keyof ServerToClientEvents>(
  s: ClientSocket,
  event: E,
  until: (value: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  // socket.io cannot type a listener for a generic event name; the server's emit of `event` is typed where it is sent.
  const name: keyof ServerToClientEvents = event;
  return new Promise((resolve, reject) => {
    const listener = (value: unknown) => {
      const payload = value as Parameters<ServerToClientEvents[E]>[0];
      if (!until(payload)) return;
      clearTimeout(timer);
      s.off(name, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      s.off(name, listener);
      reject(new Error(`no matching ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    s.on(name, listener);
  });
}

/** Emits a command and returns its Result (typed by the contract: a wrong event or payload does not compile). */
export function command<E extends CommandName>(s: ClientSocket, event: E, ...args: CommandArgs<E>): Promise<Result<CommandReply<E>>> {
  return emitCommand(s, 10_000, event, ...args);
}

/**
 * A socket seen without the contract's types, for tests that send what a broken or hostile
 * client could: unknown events, malformed payloads, no ack. Any `ClientSocket` is one.
 */
export type RawSocket = Socket;

/** Emits anything and returns whatever comes back as the ack. */
export function rawCommand(s: RawSocket, event: string, ...args: unknown[]): Promise<unknown> {
  return s.timeout(10_000).emitWithAck(event, ...args);
}
