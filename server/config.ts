import { describeIssue } from '../protocol/schema-issues.ts';
import { JoinCode } from '../protocol/hub/centres.ts';
import { isAddressOrRange } from '../protocol/site-config.ts';
import { accessSync, constants, statSync } from 'node:fs';
import { homedir, networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import type { LogLevel } from './log.ts';

/**
 * Runtime settings. Each is resolved from a CLI flag, then a `MOTCUA_*` environment variable,
 * then the `server` section of the site config file, then a default; validated once.
 * Nothing else reads `process.env`.
 */
export interface Settings {
  /** Defaults to 8080. */
  readonly port: number;
  /** Defaults to all interfaces, so kiosks and displays on the LAN can reach it. */
  readonly host: string;
  /** Where all runtime data lives. Defaults to {@link defaultDataDir}, never the working directory. */
  readonly dataDir: string;
  /** The address printed on tickets' QR codes. Defaults to this machine's LAN address. */
  readonly publicUrl: string;
  readonly logLevel: LogLevel;
  /** Demo mode: numbers are handed out at any hour. Defaults to false. */
  readonly alwaysOpen: boolean;
  /**
   * The first ticket printer, used only when the data directory has no `printers.json` yet: a
   * serial path, a USB printer-class device (`/dev/usb/lp0`) or `tcp://host:port`; none means
   * the virtual printer. Later changes are made in Admin → Máy in.
   */
  readonly printerPath: string | null;
  /** HTTPS with this certificate chain and key (PEM file paths); null serves plain HTTP. Defaults to null. */
  readonly tls: { readonly certPath: string; readonly keyPath: string } | null;
  /**
   * Reverse proxies (addresses or CIDR ranges) whose `X-Forwarded-For` and `X-Forwarded-Proto`
   * are believed; from anyone else those headers are ignored. Defaults to none.
   */
  readonly trustedProxies: readonly string[];
  /** The province hub this centre ships its journal to and pulls its catalogue from; null: a centre on its own. */
  readonly hub: HubLinkSettings | null;
}

/** How a centre reaches its province hub (`--hub URL --centre-code CODE`). */
export interface HubLinkSettings {
  readonly url: string;
  /** This centre's code at the hub, as the province admin entered it. */
  readonly centreCode: string;
  /** A one-time join code to redeem at start when the centre has not joined yet. */
  readonly joinCode: string | null;
  /** Events per request when shipping the journal; smaller suits a slow link. Defaults to 500. */
  readonly batchEvents: number;
  /** How often the centre reports its status to the hub, in seconds. Defaults to 15. */
  readonly statusSeconds: number;
}

const SettingsSchema = v.object({
  port: v.pipe(v.unknown(), v.transform(Number), v.number(), v.integer(), v.minValue(0), v.maxValue(65535)),
  host: v.pipe(v.string(), v.minLength(1)),
  dataDir: v.pipe(v.string(), v.minLength(1)),
  publicUrl: v.optional(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//))),
  logLevel: v.picklist(['debug', 'info', 'warn', 'error', 'silent']),
  alwaysOpen: v.pipe(
    v.unknown(),
    v.transform((x) => x === true || x === 'true' || x === '1'),
    v.boolean(),
  ),
  printerPath: v.optional(v.pipe(v.string(), v.minLength(1))),
  tlsCert: v.optional(v.pipe(v.string(), v.minLength(1))),
  tlsKey: v.optional(v.pipe(v.string(), v.minLength(1))),
  trustedProxies: v.pipe(
    v.union([v.string(), v.array(v.string())]),
    v.transform((x) => (typeof x === 'string' ? x.split(',') : x).map((e) => e.trim()).filter((e) => e.length > 0)),
    v.array(v.pipe(v.string(), v.check(isAddressOrRange, 'trusted proxies: expected IP addresses or CIDR ranges (10.0.0.0/8)'))),
  ),
  hubUrl: v.optional(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//))),
  centreCode: v.optional(
    v.pipe(v.string(), v.toUpperCase(), v.regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'expected the centre code the hub gave')),
  ),
  hubJoinCode: v.optional(JoinCode),
  hubBatchEvents: v.pipe(v.unknown(), v.transform(Number), v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  hubStatusSeconds: v.pipe(v.unknown(), v.transform(Number), v.number(), v.integer(), v.minValue(1), v.maxValue(3600)),
});

export class SettingsError extends Error {}

/** The `server` section a site config file may carry. */
export interface FileSettings {
  port?: number;
  host?: string;
  publicUrl?: string;
  printer?: string;
  tlsCert?: string;
  tlsKey?: string;
  trustedProxies?: string[];
  hub?: { url?: string; centreCode?: string; batchEvents?: number; statusSeconds?: number };
}

export function resolveSettings(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  file: FileSettings = {},
): Settings {
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'public-url': { type: 'string' },
        'log-level': { type: 'string' },
        'always-open': { type: 'boolean' },
        printer: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'trusted-proxies': { type: 'string' },
        hub: { type: 'string' },
        'centre-code': { type: 'string' },
        'hub-join-code': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (e) {
    throw new SettingsError((e as Error).message);
  }
  const pick = (flag: unknown, envName: string, fromFile: unknown, fallback: unknown): unknown =>
    flag ?? env[envName] ?? fromFile ?? fallback;
  const raw = {
    port: pick(flags.port, 'MOTCUA_PORT', file.port, 8080),
    host: pick(flags.host, 'MOTCUA_HOST', file.host, '0.0.0.0'),
    dataDir: pick(flags['data-dir'], 'MOTCUA_DATA_DIR', undefined, undefined) ?? defaultDataDir(env),
    publicUrl: pick(flags['public-url'], 'MOTCUA_PUBLIC_URL', file.publicUrl, undefined),
    logLevel: pick(flags['log-level'], 'MOTCUA_LOG_LEVEL', undefined, 'info'),
    alwaysOpen: pick(flags['always-open'], 'MOTCUA_ALWAYS_OPEN', undefined, false),
    printerPath: pick(flags.printer, 'MOTCUA_PRINTER', file.printer, undefined),
    tlsCert: pick(flags['tls-cert'], 'MOTCUA_TLS_CERT', file.tlsCert, undefined),
    tlsKey: pick(flags['tls-key'], 'MOTCUA_TLS_KEY', file.tlsKey, undefined),
    trustedProxies: pick(flags['trusted-proxies'], 'MOTCUA_TRUSTED_PROXIES', file.trustedProxies, []),
    hubUrl: pick(flags.hub, 'MOTCUA_HUB', file.hub?.url, undefined),
    centreCode: pick(flags['centre-code'], 'MOTCUA_CENTRE_CODE', file.hub?.centreCode, undefined),
    hubJoinCode: pick(flags['hub-join-code'], 'MOTCUA_HUB_JOIN_CODE', undefined, undefined),
    hubBatchEvents: pick(undefined, 'MOTCUA_HUB_BATCH_EVENTS', file.hub?.batchEvents, 500),
    hubStatusSeconds: pick(undefined, 'MOTCUA_HUB_STATUS_SECONDS', file.hub?.statusSeconds, 15),
  };
  const parsed = v.safeParse(SettingsSchema, raw);
  if (!parsed.success) {
    throw new SettingsError(parsed.issues.map(describeIssue).join('; '));
  }
  const s = parsed.output;
  if ((s.tlsCert === undefined) !== (s.tlsKey === undefined)) {
    throw new SettingsError('HTTPS needs both a certificate (--tls-cert) and its key (--tls-key)');
  }
  const tls = s.tlsCert && s.tlsKey ? { certPath: resolve(s.tlsCert), keyPath: resolve(s.tlsKey) } : null;
  if (Boolean(s.hubUrl) !== Boolean(s.centreCode)) throw new SettingsError('--hub and --centre-code go together');
  return Object.freeze({
    port: s.port,
    host: s.host,
    dataDir: resolve(s.dataDir),
    publicUrl: (s.publicUrl ?? `${tls ? 'https' : 'http'}://${lanAddress()}:${s.port}`).replace(/\/$/, ''),
    logLevel: s.logLevel,
    alwaysOpen: s.alwaysOpen,
    printerPath: s.printerPath ?? null,
    tls,
    trustedProxies: Object.freeze(s.trustedProxies),
    hub:
      s.hubUrl && s.centreCode
        ? Object.freeze({
            url: s.hubUrl.replace(/\/$/, ''),
            centreCode: s.centreCode,
            joinCode: s.hubJoinCode ?? null,
            batchEvents: s.hubBatchEvents,
            statusSeconds: s.hubStatusSeconds,
          })
        : null,
  });
}

/** The data directory of a system install (the systemd unit's `StateDirectory`). */
export const SYSTEM_DATA_DIR = '/var/lib/motcua';

/**
 * Where the data lives when no flag or variable says: the system install's directory when it
 * exists and this user may write it, else the user's own data directory
 * (`$XDG_DATA_HOME/motcua`, by default `~/.local/share/motcua`). Never relative to the working
 * directory: replacing or moving the program's folder must not take the centre's data with it.
 */
export function defaultDataDir(env: Readonly<Record<string, string | undefined>>, systemDir = SYSTEM_DATA_DIR): string {
  if (isWritableDirectory(systemDir)) return systemDir;
  const dataHome = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(dataHome, 'motcua');
}

function isWritableDirectory(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The first non-internal IPv4 address: what a phone on the centre's Wi-Fi can reach. */
export function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return 'localhost';
}
