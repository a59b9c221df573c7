/**
 * The HTTP contract: every route of `/api`, by name. One entry in `routes` says how a route is
 * reached and who may call it; the entry of the same name in `RouteTypes` says what goes in
 * and what comes back. Both sides are checked by the compiler:
 *
 * - the server registers each route by its name (`router.add('createUser', handler)`, in
 *   `server/http/*-routes.ts`); the router enforces the policy before the handler runs, the
 *   handler must return the reply type, and the server refuses to start if a route of this
 *   map has no handler;
 * - the apps call it by its name (`request('createUser', { body })` from `client/http-api.ts`,
 *   or the admin's `api.call`), with typed path params, query and body, and a typed reply.
 *
 * To add a route: add its entry here (method, path, policy from `access.ts`) and its types in
 * `RouteTypes`, then `router.add` its handler. Request bodies are typed for the apps only: the
 * handler still parses the body with its schema from `commands.ts`, because types are not
 * validation. Socket commands follow the same pattern in `command-rules.ts`.
 *
 * Replies are a JSON `Result` (`{ ok, value | error }`), except `file` routes (CSV, PNG, a
 * backup), which answer with the file itself or with a JSON refusal. `upload` routes take the
 * file's bytes as the body instead of JSON. A refusal of a route with `problems` lists them
 * beside the error (`{ ok: false, error, problems }`, status 422).
 */
import { type Policy, access } from './access.ts';
import type { AuditEntry, CalendarYearView, DeviceConnections, UserAccountView } from './admin.ts';
import type { BackupProblem, RestoreConfirmation, RestorePreview, RestoreStatus } from './backup.ts';
import type { Catalogue, Procedure } from './catalogue.ts';
import type * as C from './commands.ts';
import type {
  CatalogueImportSummary,
  CatalogueProblemView,
  DeviceHealthView,
  DeviceView,
  HealthView,
  PairedDeviceView,
  PairingCodeView,
  SessionView,
  SiteInfoView,
  WhoAmIView,
} from './http-views.ts';
import type { HubJoinPayload, HubLinkView } from './hub/hub-link.ts';
import {
  type CallArgsOf,
  type CallOf,
  type FileNames,
  type FileReply,
  fillPath,
  type JsonNames,
  type ResultOf,
  type RouteEntry,
  type UploadNames,
} from './route-map.ts';
import type { ReportCsvTable, ReportView } from './reports.ts';
import type { CalendarYearInput, SiteConfig, SiteConfigInput } from './site-config.ts';
import type { LimitProblem, LimitsView } from './limit-fields.ts';
import type { LimitsInput } from './limits.ts';
import type { PrinterConfigInput, PrintersView } from './printers.ts';
import type { DayStatistics, IssuedTicket, PrintOutcome, TicketPublicView } from './views.ts';
import type { RecordedPackManifest, VoicePackStatus } from './voice/voice-pack.ts';
import type { DeliveryView, NewWebhookPayload, WebhookView } from './webhooks.ts';
import type * as v from 'valibot';

export { type FileReply, type PathParams, pathParam } from './route-map.ts';

type In<S extends v.GenericSchema> = v.InferInput<S>;
type Day = string;

/** How a route is reached and who may call it. */
export type RouteInfo = RouteEntry<Policy>;

