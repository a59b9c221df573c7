/**
 * Checks an unpacked backup file by file: every file must be the one the backup's SHA256SUMS
 * names, and every settings file must be one the server would open. Every problem is listed,
 * not the first.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as v from 'valibot';
import { PrintersSettingsSchema } from '../../protocol/printers.ts';
import { SiteConfigSchema } from '../../protocol/site-config.ts';
import { validateCatalogueData } from '../catalogue/import.ts';
import { DATA_FORMAT, DATA_FORMAT_FILE } from '../store/data-format.ts';
import { checksumsName, dayOf, manifestName, requiredFiles } from './backup-contents.ts';
import { backupFormat, BackupManifestSchema, type BackupManifest } from './backup-manifest.ts';
import type { ProblemDraft } from './backup-problems.ts';
import type { UnpackedFile } from './backup-unpack.ts';

/** The parts of `auth.json` a restored server needs: who can sign in, which devices are paired. */
export const AuthFileSchema = v.object({
  version: v.literal(1),
  secret: v.pipe(v.string(), v.minLength(16)),
  users: v.array(
    v.object({
      id: v.string(),
      username: v.string(),
      name: v.string(),
      role: v.picklist(['clerk', 'admin']),
      passwordHash: v.string(),
      disabled: v.optional(v.boolean()),
    }),
  ),
  devices: v.array(
    v.object({ id: v.string(), kind: v.string(), name: v.string(), tokenHash: v.string(), revokedAt: v.nullish(v.number()) }),
  ),
  sessions: v.array(v.unknown()),
});

/** Every problem of the unpacked files in `dir`, and the manifest when it is readable. */
export async function checkUnpacked(
  dir: string,
  files: readonly UnpackedFile[],
): Promise<{ problems: ProblemDraft[]; manifest: BackupManifest | null }> {
  const problems: ProblemDraft[] = [];
  const present = new Map(files.map((f) => [f.path, f]));
  for (const required of requiredFiles) if (!present.has(required)) problems.push({ problem: 'missing_file', file: required });
  problems.push(...(await checkSums(dir, present)));
  let manifest: BackupManifest | null = null;
  // Journals are checked by their SHA-256 alone: the server reads any journal the centre's own
  // box could (a last line torn by a power cut included, as it was there), and reading every
  // event of a long history here would hold the centre up. The preview reads the days that differ.
  for (const file of files.filter((f) => !dayOf('journal', f.path))) {
    const bytes = await readFile(join(dir, file.path));
    const found = checkFile(file.path, bytes);
    if (file.path === manifestName && found.length === 0) manifest = v.parse(BackupManifestSchema, JSON.parse(bytes.toString('utf8')));
    problems.push(...found);
    // One file's parse is short; yielding between files keeps the centre serving during a long check.
    await nextTurn();
  }
  return { problems, manifest };
}

/** `SHA256SUMS` must name exactly the files there are, each with its true hash. */
async function checkSums(dir: string, present: ReadonlyMap<string, UnpackedFile>): Promise<ProblemDraft[]> {
  if (!present.has(checksumsName)) return [];
  const listed = new Map<string, string>();
  const problems: ProblemDraft[] = [];
  for (const line of (await readFile(join(dir, checksumsName), 'utf8')).split('\n')) {
    if (!line.trim()) continue;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) {
      problems.push({ problem: 'invalid_checksums', file: checksumsName });
      continue;
    }
    listed.set(m[2]!, m[1]!);
  }
  for (const [path, sha] of listed) {
    const file = present.get(path);
    if (!file) problems.push({ problem: 'missing_file', file: path });
    else if (file.sha256 !== sha) problems.push({ problem: 'checksum_mismatch', file: path });
  }
  for (const path of present.keys())
    if (path !== checksumsName && !listed.has(path)) problems.push({ problem: 'unlisted_file', file: path });
  return problems;
}

function checkFile(path: string, bytes: Buffer): ProblemDraft[] {
  if (path === checksumsName) return [];
  const text = bytes.toString('utf8');
  if (path === 'audit.jsonl') {
    const bad = text.split('\n').findIndex((l) => l.trim() !== '' && parsed(l) === undefined);
    return bad === -1 ? [] : [{ problem: 'invalid_line', file: path, params: { line: bad + 1 } }];
  }
  const data = parsed(text);
  if (data === undefined) return [{ problem: 'invalid_json', file: path }];
  if (path === manifestName) return checkManifest(data);
  if (path === 'site.json') return issues(path, v.safeParse(SiteConfigSchema, data));
  if (path === 'printers.json') return issues(path, v.safeParse(PrintersSettingsSchema, data));
  if (path === 'auth.json') return checkAuth(data);
  if (path === DATA_FORMAT_FILE) return checkDataFormat(data);
  if (path === 'catalogue.json') {
    const r = validateCatalogueData(data);
    return r.ok ? [] : r.problems.slice(0, 20).map((p) => ({ problem: `catalogue:${p.key}`, file: path, params: p.params }));
  }
  const snapshotDay = dayOf('snapshots', path);
  const s = data as { day?: unknown; seq?: unknown; tickets?: unknown } | null;
  const isSnapshot = s !== null && typeof s === 'object' && s.day === snapshotDay && Number.isInteger(s.seq) && Array.isArray(s.tickets);
  return isSnapshot ? [] : [{ problem: 'invalid_snapshot', file: path }];
}

function checkManifest(data: unknown): ProblemDraft[] {
  const r = v.safeParse(BackupManifestSchema, data);
  if (!r.success) return issues(manifestName, r);
  if (r.output.version > backupFormat) return [{ problem: 'newer_format', file: manifestName, params: { version: r.output.motcua } }];
  if (r.output.version < backupFormat) return [{ problem: 'old_format', file: manifestName }];
  return [];
}

/** An older format is migrated when the restored server starts; a newer one it could not open, so it is refused here. */
function checkDataFormat(data: unknown): ProblemDraft[] {
  const format = (data as { format?: unknown } | null)?.format;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1)
    return [{ problem: 'invalid_data_format', file: DATA_FORMAT_FILE }];
  return format > DATA_FORMAT ? [{ problem: 'newer_data_format', file: DATA_FORMAT_FILE, params: { format, supported: DATA_FORMAT } }] : [];
}

function checkAuth(data: unknown): ProblemDraft[] {
  const r = v.safeParse(AuthFileSchema, data);
  if (!r.success) return issues('auth.json', r);
  // Without an administrator nobody could sign in, and the server would offer a set-up link to anyone.
  return r.output.users.some((u) => u.role === 'admin' && !u.disabled) ? [] : [{ problem: 'no_admin', file: 'auth.json' }];
}

function issues(file: string, r: v.SafeParseResult<v.GenericSchema>): ProblemDraft[] {
  if (r.success) return [];
  return r.issues.slice(0, 20).map((i) => {
    const where = i.path?.map((p) => String(p.key)).join('.') ?? '';
    return { problem: 'invalid_value', file, params: { detail: where ? `${where}: ${i.message}` : i.message } };
  });
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
