/**
 * A backup is the data directory as a `.tar.gz` a technician can open with any `tar`: one folder
 * with the settings, accounts, audit log, snapshots and journals, a description of the backup
 * first and the files' SHA-256 sums last. It is streamed file by file from disk through gzip
 * (which runs off the event loop), so memory stays flat and the centre keeps serving however
 * long the history is.
 */
import { createHash, type Hash } from 'node:crypto';
import { open, readdir, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { formatClock, localMoment } from '../core/local-time.ts';
import { checksumsName, dayFileName, dayFolders, manifestName, settingsFiles } from './backup-contents.ts';
import { backupManifest, type BackupManifest } from './backup-manifest.ts';
import { tarArchive, type TarEntry } from './backup-tar-writer.ts';

const chunkBytes = 64 * 1024;

/** What the backup says about itself; the rest comes from the data directory. */
export interface BackupDescription {
  createdAt: number;
  centre: string;
  version: string;
  /** The centre's zone, for the local day and time in the backup's name. */
  timeZone: string;
}

/** Streams the backup of `dataDir` into `out` (an HTTP response, a file), gzipped. */
export async function writeBackup(dataDir: string, description: BackupDescription, out: Writable): Promise<void> {
  await pipeline(Readable.from(givingWay(tarArchive(backupEntries(dataDir, description)))), createGzip({ level: 6 }), out);
}

/**
 * Lets the rest of the server in after every megabyte: reads, hashing and gzip callbacks can
 * otherwise follow one another for tens of milliseconds while kiosks wait to issue.
 */
async function* givingWay(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let since = 0;
  for await (const chunk of chunks) {
    yield chunk;
    since += chunk.length;
    if (since >= 1 << 20) {
      since = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** The archive's folder name, which is also the download's name without `.tar.gz`: `motcua-backup-2026-11-20-0930`. */
export function backupName(createdAt: number, timeZone: string): string {
  const local = localMoment(createdAt, timeZone);
  return `motcua-backup-${local.day}-${formatClock(local.minutes).replace(':', '')}`;
}

async function* backupEntries(dataDir: string, description: BackupDescription): AsyncGenerator<TarEntry> {
  const root = backupName(description.createdAt, description.timeZone);
  const sums: string[] = [];
  const days = await listDays(dataDir);
  yield { kind: 'directory', name: root, mtimeMs: description.createdAt };
  yield text(`${root}/${manifestName}`, JSON.stringify(manifestOf(description, days.journal), null, 2), description.createdAt, sums);
  for (const name of settingsFiles) {
    const entry = await fileEntry(dataDir, name, root, sums);
    if (entry) yield entry;
  }
  for (const folder of dayFolders) {
    yield { kind: 'directory', name: `${root}/${folder}`, mtimeMs: description.createdAt };
    for (const day of days[folder]) {
      const entry = await fileEntry(dataDir, `${folder}/${dayFileName(folder, day)}`, root, sums);
      if (entry) yield entry;
    }
  }
  yield text(`${root}/${checksumsName}`, sums.join(''), description.createdAt, []);
}

function manifestOf(description: BackupDescription, journalDays: string[]): BackupManifest {
  return backupManifest({ ...description, firstDay: journalDays[0] ?? null, lastDay: journalDays.at(-1) ?? null });
}

async function listDays(dataDir: string): Promise<Record<(typeof dayFolders)[number], string[]>> {
  const out = { journal: [] as string[], snapshots: [] as string[] };
  for (const folder of dayFolders) {
    const names = await readdir(join(dataDir, folder)).catch(() => [] as string[]);
    out[folder] = names
      .filter((n) => n === dayFileName(folder, n.slice(0, 10)))
      .map((n) => n.slice(0, 10))
      .sort();
  }
  return out;
}

function text(name: string, content: string, mtimeMs: number, sums: string[]): TarEntry {
  const bytes = Buffer.from(content, 'utf8');
  sums.push(sumLine(createHash('sha256').update(bytes), name));
  return { kind: 'file', name, size: bytes.length, mtimeMs, content: [bytes] };
}

function sumLine(hash: Hash, archiveName: string): string {
  return `${hash.digest('hex')}  ${archiveName.slice(archiveName.indexOf('/') + 1)}\n`;
}

/**
 * One file as the backup takes it: opened once, so a replace by rename cannot mix two versions;
 * append-only files cut after their last complete line, since the server may be writing one.
 * Accounts go without their sign-in sessions: a restored centre signs everybody in afresh.
 */
async function fileEntry(dataDir: string, path: string, root: string, sums: string[]): Promise<TarEntry | null> {
  const file = await open(join(dataDir, path), 'r').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (!file) return null;
  const info = await file.stat();
  const name = `${root}/${path}`;
  if (path === 'auth.json') {
    const content = withoutSessions(await readFile(file, 'utf8'));
    await file.close();
    return text(name, content, info.mtimeMs, sums);
  }
  const size = path.endsWith('.jsonl') ? await completeLinesLength(file, info.size) : info.size;
  const hash = createHash('sha256');
  return {
    kind: 'file',
    name,
    size,
    mtimeMs: info.mtimeMs,
    content: hashedContent(file, size, hash, () => sums.push(sumLine(hash, name))),
  };
}

async function* hashedContent(file: FileHandle, size: number, hash: Hash, done: () => void): AsyncGenerator<Uint8Array> {
  try {
    for (let offset = 0; offset < size; ) {
      const { bytesRead, buffer } = await file.read(
        Buffer.alloc(Math.min(chunkBytes, size - offset)),
        0,
        Math.min(chunkBytes, size - offset),
        offset,
      );
      if (bytesRead === 0) throw new Error('file shrank while it was backed up');
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      offset += bytesRead;
      yield chunk;
    }
    done();
  } finally {
    await file.close();
  }
}

/** The length up to and with the last newline: a line being appended right now is left out. */
async function completeLinesLength(file: FileHandle, size: number): Promise<number> {
  for (let end = size; end > 0; ) {
    const start = Math.max(0, end - chunkBytes);
    const { buffer, bytesRead } = await file.read(Buffer.alloc(end - start), 0, end - start, start);
    const newline = buffer.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (newline !== -1) return start + newline + 1;
    end = start;
  }
  return 0;
}

function withoutSessions(auth: string): string {
  const data = JSON.parse(auth) as Record<string, unknown>;
  return JSON.stringify({ ...data, sessions: [] }, null, 2);
}

export type { BackupManifest };
