import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../protocol/site-config.ts';
import { TestServer } from '../support/test-server.ts';
import { writePastDay } from './admin-support.ts';

async function backupOf(server: TestServer, admin: string): Promise<Buffer> {
  const res = await fetch(`${server.url}/api/backup`, { headers: { authorization: `Bearer ${admin}` } });
  expect(res.headers.get('content-type')).toBe('application/gzip');
  return Buffer.from(await res.arrayBuffer());
}

async function restore(server: TestServer, admin: string, body: Buffer) {
  const res = await fetch(`${server.url}/api/backup/restore`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/gzip' },
    body: new Uint8Array(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; value?: { files: number }; error?: { message: string }; problems?: string[] },
  };
}

async function centreName(server: TestServer, admin: string): Promise<string> {
  const r = await server.request<SiteConfig>('GET', '/api/config', undefined, admin);
  if (!r.body.ok) throw new Error(r.body.error.code);
  return r.body.value.centre.name.vi;
}

async function rename(server: TestServer, admin: string, vi: string): Promise<void> {
  const r = await server.request<SiteConfig>('GET', '/api/config', undefined, admin);
  if (!r.body.ok) throw new Error(r.body.error.code);
  await server.request('PUT', '/api/config/centre', { ...r.body.value.centre, name: { ...r.body.value.centre.name, vi } }, admin);
}

describe('admin API: backup and restore', () => {
  const dirs: string[] = [];
  const servers: TestServer[] = [];
  const start = async (dataDir: string) => {
    const s = await TestServer.start({ dataDir });
    servers.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it('restores a downloaded backup at the next start, keeping the old data aside', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-backup-'));
    dirs.push(dataDir);
    await writePastDay(dataDir, '2026-11-20', 40);
    const first = await start(dataDir);
    const admin = await first.adminToken();
    await rename(first, admin, 'Trung tâm trước sao lưu');
    const backup = await backupOf(first, admin);
    const files = (JSON.parse(gunzipSync(backup).toString('utf8')) as { files: Array<{ path: string }> }).files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['site.json', 'auth.json', 'catalogue.json', 'audit.jsonl', 'journal/2026-11-20.jsonl']));

    await rename(first, admin, 'Tên đổi sau sao lưu');
    const staged = await restore(first, admin, backup);
    expect(staged.status).toBe(200);
    expect(staged.body.value?.files).toBe(files.length);
    // Nothing changes until the restart.
    expect(await centreName(first, admin)).toBe('Tên đổi sau sao lưu');
    await first.close();
    servers.splice(0);

    const second = await start(dataDir);
    const again = await second.login('admin', 'admin-password-1');
    expect(await centreName(second, again)).toBe('Trung tâm trước sao lưu');
    expect((await readdir(dataDir)).some((n) => n.startsWith('before-restore-'))).toBe(true);
    const report = await second.request<{ total: { issued: number } }>(
      'GET',
      '/api/reports?from=2026-11-20&to=2026-11-20',
      undefined,
      again,
    );
    expect(report.body.ok && report.body.value.total.issued).toBeGreaterThan(30);
  });

  it('refuses a backup with a broken file and stages nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-backup-'));
    dirs.push(dataDir);
    await writePastDay(dataDir, '2026-11-20', 10);
    const server = await start(dataDir);
    const admin = await server.adminToken();
    const bundle = JSON.parse(gunzipSync(await backupOf(server, admin)).toString('utf8')) as {
      files: Array<{ path: string; content: string }>;
    };
    const site = bundle.files.find((f) => f.path === 'site.json')!;
    const config = JSON.parse(site.content) as { services: Array<{ numberEnd: number }> };
    config.services[0]!.numberEnd = -5;
    site.content = JSON.stringify(config);
    const journal = bundle.files.find((f) => f.path === 'journal/2026-11-20.jsonl')!;
    journal.content = journal.content.replace(/\n[^\n]+\n$/, '\n{"seq": broken\n');
    const refused = await restore(server, admin, gzipSync(JSON.stringify(bundle)));
    expect(refused.status).toBe(422);
    expect(refused.body.problems?.some((p) => p.startsWith('site.json: services.0.numberEnd'))).toBe(true);
    expect(refused.body.problems?.some((p) => p.startsWith('journal/2026-11-20.jsonl: damaged'))).toBe(true);
    expect((await restore(server, admin, Buffer.from('not a backup'))).status).toBe(422);
    expect(await readdir(dataDir)).not.toContain('restore-pending');
  });
});
