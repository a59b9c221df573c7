/**
 * The limits as the admin page shows them and as a refusal names them: in groups, each field
 * by its path in the site config's `limits` with the unit it counts in. Labels and units are
 * i18next keys: `admin:limits.groups.<group>.title|hint`, `admin:limits.fields.<path>`,
 * `admin:limits.units.<unit>`. A test checks that this covers every field of `LimitsSchema`.
 */
import type { Limits, LimitRange } from './limits.ts';

export type LimitUnit =
  | 'tickets'
  | 'ticketsPerMinute'
  | 'attempts'
  | 'minutes'
  | 'checks'
  | 'requests'
  | 'requestsPerSecond'
  | 'kB'
  | 'MB'
  | 'days';

export interface LimitField {
  /** Where it sits in `Limits`, dot-separated. */
  path: string;
  unit: LimitUnit;
}

export const limitGroups: ReadonlyArray<{ group: string; fields: readonly LimitField[] }> = [
  {
    group: 'kioskIssue',
    fields: [
      { path: 'kioskIssue.burst', unit: 'tickets' },
      { path: 'kioskIssue.perMinute', unit: 'ticketsPerMinute' },
    ],
  },
  {
    group: 'signIn',
    fields: [
      { path: 'signIn.failuresPerAddress', unit: 'attempts' },
      { path: 'signIn.failuresPerAccount', unit: 'attempts' },
      { path: 'signIn.windowMinutes', unit: 'minutes' },
    ],
  },
  {
    group: 'hashing',
    fields: [
      { path: 'hashing.concurrent', unit: 'checks' },
      { path: 'hashing.queued', unit: 'checks' },
    ],
  },
  {
    group: 'perConnection',
    fields: [
      { path: 'requests.perConnection.burst', unit: 'requests' },
      { path: 'requests.perConnection.perSecond', unit: 'requestsPerSecond' },
    ],
  },
  {
    group: 'perAddress',
    fields: [
      { path: 'requests.perAddress.burst', unit: 'requests' },
      { path: 'requests.perAddress.perSecond', unit: 'requestsPerSecond' },
    ],
  },
  {
    group: 'bodies',
    fields: [
      { path: 'bodies.publicKb', unit: 'kB' },
      { path: 'bodies.jsonKb', unit: 'kB' },
      { path: 'bodies.catalogueMb', unit: 'MB' },
    ],
  },
  { group: 'devices', fields: [{ path: 'deviceIdleDays', unit: 'days' }] },
];

/** The group a field belongs to; null for a path that is no limit (a misspelt field). */
export function limitGroupOf(path: string): string | null {
  return limitGroups.find((g) => g.fields.some((f) => f.path === path))?.group ?? null;
}

/** The value at a field's path. */
export function limitAt(limits: Limits, path: string): number {
  let at: unknown = limits;
  for (const key of path.split('.')) at = (at as Record<string, unknown>)[key];
  return at as number;
}

/** A `limits` object (the body of a save) from values by path. */
export function limitsFromValues(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const limits: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    let at = limits;
    for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[keys.at(-1)!] = value;
  }
  return limits;
}

/** `GET` and `PUT /api/config/limits`: the limits as saved, and what each would be by default and may be. */
export interface LimitsView {
  limits: Limits;
  defaults: Limits;
  ranges: Record<string, LimitRange>;
}

/** One refused field of a save: its path and why, in the caller's language. */
export interface LimitProblem {
  field: string;
  message: string;
}
