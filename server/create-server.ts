import { randomBytes } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ButtonLineConfig, SiteConfig } from '../protocol/site-config.ts';
import { AuthStore } from './auth/auth-store.ts';
import { PairingCodes } from './auth/pairing.ts';
import { newTicketId } from './auth/tokens.ts';
import { settleRestore } from './app/backup-apply.ts';
import { CatalogueSource } from './app/catalogue-source.ts';
import { createGuards } from './app/limits.ts';
import { ClientAddresses } from './http/client-address.ts';
import type { AppContext } from './app/context.ts';
import { runCounterCommand } from './app/counter-actions.ts';
import { CounterHolders } from './app/counter-holders.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Settings } from './config.ts';
import { CallButtons } from './devices/call-buttons.ts';
import { QueueEngine } from './engine/queue-engine.ts';
import { connectedClients, deliverDeviceToken } from './gateway/connected-clients.ts';
import { TokenClaims } from './auth/token-claims.ts';
import { createGateway } from './gateway/gateway.ts';
import type { GatewayServer } from './gateway/socket-types.ts';
import { startHubLink } from './hub-link/start-hub-link.ts';
import { startCentreWebhooks } from './webhooks/start-webhooks.ts';
import { createHttpHandler } from './http/http-handler.ts';
import { createTranslator, loadResources } from './i18n.ts';
import type { TicketPrinting } from './printing/ticket-printing.ts';
import { FileQueueStore, type QueueStore } from './store/queue-store.ts';
import { AuditLog } from './store/audit-log.ts';
import type { DataDirLock } from './store/data-dir-lock.ts';
import { FileDayTicketCache } from './store/report-day-cache.ts';
import { prepareDataDir } from './store/data-format.ts';
import { SiteStore } from './store/site-store.ts';
import { loadGeneratedVoices } from './voice/announcement-check.ts';
import { VoicePackStore } from './voice/voice-pack-store.ts';

/** Where the repository's read-only parts are: seed data, locales, the built apps. */
export const repoDir = join(import.meta.dirname, '..');

export interface ServerOptions {
  settings: Settings;
  /**
   * The ticket printers (`TicketPrinting.inDataDir`). They outlive a server rebuilt in place;
   * each server reloads `printers.json` (a restore may have replaced it); `close` closes them.
   */
  printing: TicketPrinting;
  /** Defaults to the file store in `settings.dataDir`. */
  store?: QueueStore;
  /** Defaults to the system's clocks (`Date.now`, `performance.now`). */
  clock?: Clock;
  /** Defaults to random short ids. */
  newId?: () => string;
  /** The built apps. Defaults to those of the build `build/current` names when the server starts. */
  distDir?: string;
  /** Identifies the apps' build; defaults to the build's id, so only an upgrade changes it. */
  build?: string;
  /** Call-button serial lines. Defaults to the site config's `server.buttons`. */
  buttons?: ButtonLineConfig[];
  /** Rebuilds the server in place (see `serveInPlace`); without it a restore cannot be confirmed. */
  restart?: () => void;
  /**
   * The data directory's lock, taken by the process before it settles a restore or builds a
   * server, and kept by it across in-place restarts (one server per directory, issue 12).
   */
  lock: DataDirLock;
}

export interface MotcuaServer {
  ctx: AppContext;
  http: HttpServer;
  io: GatewayServer;
  /** Listens on the settings' host and port (0 picks a free port); resolves with the port. */
  listen(): Promise<number>;
  /** Stops serving and writing, and frees the port; the printers stay open for the next server. */
  stop(): Promise<void>;
  /** `stop`, then closes the printers. */
  close(): Promise<void>;
}

/**
 * Builds the whole server from its dependencies; `main.ts` picks real ones, tests pass a temp
 * data dir, a fake clock or printers on ptys, files and local sockets. Nothing here reads the environment.
 */
