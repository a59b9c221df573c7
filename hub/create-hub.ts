import { realpath } from 'node:fs/promises';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SignInAttempts } from '../server/auth/sign-in-attempts.ts';
import { createTranslator, loadResources } from '../server/i18n.ts';
import { CatalogueStore } from './catalogue/catalogue-store.ts';
import type { HubSettings } from './config.ts';
import type { Database } from './db/database.ts';
import { migrate } from './db/schema.ts';
import type { HubContext } from './hub-context.ts';
import { createHubHttpHandler } from './http/hub-http.ts';
import { HubRoutes } from './http/hub-request.ts';
import { addHubAuthRoutes } from './http/routes/auth-routes.ts';
import { addHubCatalogueRoutes } from './http/routes/catalogue-routes.ts';
import { addCentreRoutes } from './http/routes/centre-routes.ts';
import { addIntegrationRoutes } from './http/routes/integration-routes.ts';
import { addLinkRoutes } from './http/routes/link-routes.ts';
import { addHubReportRoutes } from './http/routes/report-routes.ts';
import { createHubGateway, type HubIo } from './live/hub-gateway.ts';
import { HubLive } from './live/hub-live.ts';
import { CentreRegistry } from './store/centre-registry.ts';
import { EventIngest } from './store/event-ingest.ts';
import { HubUsers } from './store/hub-users.ts';
import { MachineTokens } from './store/machine-tokens.ts';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';
import { HubWebhookStore } from './webhooks/webhook-store.ts';

const repoDir = join(import.meta.dirname, '..');

/** The apps of the build `npm run hub` runs, resolved once (a new build beside it changes nothing here). */
async function currentApps(): Promise<string> {
  const current = join(repoDir, 'build/current');
  return join(await realpath(current).catch(() => current), 'apps');
}

export interface HubOptions {
  settings: HubSettings;
  /** An open database; the hub brings its tables up to date. */
  db: Database;
  /** Defaults to `Date.now`. */
  clock?: () => number;
  /** The built apps. Defaults to those of the build `build/current` names when the hub starts. */
  distDir?: string;
}

export interface MotcuaHub {
  ctx: HubContext;
  http: HttpServer;
  io: HubIo;
  /** Every route with the policy it declared, for the access table test and the OpenAPI check. */
  routes: HubRoutes;
  listen(): Promise<number>;
  /** Stops serving; the database is the caller's to close. */
  close(): Promise<void>;
}

/** Builds the hub from its dependencies; `hub/main.ts` picks the database, tests pass their own. */
export async function createHub(options: HubOptions): Promise<MotcuaHub> {
  const { settings, db } = options;
  const clock = options.clock ?? Date.now;
  await migrate(db);
  const centres = new CentreRegistry(db);
  const webhooks = new HubWebhookStore(db);
  const dispatcher = new WebhookDispatcher(webhooks, clock);
  const ctx: HubContext = {
    settings,
    db,
    centres,
    ingest: new EventIngest(db, webhooks),
    users: new HubUsers(db),
    machines: new MachineTokens(db),
    catalogue: new CatalogueStore(db),
    webhooks,
    dispatcher,
    live: new HubLive(db, centres, webhooks, clock, () => dispatcher.poke()),
    translator: createTranslator(loadResources(join(repoDir, 'locales'))),
    // The hub's clock is its wall time; a hub on a box whose clock jumps only lengthens or shortens a lock-out.
    attempts: new SignInAttempts(() => ({ failuresPerAddress: 10, failuresPerAccount: 10, windowMs: 10 * 60_000 }), { monotonic: clock }),
    clock,
  };
  const routes = new HubRoutes();
  addLinkRoutes(routes, ctx);
  addHubAuthRoutes(routes, ctx);
  addCentreRoutes(routes, ctx);
  addHubCatalogueRoutes(routes, ctx);
  addHubReportRoutes(routes, ctx);
  addIntegrationRoutes(routes, ctx);
  const missing = routes.missing();
  if (missing.length > 0) throw new Error(`hub routes without a handler: ${missing.join(', ')}`);
  const http = createHttpServer(createHubHttpHandler(ctx, routes, options.distDir ?? (await currentApps())));
  const gateway = createHubGateway(http, ctx);
  dispatcher.start();
  ctx.live.start();
  return {
    ctx,
    http,
    io: gateway.io,
    routes,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(settings.port, settings.host, () => resolve((http.address() as AddressInfo).port));
      }),
    close: async () => {
      ctx.live.stop();
      await dispatcher.stop();
      await gateway.close();
    },
  };
}
