import * as v from 'valibot';
import type { CentreLive } from './centre-status.ts';

/**
 * A centre's identity at the hub. The province admin enters a centre (code and name) and makes a
 * one-time join code; the centre's box redeems it once and keeps the centre token it gets, the
 * way a kiosk is paired. The hub can revoke a centre: its token stops working at once.
 */

/** A centre's code, e.g. the administrative unit code `26734` or `TTHCC-HN`; upper case. */
export const CentreCode = v.pipe(
  v.string(),
  v.trim(),
  v.toUpperCase(),
  v.regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'expected 2–32 letters, digits or -'),
);

export const NewCentrePayload = v.strictObject({
  code: CentreCode,
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  level: v.picklist(['province', 'commune']),
});

/** Join codes are read out over the phone: twelve letters and digits without look-alikes, grouped by four. */
export const JoinCode = v.pipe(
  v.string(),
  v.trim(),
  v.toUpperCase(),
  v.regex(/^[A-Z2-9]{4}-?[A-Z2-9]{4}-?[A-Z2-9]{4}$/, 'expected XXXX-XXXX-XXXX'),
);

/** `POST /api/hub/v1/join`, from the centre's box. */
export const JoinPayload = v.strictObject({ centreCode: CentreCode, joinCode: JoinCode });

export interface JoinReceipt {
  /** The centre token: sent as `Authorization: Bearer cen_…` on every later call. */
  token: string;
  centre: { code: string; name: string; level: 'province' | 'commune' };
}

/** A join code as the province admin sees it once, right after making it. */
export interface JoinCodeView {
  code: string;
  expiresAt: number;
}

/** How the hub hears from a centre: recently, not for a while, never, or no more. */
export type CentreLinkState = 'online' | 'stale' | 'never' | 'revoked';

/** A centre on the province's status board. */
export interface CentreView {
  code: string;
  name: string;
  level: 'province' | 'commune';
  createdAt: number;
  joinedAt: number | null;
  revokedAt: number | null;
  /** An unused join code's expiry, while there is one. */
  joinCodeExpiresAt: number | null;
  link: CentreLinkState;
  /** When the hub last heard from the centre (status or events). */
  lastContactAt: number | null;
  /** The last status the centre reported, as it was then. */
  live: CentreLive | null;
  /** The newest event the hub holds from the centre: its time, and the day and seq it has reached. */
  received: { lastEventAt: number | null; day: string | null; seq: number };
}

/** What the province's status board gets on subscribe and after every change. */
export interface HubSnapshot {
  serverTime: number;
  centres: CentreView[];
}
