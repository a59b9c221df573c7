import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from '../support/test-server.ts';
import { writePastDay } from './admin-support.ts';
import { downloadBackup, issueTickets, restoredFiles, restoreStatus, tar, uploadBackup } from './backup-support.ts';

/** The backup of a small centre, read with the tools a technician has, and refused when it is not whole. */
describe('backup archive', () => {
  let server: TestServer;
  let dataDir: string;
  let admin: string;
  let backup: Buffer;
  let work: string;
  let unchanged: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'motcua-archive-'));
    work = await mkdtemp(join(tmpdir(), 'motcua-archive-work-'));
    await writePastDay(dataDir, '2026-11-19', 30, 3);
    await writePastDay(dataDir, '2026-11-20', 40, 4);
    server = await TestServer.start({ dataDir });
    admin = await server.adminToken();
    await issueTickets(server, admin, 3);
    backup = (await downloadBackup(server, admin)).bytes;
    await writeFile(join(work, 'backup.tar.gz'), backup);
    unchanged = await restoredFiles(dataDir);
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  /** Unpacks the backup with `tar` into a new folder; returns the backup's folder in it. */
  const extracted = async (): Promise<string> => {
    const into = await mkdtemp(join(work, 'x-'));
    await tar(['-xzf', join(work, 'backup.tar.gz'), '-C', into]);
    const [folder] = await readdir(into);
    return join(into, folder!);
  };
  /** Packs a folder with `tar`, as a technician would repack one. */
  const packed = async (folder: string, options: string[] = []): Promise<Buffer> => {
    const out = join(
      work,
      `${createHash('sha1')
        .update(folder + options.join())
        .digest('hex')}.tar.gz`,
    );
    await tar(['-czf', out, ...options, '-C', join(folder, '..'), folder.split('/').at(-1)!]);
    return readFile(out);
  };
  const sumsWith = async (folder: string, name: string) => {
    const sums = await readFile(join(folder, 'SHA256SUMS'), 'utf8');
    const sha = createHash('sha256')
      .update(await readFile(join(folder, name)))
      .digest('hex');
    await writeFile(join(folder, 'SHA256SUMS'), sums.replace(new RegExp(`^[0-9a-f]{64}  ${name}$`, 'm'), `${sha}  ${name}`));
  };
  /** Uploads bytes that must be refused; checks nothing was staged or changed, returns the problems. */
  const refusal = async (bytes: Buffer, lang = 'en') => {
    const r = await uploadBackup(server, admin, bytes, lang);
    expect(r.status).toBe(422);
    if (r.body.ok) throw new Error('accepted');
    expect(r.body.error.code).toBe('admin:backup.refused');
    expect(await restoreStatus(server, admin)).toMatchObject({ state: 'none' });
    expect((await readdir(dataDir)).filter((n) => n.startsWith('restore-'))).toEqual([]);
    expect(await restoredFiles(dataDir)).toMatchObject(unchanged);
    return (r.body.problems ?? []).map((p) => ({ code: p.code, file: p.file, message: p.message }));
  };

  it('is a tar.gz that tar lists and extracts, every file as the data directory holds it', async () => {
    const names = (await tar(['-tzf', join(work, 'backup.tar.gz')])).trim().split('\n');
    const inFolder = names.map((n) => n.slice(n.indexOf('/') + 1));
    expect(names[0]).toMatch(/^motcua-backup-\d{4}-\d{2}-\d{2}-\d{4}\/$/);
    expect(inFolder[1]).toBe('motcua-backup.json');
    expect(inFolder.at(-1)).toBe('SHA256SUMS');
    expect(inFolder).toEqual(
      expect.arrayContaining([
        'site.json',
        'catalogue.json',
        'auth.json',
        'audit.jsonl',
        'journal/2026-11-19.jsonl',
        'journal/2026-11-20.jsonl',
      ]),
    );
    const folder = await extracted();
    // The technician's own check of every file against SHA256SUMS.
    for (const line of (await readFile(join(folder, 'SHA256SUMS'), 'utf8')).trim().split('\n')) {
      const [sha, name] = line.split('  ') as [string, string];
      expect(
        createHash('sha256')
          .update(await readFile(join(folder, name)))
          .digest('hex'),
        name,
      ).toBe(sha);
    }
    expect(await restoredFiles(folder)).toMatchObject(
      Object.fromEntries(Object.entries(unchanged).filter(([path]) => !path.startsWith('snapshots/'))),
    );
    const auth = JSON.parse(await readFile(join(folder, 'auth.json'), 'utf8')) as { sessions: unknown[]; users: unknown[] };
    expect(auth.sessions).toEqual([]);
    expect(auth.users).toHaveLength(1);
    expect(JSON.parse(await readFile(join(folder, 'motcua-backup.json'), 'utf8'))).toMatchObject({
      format: 'motcua-backup',
      version: 2,
      firstDay: '2026-11-19',
    });
  });

  it('accepts the backup repacked by GNU tar, in its own format and in pax', async () => {
    for (const options of [[], ['--format=pax'], ['--format=ustar']]) {
      const r = await uploadBackup(server, admin, await packed(await extracted(), options));
      expect(r.status, options.join()).toBe(200);
      expect(r.body.ok && r.body.value.ticketsAfterBackup).toBe(0);
      expect((await server.request('DELETE', '/api/backup/restore', undefined, admin)).status).toBe(200);
    }
  });

  it('lists every problem of a damaged backup, each with its file, in the admin language', async () => {
    const folder = await extracted();
    const site = JSON.parse(await readFile(join(folder, 'site.json'), 'utf8')) as { services: Array<{ numberEnd: number }> };
    site.services[0]!.numberEnd = -5;
    await writeFile(join(folder, 'site.json'), JSON.stringify(site));
    await sumsWith(folder, 'site.json');
    const journal = await readFile(join(folder, 'journal/2026-11-19.jsonl'), 'utf8');
    await writeFile(join(folder, 'journal/2026-11-19.jsonl'), journal.replace(/\n[^\n]+\n$/, '\n{"seq": broken\n'));
    const auth = JSON.parse(await readFile(join(folder, 'auth.json'), 'utf8')) as { users: Array<{ role: string }> };
    for (const u of auth.users) u.role = 'clerk';
    await writeFile(join(folder, 'auth.json'), JSON.stringify(auth));
    await sumsWith(folder, 'auth.json');
    await writeFile(join(folder, 'notes.txt'), 'a technician was here');
    const problems = await refusal(await packed(folder));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'admin:backup.problem.invalid_value', file: 'site.json' }),
        expect.objectContaining({ code: 'admin:backup.problem.checksum_mismatch', file: 'journal/2026-11-19.jsonl' }),
        expect.objectContaining({ code: 'admin:backup.problem.no_admin', file: 'auth.json' }),
        expect.objectContaining({ code: 'admin:backup.problem.unexpected_file' }),
      ]),
    );
    expect(problems.find((p) => p.file === 'site.json')?.message).toMatch(/^site\.json: services\.0\.numberEnd/);
    const vi = await refusal(await packed(folder), 'vi');
    expect(vi.find((p) => p.code.endsWith('no_admin'))?.message).toMatch(/không có tài khoản quản trị/);
  });

  it('refuses links and names that would leave the backup folder, writing nothing outside it', async () => {
    const folder = await extracted();
    await symlink('/etc/passwd', join(folder, 'catalogue.json.link'));
    await writeFile(join(folder, 'escape.json'), '{}');
    // -P keeps the `..` that tar would otherwise strip from the renamed member.
    const problems = await refusal(await packed(folder, ['-P', '--transform=s,/escape\\.json$,/../../escape.json,']));
    expect(problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['admin:backup.problem.entry_type', 'admin:backup.problem.unsafe_name']),
    );
    for (const where of [dataDir, join(dataDir, '..'), join(dataDir, '../..')]) {
      expect(await readFile(join(where, 'escape.json')).catch(() => null), where).toBeNull();
    }
  });

  it('refuses a cut-off download, a file that is not a backup, and the old one-file backup', async () => {
    expect((await refusal(backup.subarray(0, Math.floor(backup.length / 2)))).map((p) => p.code)).toEqual([
      'admin:backup.problem.truncated',
    ]);
    expect((await refusal(Buffer.from('not a backup at all'))).map((p) => p.code)).toEqual(['admin:backup.problem.not_gzip']);
    expect((await refusal(gzipSync('just some gzipped text, no tar'))).map((p) => p.code)).toEqual(['admin:backup.problem.not_tar']);
    const oldBundle = gzipSync(JSON.stringify({ format: 'motcua-backup', version: 1, createdAt: 1, files: [] }));
    const old = await refusal(oldBundle);
    expect(old.map((p) => p.code)).toEqual(['admin:backup.problem.old_format']);
    expect(old[0]?.message).toMatch(/older motcua/);
  });

  it('refuses a backup without its description or its checksums', async () => {
    const folder = await extracted();
    await rm(join(folder, 'motcua-backup.json'));
    await rm(join(folder, 'SHA256SUMS'));
    const problems = await refusal(await packed(folder));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'admin:backup.problem.missing_file', file: 'motcua-backup.json' }),
        expect.objectContaining({ code: 'admin:backup.problem.missing_file', file: 'SHA256SUMS' }),
      ]),
    );
  });
});