export const routes = {
  health: { method: 'GET', path: '/api/health', policy: access.public },
  site: { method: 'GET', path: '/api/site', policy: access.public },
  catalogue: { method: 'GET', path: '/api/catalogue', policy: access.public },
  issueTicket: { method: 'POST', path: '/api/tickets', policy: access.either(access.device('kiosk'), access.staff) },
  // The signed reference is the capability: nobody can walk through other people's tickets.
  ticket: { method: 'GET', path: '/api/tickets/:ref', policy: access.public },
  statsToday: { method: 'GET', path: '/api/stats/today', policy: access.staff },
  exportTickets: { method: 'GET', path: '/api/export/tickets.csv', policy: access.admin },

  authStatus: { method: 'GET', path: '/api/auth/status', policy: access.public },
  setup: { method: 'POST', path: '/api/auth/setup', policy: access.setupToken },
  login: { method: 'POST', path: '/api/auth/login', policy: access.public },
  // Ends the session the request names, if any: harmless for anyone else.
  logout: { method: 'POST', path: '/api/auth/logout', policy: access.public },
  whoAmI: { method: 'GET', path: '/api/auth/me', policy: access.signedIn },
  // The token is the credential: an app moving it from an older build's storage into its cookie.
  adoptToken: { method: 'POST', path: '/api/auth/cookie', policy: access.public },
  users: { method: 'GET', path: '/api/users', policy: access.admin },
  createUser: { method: 'POST', path: '/api/users', policy: access.admin },
  resetPassword: { method: 'PUT', path: '/api/users/:id/password', policy: access.admin },
  setUserState: { method: 'PUT', path: '/api/users/:id/state', policy: access.admin },

  createPairingCode: { method: 'POST', path: '/api/devices/pairing-codes', policy: access.admin },
  // The one-time code is the credential; wrong codes count against the address.
  pair: { method: 'POST', path: '/api/devices/pair', policy: access.public },
  devices: { method: 'GET', path: '/api/devices', policy: access.admin },
  deviceHealth: { method: 'GET', path: '/api/devices/health', policy: access.admin },
  renameDevice: { method: 'PATCH', path: '/api/devices/:id', policy: access.admin },
  revokeDevice: { method: 'DELETE', path: '/api/devices/:id', policy: access.admin },
  rotateDeviceToken: { method: 'POST', path: '/api/devices/:id/token', policy: access.admin },
  claimDeviceToken: { method: 'POST', path: '/api/devices/token-claim', policy: access.signedIn },
  connections: { method: 'GET', path: '/api/admin/connections', policy: access.admin },
  audit: { method: 'GET', path: '/api/audit', policy: access.admin },

  config: { method: 'GET', path: '/api/config', policy: access.admin },
  saveCentre: { method: 'PUT', path: '/api/config/centre', policy: access.admin },
  saveService: { method: 'PUT', path: '/api/config/services/:id', policy: access.admin },
  removeService: { method: 'DELETE', path: '/api/config/services/:id', policy: access.admin },
  saveCounter: { method: 'PUT', path: '/api/config/counters/:id', policy: access.admin },
  removeCounter: { method: 'DELETE', path: '/api/config/counters/:id', policy: access.admin },
  calendarYear: { method: 'GET', path: '/api/calendar/:year', policy: access.admin },
  saveCalendarYear: { method: 'PUT', path: '/api/config/calendar/:id', policy: access.admin },
  limits: { method: 'GET', path: '/api/config/limits', policy: access.admin },
  saveLimits: { method: 'PUT', path: '/api/config/limits', policy: access.admin },

  importCatalogue: { method: 'POST', path: '/api/catalogue/import', policy: access.admin, upload: true },
  saveProcedure: { method: 'PUT', path: '/api/catalogue/procedures/:code', policy: access.admin },

  report: { method: 'GET', path: '/api/reports', policy: access.admin },
  reportCsv: { method: 'GET', path: '/api/reports.csv', policy: access.admin },

  printers: { method: 'GET', path: '/api/printers', policy: access.admin },
  savePrinter: { method: 'PUT', path: '/api/printers/:id', policy: access.admin },
  removePrinter: { method: 'DELETE', path: '/api/printers/:id', policy: access.admin },
  testPrint: { method: 'POST', path: '/api/printers/:id/test', policy: access.admin },
  printerPreview: { method: 'GET', path: '/api/printers/:id/preview/:ticketId.png', policy: access.admin },
  kioskPrinter: { method: 'PUT', path: '/api/kiosks/:id/printer', policy: access.admin },
  // The help desk a citizen is sent to when a ticket did not print: any clerk, or the admin.
  reprint: { method: 'POST', path: '/api/reprints', policy: access.staff },

  backup: { method: 'GET', path: '/api/backup', policy: access.admin },
  restoreStatus: { method: 'GET', path: '/api/backup/restore', policy: access.admin },
  restore: { method: 'POST', path: '/api/backup/restore', policy: access.admin, upload: true },
  confirmRestore: { method: 'POST', path: '/api/backup/restore/confirm', policy: access.admin },
  cancelRestore: { method: 'DELETE', path: '/api/backup/restore', policy: access.admin },

  voicePack: { method: 'GET', path: '/api/voice-pack', policy: access.admin },
  // Boards are public, and so is what they play: the announcer's recorded words.
  voicePackManifest: { method: 'GET', path: '/api/voice-pack/manifest', policy: access.public },
  voicePackClipFile: { method: 'GET', path: '/api/voice-pack/clips/:file', policy: access.public },
  recordClip: { method: 'PUT', path: '/api/voice-pack/clips/:id', policy: access.admin, upload: true },
  removeClip: { method: 'DELETE', path: '/api/voice-pack/clips/:id', policy: access.admin },
  exportVoicePack: { method: 'GET', path: '/api/voice-pack/export', policy: access.admin },
  importVoicePack: { method: 'POST', path: '/api/voice-pack/import', policy: access.admin, upload: true },
  hubLink: { method: 'GET', path: '/api/hub-link', policy: access.admin },
  joinHub: { method: 'POST', path: '/api/hub-link/join', policy: access.admin },
  webhooks: { method: 'GET', path: '/api/webhooks', policy: access.admin },
  createWebhook: { method: 'POST', path: '/api/webhooks', policy: access.admin },
  disableWebhook: { method: 'DELETE', path: '/api/webhooks/:id', policy: access.admin },
  webhookDeliveries: { method: 'GET', path: '/api/webhooks/deliveries', policy: access.admin },
} as const satisfies { [K in RouteName]: RouteInfo };

