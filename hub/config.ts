import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import type { LogLevel } from '../server/log.ts';

/**
 * The hub's settings: each from a flag, else a `MOTCUA_HUB_*` environment variable, else the
 * default; validated once. Nothing else in the hub reads `process.env`.
 */
export interface HubSettings {
  /** Defaults to 8090. */
  readonly port: number;
  /** Defaults to all interfaces: centres reach the hub over the province's network. */
  readonly host: string;
  /** Where the embedded PostgreSQL keeps its files (when no database URL is given). Defaults to `./var-hub`. */
  readonly dataDir: string;
  /** A `postgres://` URL of the province's PostgreSQL server; null runs the embedded one in the data dir. */
  readonly databaseUrl: string | null;
  readonly logLevel: LogLevel;
}

const SettingsSchema = v.object({
  port: v.pipe(v.unknown(), v.transform(Number), v.number(), v.integer(), v.minValue(0), v.maxValue(65535)),
  host: v.pipe(v.string(), v.minLength(1)),
  dataDir: v.pipe(v.string(), v.minLength(1)),
  databaseUrl: v.optional(v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\/\S+$/, 'expected postgres://user:password@host:port/database'))),
  logLevel: v.picklist(['debug', 'info', 'warn', 'error', 'silent']),
});

export class HubSettingsError extends Error {}

export function resolveHubSettings(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): HubSettings {
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        database: { type: 'string' },
        'log-level': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (e) {
    throw new HubSettingsError((e as Error).message);
  }
  const parsed = v.safeParse(SettingsSchema, {
    port: flags.port ?? env.MOTCUA_HUB_PORT ?? 8090,
    host: flags.host ?? env.MOTCUA_HUB_HOST ?? '0.0.0.0',
    dataDir: flags['data-dir'] ?? env.MOTCUA_HUB_DATA_DIR ?? './var-hub',
    databaseUrl: flags.database ?? env.MOTCUA_HUB_DATABASE,
    logLevel: flags['log-level'] ?? env.MOTCUA_LOG_LEVEL ?? 'info',
  });
  if (!parsed.success) {
    throw new HubSettingsError(parsed.issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`).join('; '));
  }
  const s = parsed.output;
  return Object.freeze({
    port: s.port,
    host: s.host,
    dataDir: resolve(s.dataDir),
    databaseUrl: s.databaseUrl ?? null,
    logLevel: s.logLevel,
  });
}
