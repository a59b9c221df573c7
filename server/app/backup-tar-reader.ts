/**
 * A streaming reader of tar archives: ustar as motcua writes it, and the GNU and pax variants a
 * technician's `tar` writes when repacking one (long names, extended headers). It never
 * holds more than one chunk and one header in memory; what each entry is worth keeping is the
 * caller's decision.
 */
import { tarBlock } from './backup-tar-writer.ts';

export type TarEntryKind = 'file' | 'directory' | 'other';

export interface TarEntryHeader {
  /** The entry's path as the archive names it, `/`-separated, without a trailing `/`. */
  name: string;
  kind: TarEntryKind;
  size: number;
}

/** The archive is not tar, or it ends before its end-of-archive blocks. */
export class TarFormatError extends Error {
  constructor(readonly reason: 'not_tar' | 'bad_header' | 'truncated') {
    super(`tar archive: ${reason}`);
  }
}

/**
 * Yields each entry with its content. The content must be read (or left) before asking for the
 * next entry; what is left unread is skipped.
 */
export async function* readTar(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<{ header: TarEntryHeader; content: AsyncGenerator<Buffer> }> {
  const bytes = new ByteReader(chunks[Symbol.asyncIterator]());
  let longName: string | null = null;
  let first = true;
  for (;;) {
    const block = await bytes.exactly(tarBlock);
    if (!block) throw new TarFormatError(first ? 'not_tar' : 'truncated');
    if (block.every((b) => b === 0)) return;
    const raw = parseHeader(block);
    if (!raw) throw new TarFormatError(first ? 'not_tar' : 'bad_header');
    first = false;
    const padded = Math.ceil(raw.size / tarBlock) * tarBlock;
    // GNU long names and pax extended headers describe the entry that follows them.
    if (raw.type === 'L' || raw.type === 'x' || raw.type === 'g') {
      const data = await bytes.exactly(padded);
      if (!data) throw new TarFormatError('truncated');
      const text = data.subarray(0, raw.size).toString('utf8');
      if (raw.type === 'L') longName = text.replace(/\0+$/, '');
      if (raw.type === 'x') longName = paxPath(text) ?? longName;
      continue;
    }
    const kind: TarEntryKind =
      raw.type === '0' || raw.type === '\0' || raw.type === '7' ? 'file' : raw.type === '5' ? 'directory' : 'other';
    const name = (longName ?? raw.name).replace(/\/+$/, '');
    longName = null;
    let left = raw.size;
    const content = (async function* () {
      while (left > 0) {
        const chunk = await bytes.some(left);
        if (!chunk) throw new TarFormatError('truncated');
        left -= chunk.length;
        yield chunk;
      }
    })();
    yield { header: { name, kind, size: raw.size }, content };
    while (left > 0) {
      const chunk = await bytes.some(left);
      if (!chunk) throw new TarFormatError('truncated');
      left -= chunk.length;
    }
    if (padded > raw.size && !(await bytes.exactly(padded - raw.size))) throw new TarFormatError('truncated');
  }
}

function parseHeader(h: Buffer): { name: string; type: string; size: number } | null {
  let sum = 0;
  for (let i = 0; i < tarBlock; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  if (number(h, 148, 8) !== sum) return null;
  const magic = h.toString('latin1', 257, 263);
  if (!magic.startsWith('ustar')) return null;
  const size = number(h, 124, 12);
  if (size === null) return null;
  const name = text(h, 0, 100);
  // ustar splits long paths into a prefix and a name; GNU tar uses that space for other things.
  const prefix = magic === 'ustar\0' ? text(h, 345, 155) : '';
  return { name: prefix ? `${prefix}/${name}` : name, type: h.toString('latin1', 156, 157), size };
}

function text(h: Buffer, offset: number, length: number): string {
  const field = h.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

/** An octal field, or GNU's base-256 form for sizes past 8 GiB. */
function number(h: Buffer, offset: number, length: number): number | null {
  if (h[offset]! & 0x80) {
    let value = 0;
    for (let i = offset + 1; i < offset + length; i++) value = value * 256 + h[i]!;
    return value;
  }
  const digits = h
    .toString('latin1', offset, offset + length)
    .replace(/[\0 ]+$/, '')
    .trim();
  return /^[0-7]+$/.test(digits) ? Number.parseInt(digits, 8) : null;
}

/** The `path` record of a pax extended header ("<length> path=<value>\n" records). */
function paxPath(records: string): string | null {
  for (const line of records.split('\n')) {
    const m = /^\d+ path=(.*)$/.exec(line);
    if (m) return m[1]!;
  }
  return null;
}

/** Reads exact byte counts out of a stream of chunks of any size. */
class ByteReader {
  private held: Buffer = Buffer.alloc(0);

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  /** Between 1 and `max` bytes, or null at the end of the stream. */
  async some(max: number): Promise<Buffer | null> {
    if (this.held.length === 0) {
      const next = await this.source.next();
      if (next.done) return null;
      this.held = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    }
    const out = this.held.subarray(0, max);
    this.held = this.held.subarray(out.length);
    return out;
  }

  /** Exactly `n` bytes, or null if the stream ends first. */
  async exactly(n: number): Promise<Buffer | null> {
    if (this.held.length >= n) return (await this.some(n))!;
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n) {
      const part = await this.some(n - got);
      if (!part) return null;
      parts.push(part);
      got += part.length;
    }
    return Buffer.concat(parts, n);
  }
}