/**
 * What each route takes and gives: `reply` (the Result's value), `body` (JSON), `query`,
 * `upload: true` (the body is a file's bytes), `problems` (listed beside a refusal).
 */
export interface RouteTypes {
  health: { reply: HealthView };
  site: { reply: SiteInfoView };
  catalogue: { reply: Catalogue };
  issueTicket: { body: In<typeof C.IssueTicketPayload>; reply: IssuedTicket };
  ticket: { reply: TicketPublicView };
  statsToday: { reply: DayStatistics & { day: Day } };
  /** `decimal: 'comma'`: numbers like 12,5 between semicolons, for Excel with Vietnamese settings. */
  exportTickets: { query: { day?: Day; decimal?: 'comma' }; reply: FileReply };

  authStatus: { reply: { needsSetup: boolean } };
  setup: { body: In<typeof C.SetupPayload>; reply: SessionView };
  login: { body: In<typeof C.LoginPayload>; reply: SessionView };
  logout: { reply: null };
  whoAmI: { reply: WhoAmIView };
  adoptToken: { body: In<typeof C.AdoptTokenPayload>; reply: WhoAmIView };
  users: { reply: UserAccountView[] };
  createUser: { body: In<typeof C.NewUserPayload>; reply: UserAccountView };
  resetPassword: { body: In<typeof C.PasswordPayload>; reply: null };
  setUserState: { body: In<typeof C.UserStatePayload>; reply: UserAccountView };

  createPairingCode: { body: In<typeof C.PairingCodePayload>; reply: PairingCodeView };
  pair: { body: In<typeof C.PairPayload>; reply: PairedDeviceView };
  devices: { reply: DeviceView[] };
  deviceHealth: { reply: DeviceHealthView };
  renameDevice: { body: In<typeof C.RenameDevicePayload>; reply: null };
  revokeDevice: { reply: null };
  /** `device_offline` when no live connection of the device took the new token (the old one then still works). */
  rotateDeviceToken: { reply: null };
  claimDeviceToken: { body: In<typeof C.TokenClaimPayload>; reply: null };
  connections: { reply: DeviceConnections };
  audit: { query: { limit?: number }; reply: AuditEntry[] };

  /** The config as stored (what the admin edits); every save replies with it. */
  config: { reply: SiteConfig };
  saveCentre: { body: SiteConfigInput['centre']; reply: SiteConfig };
  /** The path's id is the service's: the body leaves it out. */
  saveService: { body: Omit<SiteConfigInput['services'][number], 'id'>; reply: SiteConfig };
  removeService: { reply: SiteConfig };
  saveCounter: { body: Omit<SiteConfigInput['counters'][number], 'id'>; reply: SiteConfig };
  removeCounter: { reply: SiteConfig };
  /** A year's statutory days, the days the rules propose and what was entered (the calendar page). */
  calendarYear: { reply: CalendarYearView };
  /** One year of the centre's calendar, saved whole; the path's id is the year. */
  saveCalendarYear: { body: Omit<CalendarYearInput, 'year'>; reply: SiteConfig };
  /** The site config's limits (docs/network.md), with each one's default and allowed values. */
  limits: { reply: LimitsView };
  /**
   * Replaces the limits whole (a field left out takes its default); they apply from the next
   * request on. Problems name each refused field; nothing is saved then.
   */
  saveLimits: { body: LimitsInput; reply: LimitsView; problems: LimitProblem };

  /**
   * The file is JSON or CSV, told by `format` or else by the file's `name` and content, in any
   * encoding Excel saves. `preview: '1'` only reads it and answers what it holds.
   */
  importCatalogue: {
    upload: true;
    query: { name?: string; format?: 'csv' | 'json'; preview?: '1' };
    reply: CatalogueImportSummary;
    problems: CatalogueProblemView;
  };
  /** The whole procedure; the path's code decides which one (the code itself is not editable). */
  saveProcedure: { body: Omit<Procedure, 'code'> & { code?: string }; reply: Procedure; problems: CatalogueProblemView };

