import type { SignInAttempts } from '../server/auth/sign-in-attempts.ts';
import type { Translator } from '../server/i18n.ts';
import type { CatalogueStore } from './catalogue/catalogue-store.ts';
import type { HubSettings } from './config.ts';
import type { Database } from './db/database.ts';
import type { HubLive } from './live/hub-live.ts';
import type { CentreRegistry } from './store/centre-registry.ts';
import type { EventIngest } from './store/event-ingest.ts';
import type { HubUsers } from './store/hub-users.ts';
import type { MachineTokens } from './store/machine-tokens.ts';
import type { WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';
import type { HubWebhookStore } from './webhooks/webhook-store.ts';

/** Everything the hub's routes and socket handlers work with; built once by `createHub`. */
export interface HubContext {
  settings: HubSettings;
  db: Database;
  centres: CentreRegistry;
  ingest: EventIngest;
  users: HubUsers;
  machines: MachineTokens;
  catalogue: CatalogueStore;
  webhooks: HubWebhookStore;
  dispatcher: WebhookDispatcher;
  /** The province's status board: builds snapshots and pushes them to the people watching. */
  live: HubLive;
  translator: Translator;
  /** Failed sign-ins, set-up links and join codes, per address and per account. */
  attempts: SignInAttempts;
  clock: () => number;
}
