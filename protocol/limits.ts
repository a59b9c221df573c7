import * as v from 'valibot';

const Count = (min: number, max: number, fallback: number) =>
  v.optional(v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max)), fallback);
/** A token bucket: this many at once, then `perSecond` (or `perMinute`) more as time passes. */
const Rate = (burst: number, perSecond: number) =>
  v.optional(
    v.strictObject({
      burst: Count(1, 10_000, burst),
      perSecond: v.optional(v.pipe(v.number(), v.minValue(0.01), v.maxValue(10_000)), perSecond),
    }),
    {},
  );

/**
 * What one client may ask of the server, so that nobody on the network (a phone on the guest
 * Wi-Fi, a broken script) can slow ticket issuing down (docs/network.md explains each one).
 * Every field has a default that suits a centre of any size; a technician may tighten them.
 * Objects are strict: a misspelt field (`perMinutes`) would otherwise be dropped in silence and
 * its limit left at the default while the admin believes it changed.
 */
export const LimitsSchema = v.strictObject({
  /** Numbers one kiosk may take in a row (a family together), then how many a minute. */
  kioskIssue: v.optional(v.strictObject({ burst: Count(1, 100, 6), perMinute: Count(1, 600, 6) }), {}),
  /** Wrong passwords, pairing codes and set-up links before the caller has to wait. */
  signIn: v.optional(
    v.strictObject({
      /** Wrong attempts from one address (any account) within the window. */
      failuresPerAddress: Count(1, 1000, 10),
      /** Wrong passwords for one account (from any address) within the window. */
      failuresPerAccount: Count(1, 1000, 10),
      windowMinutes: Count(1, 1440, 15),
    }),
    {},
  ),
  /**
   * Password hashing (scrypt) runs on the thread pool the journal's writes use: at most this
   * many at once, this many more waiting; sign-ins beyond that are refused for a moment.
   */
  hashing: v.optional(v.strictObject({ concurrent: Count(1, 4, 1), queued: Count(0, 1000, 8) }), {}),
  /** Requests and socket events from a caller without an account, and to public routes and events. */
  requests: v.optional(
    v.strictObject({
      /** Per Socket.IO connection. */
      perConnection: Rate(20, 5),
      /** Per address: HTTP requests, new connections and socket events together (a room of screens behind one NAT shares it). */
      perAddress: Rate(600, 60),
    }),
    {},
  ),
  /** Request bodies, checked before they are read. */
  bodies: v.optional(
    v.strictObject({
      /** Public routes (sign-in, pairing, set-up): a user name and password fit in far less. */
      publicKb: Count(1, 1024, 8),
      /** Staff routes' JSON (a centre's configuration, a procedure). */
      jsonKb: Count(16, 65_536, 1024),
      /** A catalogue file to import (admins only; it is read whole). A backup to restore is streamed to disk and checked by its own limits. */
      catalogueMb: Count(1, 1024, 32),
    }),
    {},
  ),
  /**
   * A paired device not heard from for this many days of the server running loses its token and is
   * paired again; 0 keeps tokens for ever. Time switched off and clock steps do not count (DeviceSilence).
   */
  deviceIdleDays: Count(0, 3650, 60),
});

export type Limits = v.InferOutput<typeof LimitsSchema>;
export type LimitsInput = v.InferInput<typeof LimitsSchema>;

/** Every limit at its default: what a site config without `limits` runs with. */
export function defaultLimits(): Limits {
  return v.parse(LimitsSchema, {});
}

/** The values a limit may take. */
export interface LimitRange {
  min: number;
  max: number;
  integer: boolean;
}

/**
 * Each limit's allowed values by its path (`kioskIssue.perMinute`), read from the schema
 * itself, so the admin page can never show other bounds than the server checks.
 */
export function limitRanges(): Record<string, LimitRange> {
  const ranges: Record<string, LimitRange> = {};
  const walk = (schema: unknown, path: string): void => {
    const s = schema as {
      wrapped?: unknown;
      entries?: Record<string, unknown>;
      pipe?: ReadonlyArray<{ type: string; requirement?: unknown }>;
    };
    if (s.wrapped) walk(s.wrapped, path);
    else if (s.entries) for (const [key, entry] of Object.entries(s.entries)) walk(entry, path ? `${path}.${key}` : key);
    else {
      const actions = s.pipe ?? [];
      const requirement = (type: string) => Number(actions.find((a) => a.type === type)?.requirement);
      ranges[path] = { min: requirement('min_value'), max: requirement('max_value'), integer: actions.some((a) => a.type === 'integer') };
    }
  };
  walk(LimitsSchema, '');
  return ranges;
}
