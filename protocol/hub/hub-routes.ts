/**
 * The province hub's HTTP contract, in the style of the centre's (`protocol/routes.ts`): one
 * entry in `hubRoutes` says how a route is reached and who may call it, the entry of the same
 * name in `HubRouteTypes` what goes in and comes back. The hub registers each handler by its
 * name (`hub/http/hub-request.ts`), enforces the policy before it runs and refuses to start with
 * a route left without one; the province app and the centre's link call routes by name
 * (`routeClient(hubRoutes)` of `client/http-api.ts`, `server/hub-link/hub-client.ts`). Bodies
 * are typed for callers only: the handler still parses them with their schema.
 */
import type * as v from 'valibot';
import type { RouteEntry, FileReply } from '../route-map.ts';
import type { CatalogueProblemView } from '../http-views.ts';
import type { DeliveryView, NewWebhookPayload, WebhookView } from '../webhooks.ts';
import type { StatusReceipt, StatusReport } from './centre-status.ts';
import type { HubSnapshot, JoinCodeView, JoinPayload, JoinReceipt, NewCentrePayload } from './centres.ts';
import type {
  HubLoginPayload,
  HubMe,
  HubSetupPayload,
  HubUserStatePayload,
  HubUserView,
  MachineTokenView,
  NewHubUserPayload,
  NewMachineTokenPayload,
} from './hub-access.ts';
import type { HubReportQueryInput, HubReportView } from './hub-reports.ts';
import type { CatalogueDraftView, CatalogueReply, DraftFeePayload, PublishPayload } from './province-catalogue.ts';
import type { DayCursor, EventBatch, HubCursor } from './shipped-event.ts';

type In<S extends v.GenericSchema> = v.InferInput<S>;

/**
 * Who a hub route admits, checked in one place (`hub/http/hub-http.ts`): `centre` a centre's
 * token; `signed_in` any person; `province_admin` the province's admins; `status` and `reports`
 * signed-in people and machine tokens with that scope (a manager's and a bound token's data is
 * their centre's).
 */
export type HubPolicy = 'public' | 'centre' | 'signed_in' | 'province_admin' | 'status' | 'reports';
export const hubPolicies: readonly HubPolicy[] = ['public', 'centre', 'signed_in', 'province_admin', 'status', 'reports'];

export const hubRoutes = {
  // What centres' boxes call: joining once with a join code, then with the centre token.
  join: { method: 'POST', path: '/api/hub/v1/join', policy: 'public' },
  cursor: { method: 'GET', path: '/api/hub/v1/cursor', policy: 'centre' },
  shipEvents: { method: 'POST', path: '/api/hub/v1/events', policy: 'centre' },
  reportStatus: { method: 'POST', path: '/api/hub/v1/status', policy: 'centre' },
  publishedCatalogue: { method: 'GET', path: '/api/hub/v1/catalogue', policy: 'centre' },

  authStatus: { method: 'GET', path: '/api/auth/status', policy: 'public' },
  setup: { method: 'POST', path: '/api/auth/setup', policy: 'public' },
  login: { method: 'POST', path: '/api/auth/login', policy: 'public' },
  logout: { method: 'POST', path: '/api/auth/logout', policy: 'signed_in' },
  me: { method: 'GET', path: '/api/auth/me', policy: 'signed_in' },
  users: { method: 'GET', path: '/api/users', policy: 'province_admin' },
  createUser: { method: 'POST', path: '/api/users', policy: 'province_admin' },
  setUserState: { method: 'PUT', path: '/api/users/:id/state', policy: 'province_admin' },

  status: { method: 'GET', path: '/api/status', policy: 'status' },
  createCentre: { method: 'POST', path: '/api/centres', policy: 'province_admin' },
  makeJoinCode: { method: 'POST', path: '/api/centres/:code/join-code', policy: 'province_admin' },
  revokeCentre: { method: 'POST', path: '/api/centres/:code/revoke', policy: 'province_admin' },

  catalogueDraft: { method: 'GET', path: '/api/catalogue/draft', policy: 'province_admin' },
  importCatalogue: { method: 'POST', path: '/api/catalogue/import', policy: 'province_admin' },
  setDraftFee: { method: 'PUT', path: '/api/catalogue/draft/fees', policy: 'province_admin' },
  publishCatalogue: { method: 'POST', path: '/api/catalogue/publish', policy: 'province_admin' },

  report: { method: 'GET', path: '/api/reports', policy: 'reports' },
  reportCsv: { method: 'GET', path: '/api/reports.csv', policy: 'reports' },

  webhooks: { method: 'GET', path: '/api/webhooks', policy: 'province_admin' },
  createWebhook: { method: 'POST', path: '/api/webhooks', policy: 'province_admin' },
  disableWebhook: { method: 'DELETE', path: '/api/webhooks/:id', policy: 'province_admin' },
  webhookDeliveries: { method: 'GET', path: '/api/webhooks/deliveries', policy: 'province_admin' },
  retryDelivery: { method: 'POST', path: '/api/webhooks/deliveries/:id/retry', policy: 'province_admin' },
  machineTokens: { method: 'GET', path: '/api/machine-tokens', policy: 'province_admin' },
  createMachineToken: { method: 'POST', path: '/api/machine-tokens', policy: 'province_admin' },
  revokeMachineToken: { method: 'DELETE', path: '/api/machine-tokens/:id', policy: 'province_admin' },
} as const satisfies { [K in HubRouteName]: RouteEntry<HubPolicy> };

