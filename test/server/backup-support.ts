import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BackupProblem, RestorePreview, RestoreStatus } from '../../protocol/backup.ts';
import type { Result } from '../../protocol/result.ts';

const run = promisify(execFile);

/** Anything with a base URL: the in-process test server or a server process. */
export interface Reachable {
  url: string;
}

export async function downloadBackup(server: Reachable, token: string): Promise<{ bytes: Buffer; name: string | null }> {
  const res = await fetch(`${server.url}/api/backup`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`backup refused: ${res.status}`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? null;
  return { bytes: Buffer.from(await res.arrayBuffer()), name };
}

export type UploadAnswer =
  | { ok: true; value: RestorePreview }
  | { ok: false; error: { code: string; message: string }; problems?: BackupProblem[] };

export async function uploadBackup(
  server: Reachable,
  token: string,
  bytes: Buffer,
  lang = 'vi',
): Promise<{ status: number; body: UploadAnswer }> {
  const res = await fetch(`${server.url}/api/backup/restore`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip', 'accept-language': lang },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as UploadAnswer };
}

export async function restoreStatus(server: Reachable, token: string): Promise<RestoreStatus> {
  const res = await fetch(`${server.url}/api/backup/restore`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as Result<RestoreStatus>;
  if (!body.ok) throw new Error(`status refused: ${body.error.code}`);
  return body.value;
}

export async function confirmRestore(
  server: Reachable,
  token: string,
  fingerprint: string,
): Promise<{ status: number; body: { ok: boolean; error?: { code: string } } }> {
  const res = await fetch(`${server.url}/api/backup/restore/confirm`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ fingerprint }),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string } } };
}

/** Issues tickets as a signed-in admin; returns their labels. */
export async function issueTickets(server: Reachable, token: string, count: number, serviceId = 'civil-status'): Promise<string[]> {
  const labels: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId }),
    });
    const body = (await res.json()) as Result<{ ticket: { label: string } }>;
    if (!body.ok) throw new Error(`issue refused: ${body.error.code}`);
    labels.push(body.value.ticket.label);
  }
  return labels;
}

/**
 * The SHA-256 of every file a restore brings back, by path: settings, journals, snapshots.
 * (`auth.json` is left out: a backup carries it without sessions, and sign-ins change it.)
 */
export async function restoredFiles(dataDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const add = async (path: string) => {
    const bytes = await readFile(join(dataDir, path)).catch(() => null);
    if (bytes) out[path] = createHash('sha256').update(bytes).digest('hex');
  };
  for (const name of ['site.json', 'catalogue.json']) await add(name);
  for (const folder of ['journal', 'snapshots']) {
    for (const name of (await readdir(join(dataDir, folder)).catch(() => [] as string[])).sort()) {
      if (/^\d{4}-\d{2}-\d{2}\.jsonl?$/.test(name)) await add(`${folder}/${name}`);
    }
  }
  return out;
}

/** Runs the system's `tar` (GNU tar on Debian). */
export async function tar(args: string[], cwd?: string): Promise<string> {
  return (await run('tar', args, { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;
}
