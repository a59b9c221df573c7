import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import * as v from 'valibot';
import { DeviceKind } from '../../protocol/commands.ts';
import { describeIssue } from '../../protocol/schema-issues.ts';
import type { FileAlert } from '../../protocol/health.ts';
import { logger } from '../log.ts';
import { DurableJsonFile, type Validation } from '../store/durable-file.ts';
import { DamagedFileError } from '../store/damaged-file-error.ts';

const log = logger('auth');

const UserRecordSchema = v.object({
  id: v.string(),
  username: v.string(),
  name: v.string(),
  role: v.picklist(['clerk', 'admin']),
  passwordHash: v.string(),
  counters: v.array(v.number()),
  createdAt: v.number(),
  disabled: v.optional(v.boolean()),
});

const DeviceRecordSchema = v.object({
  id: v.string(),
  kind: DeviceKind,
  name: v.string(),
  counterId: v.nullable(v.number()),
  tokenHash: v.string(),
  pairedAt: v.number(),
  /** Last request or connection, kept to the hour (epoch ms); absent in files before it existed. */
  lastSeenAt: v.optional(v.number()),
  /** The same on the server's run time (see `runMs`), which its silence is counted on; absent in files before it existed. */
  seenAtRunMs: v.optional(v.number()),
  revokedAt: v.nullable(v.number()),
});

const SessionRecordSchema = v.object({ tokenHash: v.string(), userId: v.string(), expiresAt: v.number() });

const AuthDataSchema = v.object({
  version: v.literal(1),
  /** Signs ticket follow links. */
  secret: v.pipe(v.string(), v.minLength(16)),
  users: v.array(UserRecordSchema),
  devices: v.array(DeviceRecordSchema),
  /** `expiresAt` is wall time; a running server measures what is left of it on monotonic time. */
  sessions: v.array(SessionRecordSchema),
  /** How long the server has run, summed over its starts (ms, written with every change): see DeviceSilence. */
  runMs: v.optional(v.number()),
});

export type UserRecord = v.InferOutput<typeof UserRecordSchema>;
export type DeviceRecord = v.InferOutput<typeof DeviceRecordSchema>;
export type SessionRecord = v.InferOutput<typeof SessionRecordSchema>;
export type AuthData = v.InferOutput<typeof AuthDataSchema>;

function validateAuthData(raw: unknown): Validation<AuthData> {
  const parsed = v.safeParse(AuthDataSchema, raw);
  return parsed.success ? { ok: true, value: parsed.output } : { ok: false, problems: parsed.issues.map(describeIssue) };
}

export function authFile(dataDir: string): DurableJsonFile<AuthData> {
  return new DurableJsonFile(join(dataDir, 'auth.json'), validateAuthData);
}

/**
 * Reads `auth.json`, or its last good copy with an alert when it is damaged. Only a first start
 * writes (the new signing secret must be on disk before any follow link is printed); a damaged
 * file without a good copy stops the start with a message saying what to do, since starting
 * afresh would unpair every device and break the day's follow links without anyone deciding so.
 */
export async function readAuthData(file: DurableJsonFile<AuthData>, now: number): Promise<{ data: AuthData; alert: FileAlert | null }> {
  const read = await file.read();
  switch (read.kind) {
    case 'ok':
      return { data: read.value, alert: null };
    case 'previous':
      log.error('auth file damaged; started from its last good copy', { file: file.path, problem: read.problem });
      return { data: read.value, alert: { file: file.name, problem: read.problem, usedCopy: 'previous', at: now } };
    case 'damaged':
      throw new DamagedFileError(
        file.path,
        read.problem,
        'It holds the accounts and paired devices. Restore it from a backup, or move it away to start afresh (a new set-up link; every device must be paired again).',
      );
    case 'missing': {
      const fresh: AuthData = { version: 1, secret: randomBytes(32).toString('base64url'), users: [], devices: [], sessions: [] };
      await file.write(fresh);
      return { data: fresh, alert: null };
    }
  }
}
