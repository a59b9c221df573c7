/**
 * The replies of HTTP routes that no socket event shares. The route map (`routes.ts`) names
 * the reply of every route; the server's handlers must produce it and the apps read it.
 */
import type { UserAccountView } from './admin.ts';
import type { DeviceKindName } from './commands.ts';
import type { ServerHealth } from './health.ts';
import type { SiteConfig } from './site-config.ts';
import type { ButtonLineHealth, PrinterState, Translated } from './views.ts';

/**
 * `GET /api/health`: for monitoring and the technician. `store` is `unavailable` while the
 * journal cannot be written (numbers are not issued; the server retries by itself).
 */
export interface HealthView extends ServerHealth {
  day: string;
  build: string;
  store: 'ok' | 'unavailable';
  /** The first printer's (the one staff issues print on). */
  printer: PrinterState;
}

/** `GET /api/site`: the public face of the site config, for kiosks, boards and the counter picker. */
export interface SiteInfoView {
  centre: Pick<SiteConfig['centre'], 'name' | 'level' | 'address' | 'hotline' | 'timeZone' | 'ratingScale' | 'notices'>;
  /** How boards announce calls (a board that cannot use these settings keeps its own). */
  announcement: SiteConfig['centre']['announcement'];
  /** The config fingerprint these settings belong to (compare with `DisplaySnapshot.configVersion`). */
  configVersion: string;
  /** The recorded voice pack, when there is one: boards use it for the languages it is complete in (then read its manifest). */
  voicePack: { version: string; complete: { vi: boolean; en: boolean } } | null;
  /** The enabled services. */
  services: Array<{ id: string; code: string; name: Translated }>;
  counters: Array<{ id: number; name: Translated; serviceIds: string[] }>;
}

/** A paired device as the admin lists it (never its token). */
export interface DeviceView {
  id: string;
  kind: DeviceKindName;
  name: string;
  counterId: number | null;
  pairedAt: number;
  /** Its last request or connection; epoch ms. */
  lastContactAt: number;
  revokedAt: number | null;
}

/**
 * A new session: sign-in and first-run set-up. `token` is absent when a browser app asked (the
 * `x-motcua-app` header): the token is then in that app's HttpOnly cookie, out of script's reach.
 */
export interface SessionView {
  token?: string;
  user: UserAccountView;
}

/** `GET /api/auth/me`: who this token belongs to. */
export type WhoAmIView = { user: UserAccountView } | { device: DeviceView };

export interface PairingCodeView {
  code: string;
  expiresAt: number;
}

/** A device just paired; `token` as in {@link SessionView}. */
export interface PairedDeviceView {
  token?: string;
  device: DeviceView;
}

export interface DeviceHealthView {
  serverTime: number;
  buttons: ButtonLineHealth[];
  printers: Array<{ id: string; name: string; state: PrinterState }>;
}

/** What an imported (or previewed) catalogue file holds, as the admin app shows it before and after. */
export interface CatalogueImportSummary {
  procedures: number;
  fields: number;
  /** Codes of procedures whose queue service does not exist in the site config. */
  unmapped: string[];
  format: 'json' | 'csv';
  /** How the file's bytes were read, e.g. `utf-8`, `windows-1258`, `tcvn3`, `vni`. */
  encoding: string;
  /** Procedures per field, in the file's order of fields. */
  byField: Array<{ id: string; name: string; procedures: number }>;
  /** The first procedures, as read, to check the letters before importing. */
  firstProcedures: Array<{ code: string; name: string; fieldId: string; serviceId: string }>;
}

/** A catalogue row the server refused, in the admin's language (`row` null: the file as a whole). */
export interface CatalogueProblemView {
  row: number | null;
  message: string;
}