  /** `from`/`to` default to today; `to` defaults to `from`. */
  report: { query: { from?: Day; to?: Day }; reply: ReportView };
  reportCsv: { query: { from?: Day; to?: Day; table?: ReportCsvTable; decimal?: 'comma' }; reply: FileReply };

  /** Every printer with its state, kiosks and last prints; the model presets; the paired kiosks. */
  printers: { reply: PrintersView };
  /** Adds the printer of the path's id, or replaces it; the body leaves the id out. */
  savePrinter: { body: Omit<PrinterConfigInput, 'id'>; reply: PrintersView };
  removePrinter: { reply: PrintersView };
  /** A test ticket on that printer. */
  testPrint: { reply: PrintOutcome };
  printerPreview: { reply: FileReply };
  kioskPrinter: { body: In<typeof C.KioskPrinterPayload>; reply: PrintersView };
  /** Any ticket of the day, rebuilt from the durable ticket; a ticket that did not print is a refusal. */
  reprint: { body: In<typeof C.ReprintPayload>; reply: PrintOutcome };

  /** A `.tar.gz` of the data directory (see docs/backup-restore.md). */
  backup: { reply: FileReply };
  /** Whether a restore is staged, with what it would replace now; or being applied. */
  restoreStatus: { reply: RestoreStatus };
  /** The body is the archive; it is checked and staged, and nothing is replaced yet. Problems name each bad file. */
  restore: { upload: true; reply: RestorePreview; problems: BackupProblem };
  /**
   * Applies the staged restore, if the current data still is what the preview with this
   * fingerprint was made from (`admin:backup.stale` otherwise): the server restarts itself.
   */
  confirmRestore: { body: In<typeof RestoreConfirmation>; reply: { state: 'applying' } };
  cancelRestore: { reply: { state: 'none' } };

  /** The recorded pack against the centre's settings: every clip to record and its recording. */
  voicePack: { reply: VoicePackStatus };
  voicePackManifest: { reply: RecordedPackManifest };
  /** A clip's 16-bit WAV file, named by its content (cached forever). */
  voicePackClipFile: { reply: FileReply };
  /** The path's id is the clip's (`vi:mươi`); the body is the take as a PCM WAV file, which the server trims and levels. */
  recordClip: { upload: true; reply: VoicePackStatus };
  removeClip: { reply: VoicePackStatus };
  exportVoicePack: { reply: FileReply };
  /** All or nothing; problems name each refused clip. */
  importVoicePack: { upload: true; reply: VoicePackStatus; problems: string };
  /** How the centre stands with its province hub; `link` is null for a centre without `--hub`. */
  hubLink: { reply: { link: HubLinkView | null } };
  joinHub: { body: In<typeof HubJoinPayload>; reply: { link: HubLinkView } };
  webhooks: { reply: WebhookView[] };
  /** The secret is shown once, here. */
  createWebhook: { body: In<typeof NewWebhookPayload>; reply: { webhook: WebhookView; secret: string } };
  disableWebhook: { reply: null };
  webhookDeliveries: { query: { limit?: number }; reply: DeliveryView[] };
}

export type RouteName = keyof RouteTypes;

/** The routes the map marks `upload` are exactly those whose types take a file: anything else does not compile. */
type UploadMarked = { [K in RouteName]: (typeof routes)[K] extends { upload: true } ? K : never }[RouteName];
type UploadTyped = { [K in RouteName]: RouteTypes[K] extends { upload: true } ? K : never }[RouteName];
export const uploadsAgree: [UploadMarked] extends [UploadTyped] ? ([UploadTyped] extends [UploadMarked] ? true : never) : never = true;
export type RoutePath<K extends RouteName> = (typeof routes)[K]['path'];

/** Routes answered with a file, taking a JSON body, or taking a file's bytes. */
export type FileRouteName = FileNames<RouteTypes>;
export type UploadRouteName = UploadNames<RouteTypes>;
export type JsonRouteName = JsonNames<RouteTypes>;

/** What a caller passes: `params` when the path has any, `body` and `query` when the route takes them. */
export type RouteCall<K extends RouteName> = CallOf<RoutePath<K>, RouteTypes[K]>;
/** `[call]`, or `[call?]` for a route that needs nothing. */
export type RouteCallArgs<K extends RouteName> = CallArgsOf<RoutePath<K>, RouteTypes[K]>;
export type RouteReply<K extends RouteName> = RouteTypes[K]['reply'];
/** What a route answers: its value, or a refusal with the problems the route lists. */
export type RouteResult<K extends RouteName> = ResultOf<RouteTypes[K]>;

/** The address of a call: the path with its params filled in, and the query. */
export function routeUrl<K extends RouteName>(name: K, call?: RouteCall<K>): string {
  return fillPath(routes[name].path, call);
}