export async function createServer(options: ServerOptions): Promise<MotcuaServer> {
  const { settings, lock } = options;
  const clock = options.clock ?? systemClock;
  // A confirmed restore is completed (or rolled back) before anything reads the data.
  await settleRestore(settings.dataDir, { now: clock.now() });
  // Then the data's format: migrated when older, refused (untouched) when newer than this build.
  await prepareDataDir(settings.dataDir);
  // The printers are the process's: this server prints on what the data directory says now.
  await options.printing.reload();
  const siteStore = await SiteStore.open(join(settings.dataDir, 'site.json'), join(repoDir, 'data/site.json'), clock.now());
  const site = settings.alwaysOpen ? alwaysOpen(siteStore) : siteStore;
  const store = options.store ?? new FileQueueStore(settings.dataDir, clock);
  const apps = options.distDir ?? (await currentApps());
  const guards = createGuards(() => site.get().limits, clock);
  const auth = await AuthStore.open(settings.dataDir, clock, guards.hashing, () => site.get().limits.deviceIdleDays * 86_400_000);
  const catalogue = await CatalogueSource.open(settings.dataDir, join(repoDir, 'data/catalogue.json'), clock.now());
  const engine = await QueueEngine.start({ config: () => site.get(), store, clock, newId: options.newId ?? newTicketId });
  const ctx: AppContext = {
    settings,
    site,
    store,
    engine,
    auth,
    pairing: new PairingCodes(clock),
    guards,
    addresses: new ClientAddresses(settings.trustedProxies),
    translator: createTranslator(loadResources(join(repoDir, 'locales'))),
    printing: options.printing,
    buttons: new CallButtons(options.buttons ?? site.get().server?.buttons ?? []),
    catalogue,
    clock,
    setup: { token: auth.hasAdmin() ? null : randomBytes(18).toString('base64url') },
    build: options.build ?? (await buildId(apps)),
    audit: AuditLog.inDataDir(settings.dataDir),
    fileAlerts: [siteStore.alert, auth.alert, catalogue.alert, options.printing.alert].filter((a) => a !== null),
    deliverDeviceToken: async () => false,
    tokenClaims: new TokenClaims(),
    reportCache: new FileDayTicketCache(settings.dataDir),
    holders: new CounterHolders(),
    version: await packageVersion(),
    ...(options.restart && { restart: options.restart }),
    connections: () => ({ serverTime: clock.now(), devices: [], users: [], publicConnections: 0, boards: [] }),
    voicePack: await VoicePackStore.open(settings.dataDir),
    generatedVoices: loadGeneratedVoices(repoDir),
    hubLink: null,
    webhooks: null,
  };
  const handler = createHttpHandler(ctx, apps);
  const http = settings.tls ? createHttpsServer(await readTls(settings.tls), handler) : createHttpServer(handler);
  const gateway = createGateway(http, ctx);
  // The gateway is built from ctx, so ctx learns about its sockets afterwards.
  ctx.connections = () => connectedClients(gateway.io, auth, clock.now());
  ctx.deliverDeviceToken = (deviceId, token) => deliverDeviceToken(gateway.io, ctx.tokenClaims, deviceId, token);
  ctx.hubLink = await startHubLink(ctx, gateway.io);
  const webhooks = await startCentreWebhooks(ctx, gateway.io);
  ctx.webhooks = webhooks.webhooks;
  ctx.buttons.start({
    config: () => site.get(),
    state: () => engine.state,
    // The button acts for the clerk whose console holds the counter, even before their first call.
    clerkAt: (counterId) => ctx.holders.clerkAt(counterId) ?? engine.state.counters.get(counterId)?.clerkId ?? null,
    // A refusal shows on the button as a short text chosen by its code, so the message's language does not matter.
    runCounterCommand: (actor, counterId, command) => runCounterCommand(ctx, actor, counterId, command, 'vi'),
    onChange: (listener) => engine.onChange(listener),
    onDayStarted: (listener) => engine.onDayStarted(listener),
    clock: () => clock.now(),
  });
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      await ctx.hubLink?.stop();
      await webhooks.stop();
      await ctx.buttons.stop();
      await gateway.close();
      // Closing sockets notes the devices' last contact: on disk before the directory is let go.
      await auth.settled();
      await engine.stop();
      await ctx.reportCache.close();
    })());
  return {
    ctx,
    http,
    io: gateway.io,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(settings.port, settings.host, () => {
          const { port } = http.address() as AddressInfo;
          // The port goes into the lock for the message a second server prints; a lock without it still holds.
          lock.setPort(port).then(
            () => resolve(port),
            () => resolve(port),
          );
        });
      }),
    stop,
    close: async () => {
      await stop();
      await ctx.printing.close();
    },
  };
}

/** The certificate chain and key for HTTPS; a missing or unreadable file stops the start with its path. */
async function readTls(tls: NonNullable<Settings['tls']>): Promise<{ cert: Buffer; key: Buffer }> {
  const read = (what: string, path: string) =>
    readFile(path).catch((e: NodeJS.ErrnoException) => {
      throw new Error(`HTTPS: cannot read the ${what} ${path} (${e.code ?? e.message})`);
    });
  return { cert: await read('certificate', tls.certPath), key: await read('private key', tls.keyPath) };
}

async function packageVersion(): Promise<string> {
  return (JSON.parse(await readFile(join(repoDir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The apps of the build `npm start` runs: `build/current` is resolved once, here, so a build
 * made while this server runs (into a folder of its own) never changes what it serves.
 */
async function currentApps(): Promise<string> {
  const current = join(repoDir, 'build/current');
  return join(await realpath(current).catch(() => current), 'apps');
}

/**
 * A build's identity, written by the build next to its apps. Screens reload themselves when it
 * changes (an upgrade), not on every restart of the same build.
 */
async function buildId(appsDir: string): Promise<string> {
  const info = await readFile(join(appsDir, '../build.json'), 'utf8').catch(() => null);
  const id = info === null ? undefined : (JSON.parse(info) as { id?: unknown }).id;
  return typeof id === 'string' ? id : `unbuilt-${randomBytes(4).toString('hex')}`;
}

/** Demo mode: the site config as stored, but open every day around the clock. */
function alwaysOpen(store: SiteStore): SiteStore {
  const allDay: Array<[string, string]> = [['00:00', '23:59']];
  const week = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
  const open = (c: SiteConfig): SiteConfig => ({
    ...c,
    centre: { ...c.centre, hours: week, holidays: [], calendar: [], nationalHolidays: false, issueOpensMinutesBefore: 0 },
    services: c.services.map((s) => ({ ...s, hours: undefined, cutoff: '23:59' })),
  });
  // Computed once per stored config: views ask for the config many times per change, and
  // caches keyed by the config object (its version hash) must see the same object.
  let source: SiteConfig | null = null;
  let opened: SiteConfig | null = null;
  const get = (): SiteConfig => {
    if (store.get() !== source) {
      source = store.get();
      opened = open(source);
    }
    return opened!;
  };
  // Changes go to the real store (a write through the wrapper would only shadow its state).
  return Object.assign(Object.create(store) as SiteStore, {
    get,
    replace: (next: unknown) => store.replace(next),
    update: (edit: Parameters<SiteStore['update']>[0]) => store.update(edit),
  });
}
