/**
 * Unpacks an uploaded backup into a staging folder as it arrives: gunzip off the event loop,
 * tar entries one at a time, each file written, hashed and synced, so a backup of any length
 * is checked in flat memory. Only the files a backup may hold are written, under names that
 * cannot leave the folder; everything else is a problem to list.
 */
import { createHash } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { dayFolders, isBackupPath } from './backup-contents.ts';
import type { ProblemDraft } from './backup-problems.ts';
import { readTar, TarFormatError, type TarEntryHeader } from './backup-tar-reader.ts';

export interface UnpackLimits {
  /** Compressed bytes accepted from the upload. */
  archiveBytes: number;
  /** Bytes all files may unpack to together. */
  unpackedBytes: number;
  /** Bytes one file may have (each is read whole when it is checked). */
  fileBytes: number;
}

export interface UnpackedFile {
  /** Path relative to the backup's folder, e.g. `journal/2026-11-20.jsonl`. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface Unpacked {
  files: UnpackedFile[];
  archiveBytes: number;
  problems: ProblemDraft[];
  /** False when the archive could not be read to its end (then its files are not worth checking). */
  complete: boolean;
}

/** A reason to stop reading the archive at all. */
class Unreadable extends Error {
  constructor(readonly problem: ProblemDraft) {
    super(problem.problem);
  }
}

/** Reads the gzipped tar from `source` into `into` (an empty folder); resolves with what it found. */
export async function unpackBackup(source: AsyncIterable<Uint8Array>, into: string, limits: UnpackLimits): Promise<Unpacked> {
  const found: Unpacked = { files: [], archiveBytes: 0, problems: [], complete: true };
  let unpacked = 0;
  const counted = async function* (chunks: AsyncIterable<Uint8Array>) {
    for await (const chunk of chunks) {
      if (found.archiveBytes === 0 && chunk.length > 0 && (chunk[0] !== 0x1f || (chunk.length > 1 && chunk[1] !== 0x8b))) {
        throw new Unreadable({ problem: 'not_gzip' });
      }
      found.archiveBytes += chunk.length;
      if (found.archiveBytes > limits.archiveBytes)
        throw new Unreadable({ problem: 'too_large', params: { max: sizeText(limits.archiveBytes) } });
      yield chunk;
    }
  };
  const entries = async (chunks: AsyncIterable<Uint8Array>) => {
    const folder = { root: null as string | null };
    for await (const { header, content } of readTar(refuseOldBundle(chunks))) {
      const path = placeOf(header, folder, found.problems);
      if (path === null || header.kind !== 'file') continue;
      if (found.files.some((f) => f.path === path)) {
        found.problems.push({ problem: 'duplicate_file', file: path });
        continue;
      }
      if (header.size > limits.fileBytes) {
        found.problems.push({ problem: 'file_too_large', file: path, params: { max: sizeText(limits.fileBytes) } });
        continue;
      }
      unpacked += header.size;
      if (unpacked > limits.unpackedBytes) throw new Unreadable({ problem: 'too_large', params: { max: sizeText(limits.unpackedBytes) } });
      found.files.push(await writeEntry(join(into, path), path, content));
    }
  };
  try {
    await pipeline(source, counted, createGunzip(), entries);
  } catch (e) {
    found.problems.push(problemOf(e));
    found.complete = false;
  }
  return found;
}

/**
 * Where an entry goes, relative to the backup's folder, or null when it is not kept. The
 * archive may hold its files in one folder (as motcua writes it) or at the top (as a technician
 * may repack it), but not both.
 */
function placeOf(header: TarEntryHeader, folder: { root: string | null }, problems: ProblemDraft[]): string | null {
  const name = header.name.replace(/^(\.\/)+/, '');
  const parts = name.split('/');
  if (name === '' || name === '.') return null;
  if (name.startsWith('/') || name.includes('\\') || name.includes('\0') || parts.some((p) => p === '..' || p === '')) {
    problems.push({ problem: 'unsafe_name', file: header.name });
    return null;
  }
  const root = isBackupPath(name) ? '' : parts.length === 1 && header.kind === 'directory' ? name : parts[0]!;
  const path = root ? parts.slice(1).join('/') : name;
  if (header.kind === 'other') {
    problems.push({ problem: 'entry_type', file: name });
    return null;
  }
  if (root && path !== '' && !isBackupPath(path)) {
    problems.push({ problem: 'unexpected_file', file: name });
    return null;
  }
  folder.root ??= root;
  if (folder.root !== root) {
    problems.push({ problem: 'outside_folder', file: name });
    return null;
  }
  if (header.kind === 'directory') {
    if (path !== '' && !(dayFolders as string[]).includes(path)) problems.push({ problem: 'unexpected_file', file: name });
    return null;
  }
  if (dayFolders.includes(path as (typeof dayFolders)[number])) {
    problems.push({ problem: 'unexpected_file', file: name });
    return null;
  }
  return path;
}

async function writeEntry(target: string, path: string, content: AsyncIterable<Buffer>): Promise<UnpackedFile> {
  await mkdir(dirname(target), { recursive: true });
  const file = await open(target, 'wx');
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of content) {
      hash.update(chunk);
      bytes += chunk.length;
      await file.write(chunk);
    }
    await file.sync();
  } finally {
    await file.close();
  }
  return { path, bytes, sha256: hash.digest('hex') };
}

/** motcua before 0.2 wrote one gzipped JSON bundle; it is named as such instead of "not tar". */
async function* refuseOldBundle(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const chunk of chunks) {
    if (first && chunk.length > 0) {
      first = false;
      if (/^\s*\{/.test(Buffer.from(chunk.subarray(0, 64)).toString('latin1'))) throw new Unreadable({ problem: 'old_format' });
    }
    yield chunk;
  }
}

const problemOfCode: Record<string, string> = {
  Z_DATA_ERROR: 'damaged',
  Z_STREAM_ERROR: 'damaged',
  // zlib's "unexpected end of file": a download or copy that stopped early.
  Z_BUF_ERROR: 'truncated',
  // The upload itself stopped (the browser was closed, the network dropped).
  ECONNRESET: 'truncated',
  ERR_STREAM_PREMATURE_CLOSE: 'truncated',
  ENOSPC: 'disk_full',
};

function problemOf(e: unknown): ProblemDraft {
  if (e instanceof Unreadable) return e.problem;
  if (e instanceof TarFormatError) return { problem: e.reason === 'bad_header' ? 'damaged' : e.reason };
  const code = problemOfCode[(e as NodeJS.ErrnoException).code ?? ''];
  if (code) return { problem: code };
  throw e;
}

function sizeText(bytes: number): string {
  return bytes >= 2 ** 30 ? `${Math.round(bytes / 2 ** 30)} GiB` : `${Math.round(bytes / 2 ** 20)} MiB`;
}
