import { mkdir, readdir, readFile, rename, rm, writeFile, access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as v from 'valibot';
import { SiteConfigSchema } from '../../protocol/site-config.ts';
import { validateCatalogueData } from '../catalogue/import.ts';
import { describeIssues } from '../store/site-store.ts';
import { recoverJournal } from '../store/journal-recovery.ts';

/**
 * A backup is the data directory as one gzipped JSON bundle: every file that is the truth
 * (site config, catalogue, users and devices, audit log, journals, day snapshots). Caches are
 * left out: they are rebuilt. The bundle holds password hashes and the link-signing secret,
 * so only an admin may download it.
 */
const BundleSchema = v.object({
  format: v.literal('motcua-backup'),
  version: v.literal(1),
  createdAt: v.number(),
  files: v.array(v.object({ path: v.string(), content: v.string() })),
});
export type BackupBundle = v.InferOutput<typeof BundleSchema>;

const AuthFileSchema = v.object({
  version: v.literal(1),
  secret: v.pipe(v.string(), v.minLength(16)),
  users: v.array(
    v.object({ id: v.string(), username: v.string(), name: v.string(), role: v.picklist(['clerk', 'admin']), passwordHash: v.string() }),
  ),
  devices: v.array(v.object({ id: v.string(), kind: v.string(), name: v.string(), tokenHash: v.string() })),
  sessions: v.array(v.unknown()),
});

const topFiles = ['site.json', 'catalogue.json', 'auth.json', 'audit.jsonl'];
const journalFile = /^journal\/\d{4}-\d{2}-\d{2}\.jsonl$/;
const snapshotFile = /^snapshots\/\d{4}-\d{2}-\d{2}\.json$/;
const pendingDir = 'restore-pending';
/** A gzipped bundle larger than this is not one of ours (years of journals fit well below). */
export const maxBackupBytes = 512 * 1024 * 1024;

/** Reads the data directory into a gzipped bundle. */
export async function makeBackup(dataDir: string, now: number): Promise<Buffer> {
  const paths = [...topFiles];
  for (const [dir, pattern] of [
    ['journal', journalFile],
    ['snapshots', snapshotFile],
  ] as const) {
    for (const name of (await readdir(join(dataDir, dir)).catch(() => [] as string[])).sort()) {
      if (pattern.test(`${dir}/${name}`)) paths.push(`${dir}/${name}`);
    }
  }
  const files: BackupBundle['files'] = [];
  for (const path of paths) {
    const content = await readFile(join(dataDir, path), 'utf8').catch(() => null);
    if (content !== null) files.push({ path, content });
  }
  const bundle: BackupBundle = { format: 'motcua-backup', version: 1, createdAt: now, files };
  return gzipSync(JSON.stringify(bundle));
}

/** Every problem of a bundle, each with the file it is in; an empty list means it may be restored. */
export function checkBackup(gzipped: Buffer): { ok: true; bundle: BackupBundle } | { ok: false; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(gunzipSync(gzipped, { maxOutputLength: maxBackupBytes * 8 }).toString('utf8'));
  } catch {
    return { ok: false, problems: ['not a motcua backup (gzipped JSON expected)'] };
  }
  const parsed = v.safeParse(BundleSchema, raw);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.issues) };
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of parsed.output.files) {
    if (seen.has(f.path)) problems.push(`${f.path}: appears twice`);
    seen.add(f.path);
    problems.push(...checkFile(f.path, f.content).map((p) => `${f.path}: ${p}`));
  }
  for (const required of ['site.json', 'auth.json']) if (!seen.has(required)) problems.push(`${required}: missing`);
  return problems.length ? { ok: false, problems } : { ok: true, bundle: parsed.output };
}

function checkFile(path: string, content: string): string[] {
  if (journalFile.test(path)) {
    const { events, damage } = recoverJournal(Buffer.from(content, 'utf8'));
    if (damage) return [`damaged at line ${damage.line} (${damage.reason})`];
    return events.every((e) => e.seq >= 1) ? [] : ['bad event sequence'];
  }
  let data: unknown;
  if (path === 'audit.jsonl') return content.split('\n').every((l) => !l.trim() || isJson(l)) ? [] : ['a line is not JSON'];
  try {
    data = JSON.parse(content);
  } catch {
    return ['not JSON'];
  }
  if (path === 'site.json') {
    const r = v.safeParse(SiteConfigSchema, data);
    return r.success ? [] : describeIssues(r.issues);
  }
  if (path === 'catalogue.json') {
    const r = validateCatalogueData(data);
    return r.ok ? [] : [`${r.problems.length} catalogue problems (first: ${r.problems[0]?.key})`];
  }
  if (path === 'auth.json') {
    const r = v.safeParse(AuthFileSchema, data);
    return r.success ? [] : describeIssues(r.issues);
  }
  if (snapshotFile.test(path)) {
    const s = data as { day?: unknown; seq?: unknown; tickets?: unknown };
    return s && typeof s.day === 'string' && Number.isInteger(s.seq) && Array.isArray(s.tickets) ? [] : ['not a day snapshot'];
  }
  return ['not a file a backup may hold'];
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a checked bundle beside the data, marked ready last. Nothing in use is touched: the
 * running server keeps today's journal open, so the restore takes effect at the next start.
 */
export async function stageRestore(dataDir: string, bundle: BackupBundle): Promise<void> {
  const dir = join(dataDir, pendingDir);
  await rm(dir, { recursive: true, force: true });
  for (const f of bundle.files) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.content);
  }
  await writeFile(join(dir, 'ready.json'), JSON.stringify({ createdAt: bundle.createdAt, files: bundle.files.length }));
}

/**
 * At start-up, before any store opens: moves the current data aside (`before-restore-<time>/`)
 * and the staged backup into place. A half-staged restore (no `ready.json`) is ignored.
 */
export async function applyPendingRestore(dataDir: string, now: number): Promise<boolean> {
  const dir = join(dataDir, pendingDir);
  if (
    !(await access(join(dir, 'ready.json')).then(
      () => true,
      () => false,
    ))
  )
    return false;
  const aside = join(dataDir, `before-restore-${now}`);
  await mkdir(aside, { recursive: true });
  for (const name of [...topFiles, 'journal', 'snapshots', 'report-days']) {
    await rename(join(dataDir, name), join(aside, name)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
  await rm(join(dir, 'ready.json'));
  for (const name of await readdir(dir)) await rename(join(dir, name), join(dataDir, name));
  await rm(dir, { recursive: true, force: true });
  return true;
}
