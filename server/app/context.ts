import type { DeviceConnections } from '../../protocol/admin.ts';
import type { FileAlert } from '../../protocol/health.ts';
import type { AuthStore } from '../auth/auth-store.ts';
import type { PairingCodes } from '../auth/pairing.ts';
import type { TokenClaims } from '../auth/token-claims.ts';
import type { Settings } from '../config.ts';
import type { Clock } from '../clock.ts';
import type { CallButtons } from '../devices/call-buttons.ts';
import type { QueueEngine } from '../engine/queue-engine.ts';
import type { HubLink } from '../hub-link/hub-link.ts';
import type { Translator } from '../i18n.ts';
import type { TicketPrinting } from '../printing/ticket-printing.ts';
import type { QueueStore } from '../store/queue-store.ts';
import type { FileDayTicketCache } from '../store/report-day-cache.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { CentreWebhooks } from '../webhooks/centre-webhooks.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { ClipVoice } from '../../protocol/voice/dialect.ts';
import type { VoicePackStore } from '../voice/voice-pack-store.ts';
import type { CatalogueSource } from './catalogue-source.ts';
import type { ClipSource } from '../../protocol/voice/clip-source.ts';
import type { CounterHolders } from './counter-holders.ts';
import type { ClientAddresses } from '../http/client-address.ts';
import type { Guards } from './limits.ts';

/** Everything the HTTP routes and socket handlers work with; built once by `createServer`. */
export interface AppContext {
  settings: Settings;
  site: SiteStore;
  store: QueueStore;
  engine: QueueEngine;
  auth: AuthStore;
  pairing: PairingCodes;
  /** Rate limits, sign-in attempts and the password-hashing bound (numbers from the site config's `limits`). */
  guards: Guards;
  /** Who is calling, through the trusted reverse proxies. */
  addresses: ClientAddresses;
  translator: Translator;
  /** The ticket printers, which kiosk prints where, and their last prints. */
  printing: TicketPrinting;
  /** The counters' call-button lines (none configured: an empty set). */
  buttons: CallButtons;
  catalogue: CatalogueSource;
  /** Wall time for stamps and the calendar, monotonic time for every duration. */
  clock: Clock;
  /** The one-time first-run set-up token, while there is no admin yet. */
  setup: { token: string | null };
  /** Changes with every build, so displays reload themselves after an upgrade. */
  build: string;
  /** Who changed the configuration, users and devices, and when. */
  audit: AuditLog;
  /** Small data files found damaged at start, and the copy each was started from. */
  fileAlerts: FileAlert[];
  /** Live socket connections per paired device and signed-in person (set once the gateway exists). */
  connections: () => DeviceConnections;
  /** Hands a paired device its new token over its live connections; true once one of them has stored it (set once the gateway exists). */
  deliverDeviceToken: (deviceId: string, token: string) => Promise<boolean>;
  /** New device tokens offered to cookie connections, until their app claims them over HTTP. */
  tokenClaims: TokenClaims;
  /** Finished days' tickets for reports; closed with the server, so no write lands after it stops. */
  reportCache: FileDayTicketCache;
  /** Which console holds each counter (only it may act there). */
  holders: CounterHolders;
  /** The motcua version (package.json), written into backups. */
  version: string;
  /**
   * Closes this server and builds a new one in the same process, on the same port (how a
   * confirmed restore takes effect at once). Absent when whoever runs the server cannot do that.
   */
  restart?: () => void;
  /** The centre's recorded voice pack. */
  voicePack: VoicePackStore;
  /** The generated voices the display app ships, for checking sentences on save. */
  generatedVoices: ReadonlyMap<ClipVoice, ClipSource>;
  /** The link to the province hub; null for a centre on its own (set once the gateway exists). */
  hubLink: HubLink | null;
  /** Integrators' webhooks (set once the gateway exists). */
  webhooks: CentreWebhooks | null;
}