/**
 * A person's new session at the hub. `token` (sent as `Authorization: Bearer ses_…`) is for
 * callers that keep it themselves; the hub's own app names itself (`x-motcua-app: hub`), gets
 * the session as its HttpOnly cookie instead, and no token here.
 */
export interface HubSessionView {
  token?: string;
  user: HubUserView;
}

type ReportQuery = Partial<HubReportQueryInput>;

export interface HubRouteTypes {
  join: { body: In<typeof JoinPayload>; reply: JoinReceipt };
  /** Where the hub stands with each of the centre's days: ship from there. */
  cursor: { reply: HubCursor };
  /** Stored exactly once by (centre, day, seq); a gap or a different event is refused with the hub's cursor. */
  shipEvents: { body: EventBatch; reply: DayCursor };
  reportStatus: { body: StatusReport; reply: StatusReceipt };
  /** `since`: the version the centre shows; the same or newer answers `unchanged`. */
  publishedCatalogue: { query: { since?: number }; reply: CatalogueReply };

  authStatus: { reply: { needsSetup: boolean } };
  setup: { body: In<typeof HubSetupPayload>; reply: HubSessionView };
  login: { body: In<typeof HubLoginPayload>; reply: HubSessionView };
  logout: { reply: null };
  me: { reply: HubMe };
  users: { reply: HubUserView[] };
  createUser: { body: In<typeof NewHubUserPayload>; reply: HubUserView };
  setUserState: { body: In<typeof HubUserStatePayload>; reply: HubUserView };

  /** The status board, as the socket's `hub:snapshot` has it (a manager's: their centre only). */
  status: { reply: HubSnapshot };
  createCentre: { body: In<typeof NewCentrePayload>; reply: { code: string; name: string; level: 'province' | 'commune' } };
  /** Shown once: the centre's technician types it in with `--centre-code`. */
  makeJoinCode: { reply: JoinCodeView };
  revokeCentre: { reply: null };

  catalogueDraft: { reply: CatalogueDraftView };
  /** The file is JSON or CSV, told by `format` or else by the file's `name` and content. */
  importCatalogue: {
    upload: true;
    query: { name?: string; format?: 'csv' | 'json' };
    reply: CatalogueDraftView;
    problems: CatalogueProblemView;
  };
  setDraftFee: { body: In<typeof DraftFeePayload>; reply: CatalogueDraftView };
  publishCatalogue: { body: In<typeof PublishPayload>; reply: { version: number; draft: CatalogueDraftView } };

  report: { query: ReportQuery; reply: HubReportView };
  /** `decimal: 'comma'`: numbers like 12,5 between semicolons, for Excel with Vietnamese settings. */
  reportCsv: { query: ReportQuery & { decimal?: 'comma' }; reply: FileReply };

  webhooks: { reply: WebhookView[] };
  /** The secret is shown once, here. */
  createWebhook: { body: In<typeof NewWebhookPayload>; reply: { webhook: WebhookView; secret: string } };
  disableWebhook: { reply: null };
  webhookDeliveries: { query: { limit?: number; webhook?: string }; reply: DeliveryView[] };
  retryDelivery: { reply: null };
  machineTokens: { reply: MachineTokenView[] };
  /** The token is shown once, here. */
  createMachineToken: { body: In<typeof NewMachineTokenPayload>; reply: { token: string; view: MachineTokenView } };
  revokeMachineToken: { reply: null };
}

export type HubRouteName = keyof HubRouteTypes;
