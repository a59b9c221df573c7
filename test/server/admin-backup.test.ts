import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrintersView } from '../../protocol/printers.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import { TestServer } from '../support/test-server.ts';
import { writePastDay } from './admin-support.ts';
import { confirmRestore, downloadBackup, issueTickets, restoredFiles, restoreStatus, tar, uploadBackup } from './backup-support.ts';

async function centreName(server: TestServer, token: string): Promise<string> {
  const r = await server.request<SiteConfig>('GET', '/api/config', undefined, token);
  if (!r.body.ok) throw new Error(r.body.error.code);
  return r.body.value.centre.name.vi;
}

async function rename(server: TestServer, token: string, vi: string): Promise<void> {
  const r = await server.request<SiteConfig>('GET', '/api/config', undefined, token);
  if (!r.body.ok) throw new Error(r.body.error.code);
  await server.request('PUT', '/api/config/centre', { ...r.body.value.centre, name: { ...r.body.value.centre.name, vi } }, token);
}

describe('admin API: backup and restore', () => {
  const dirs: string[] = [];
  const servers: TestServer[] = [];
  const start = async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-backup-'));
    dirs.push(dataDir);
    await writePastDay(dataDir, '2026-11-20', 40);
    const server = await TestServer.start({ dataDir });
    servers.push(server);
    return { server, dataDir, admin: await server.adminToken() };
  };
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it('restores a backup at once, file for file, and keeps the replaced data aside', async () => {
    const { server, dataDir, admin } = await start();
    await issueTickets(server, admin, 3);
    await rename(server, admin, 'Trung tâm khi sao lưu');
    const backup = await downloadBackup(server, admin);
    expect(backup.name).toMatch(/^motcua-backup-\d{4}-\d{2}-\d{2}-\d{4}\.tar\.gz$/);
    const atBackup = await restoredFiles(dataDir);
    expect(Object.keys(atBackup)).toEqual(expect.arrayContaining(['site.json', 'catalogue.json', 'journal/2026-11-20.jsonl']));

    const after = await issueTickets(server, admin, 4);
    await rename(server, admin, 'Tên đổi sau sao lưu');
    const beforeRestore = await restoredFiles(dataDir);
    const staged = await uploadBackup(server, admin, backup.bytes);
    if (!staged.body.ok) throw new Error(JSON.stringify(staged.body));
    // Staging changes nothing.
    expect(await centreName(server, admin)).toBe('Tên đổi sau sao lưu');
    expect(staged.body.value.settingsChanged).toContain('site');

    const restarted = server.nextRestart();
    expect((await confirmRestore(server, admin, staged.body.value.fingerprint)).status).toBe(202);
    await restarted;
    expect(await restoredFiles(dataDir)).toEqual(atBackup);
    // Sessions are not restored: everybody signs in again, with the backup's passwords.
    expect((await server.request('GET', '/api/config', undefined, admin)).status).toBe(401);
    const again = await server.login('admin', 'admin-password-1');
    expect(await centreName(server, again)).toBe('Trung tâm khi sao lưu');
    expect(server.server.ctx.engine.state.tickets.size).toBe(3);
    expect([...server.server.ctx.engine.state.tickets.values()].map((t) => t.label)).not.toContain(after[0]);

    const aside = (await readdir(dataDir)).filter((n) => n.startsWith('before-restore-'));
    expect(aside).toHaveLength(1);
    // Everything replaced is there as it was (plus the snapshot the stopping server wrote).
    expect(await restoredFiles(join(dataDir, aside[0]!))).toMatchObject(beforeRestore);
    const status = await restoreStatus(server, again);
    expect(status).toMatchObject({ state: 'none', lastRestore: { keptAside: aside[0] } });
    expect((await readdir(dataDir)).filter((n) => n.startsWith('restore-'))).toEqual([]);
  });

  it('restores the ticket printers with the rest, and the printers keep printing through the restart', async () => {
    const { server, admin } = await start();
    const backup = await downloadBackup(server, admin);
    const added = await server.request(
      'PUT',
      '/api/printers/p2',
      { name: 'Sảnh B', transport: { kind: 'virtual' }, profile: { vietnameseMode: 'codepage-cp1258' } },
      admin,
    );
    expect(added.status).toBe(200);
    const printing = server.server.ctx.printing;
    const staged = await uploadBackup(server, admin, backup.bytes);
    if (!staged.body.ok) throw new Error(JSON.stringify(staged.body));
    expect(staged.body.value.settingsChanged).toEqual(['printers']);

    const restarted = server.nextRestart();
    expect((await confirmRestore(server, admin, staged.body.value.fingerprint)).status).toBe(202);
    await restarted;
    const again = await server.login('admin', 'admin-password-1');
    const view = await server.request<PrintersView>('GET', '/api/printers', undefined, again);
    expect(view.body.ok && view.body.value.printers.map((p) => p.config.id)).toEqual(['p1']);
    // The same printers, not a second set opened on the same devices.
    expect(server.server.ctx.printing).toBe(printing);
    const test = await server.request('POST', '/api/printers/p1/test', undefined, again);
    expect(test.body).toMatchObject({ ok: true, value: { kind: 'printed', printerId: 'p1' } });
  });

  it('previews the days and the tickets written after the backup before anything is replaced', async () => {
    const { server, admin } = await start();
    await issueTickets(server, admin, 2);
    const backup = await downloadBackup(server, admin);
    const later = await issueTickets(server, admin, 5, 'land');
    await server.request(
      'POST',
      '/api/users',
      { username: 'moi', name: 'Cán bộ mới', password: 'clerk-password-1', role: 'clerk', counters: [] },
      admin,
    );
    const staged = await uploadBackup(server, admin, backup.bytes);
    if (!staged.body.ok) throw new Error(JSON.stringify(staged.body));
    const preview = staged.body.value;
    const today = server.server.ctx.engine.state.day;
    expect(preview.today).toBe(today);
    expect(preview.ticketsAfterBackup).toBe(5);
    expect(preview.days).toEqual([
      expect.objectContaining({
        day: today,
        kind: 'more_now',
        backupEvents: 2,
        currentEvents: 7,
        ticketsAfterBackup: 5,
        ticketLabels: later,
      }),
    ]);
    expect(preview.sameDays).toBe(1);
    expect(preview.accountsOnlyNow).toEqual(['Cán bộ mới (moi)']);
    expect(preview.settingsChanged).toEqual(['accounts']);
    // The status shows the same preview to an admin who comes back to the page.
    expect(await restoreStatus(server, admin)).toMatchObject({
      state: 'staged',
      preview: { ticketsAfterBackup: 5, fingerprint: preview.fingerprint },
    });
  });

  it('refuses a confirmation made against an older preview, and shows the new one', async () => {
    const { server, dataDir, admin } = await start();
    const backup = await downloadBackup(server, admin);
    const staged = await uploadBackup(server, admin, backup.bytes);
    if (!staged.body.ok) throw new Error(JSON.stringify(staged.body));
    expect(staged.body.value.ticketsAfterBackup).toBe(0);
    const [late] = await issueTickets(server, admin, 1);
    const before = await restoredFiles(dataDir);

    const stale = await confirmRestore(server, admin, staged.body.value.fingerprint);
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('admin:backup.stale');
    expect(await restoredFiles(dataDir)).toEqual(before);
    // The page shows the new preview, with the ticket issued meanwhile, and its new fingerprint.
    const status = await restoreStatus(server, admin);
    if (status.state !== 'staged') throw new Error(status.state);
    expect(status.preview).toMatchObject({ ticketsAfterBackup: 1, days: [expect.objectContaining({ ticketLabels: [late] })] });
    expect(status.preview.fingerprint).not.toBe(staged.body.value.fingerprint);

    const restarted = server.nextRestart();
    expect((await confirmRestore(server, admin, status.preview.fingerprint)).status).toBe(202);
    await restarted;
    expect(server.server.ctx.engine.state.tickets.size).toBe(0);
  });

  it('cancels a staged restore without changing anything', async () => {
    const { server, dataDir, admin } = await start();
    const backup = await downloadBackup(server, admin);
    await issueTickets(server, admin, 2);
    const before = await restoredFiles(dataDir);
    const staged = await uploadBackup(server, admin, backup.bytes);
    if (!staged.body.ok) throw new Error(JSON.stringify(staged.body));
    const cancelled = await server.request('DELETE', '/api/backup/restore', undefined, admin);
    expect(cancelled.status).toBe(200);
    expect(await restoreStatus(server, admin)).toMatchObject({ state: 'none' });
    expect((await readdir(dataDir)).filter((n) => n.startsWith('restore-'))).toEqual([]);
    const late = await confirmRestore(server, admin, staged.body.value.fingerprint);
    expect([late.status, late.body.error?.code]).toEqual([404, 'admin:backup.nothing_staged']);
    expect((await server.request('DELETE', '/api/backup/restore', undefined, admin)).status).toBe(404);
    expect(await restoredFiles(dataDir)).toEqual(before);
    const audit = await readFile(join(dataDir, 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"backup.restore_cancelled"');
  });

  it('backs up a journal being written up to its last complete line', async () => {
    const { server, dataDir, admin } = await start();
    const journal = join(dataDir, 'journal/2026-11-20.jsonl');
    const complete = await readFile(journal, 'utf8');
    // An append under way: the line is not finished yet.
    await appendFile(journal, '{"seq":41,"at":');
    const work = await mkdtemp(join(tmpdir(), 'motcua-backup-cut-'));
    dirs.push(work);
    await writeFile(join(work, 'backup.tar.gz'), (await downloadBackup(server, admin)).bytes);
    await tar(['-xzf', 'backup.tar.gz'], work);
    const [folder] = (await readdir(work)).filter((n) => n.startsWith('motcua-backup-') && !n.endsWith('.gz'));
    expect(await readFile(join(work, folder!, 'journal/2026-11-20.jsonl'), 'utf8')).toBe(complete);
  });

  it('lets only admins back up and restore', async () => {
    const { server } = await start();
    const clerk = await server.clerkToken();
    for (const [method, path] of [
      ['GET', '/api/backup'],
      ['GET', '/api/backup/restore'],
      ['POST', '/api/backup/restore'],
      ['POST', '/api/backup/restore/confirm'],
      ['DELETE', '/api/backup/restore'],
    ] as const) {
      expect((await server.request(method, path, undefined, clerk)).status, `${method} ${path}`).toBe(403);
      expect((await server.request(method, path)).status, `${method} ${path}`).toBe(401);
    }
  });
});
