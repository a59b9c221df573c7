/**
 * A streaming writer of POSIX ustar archives, the format `tar` on every system reads. Backups
 * only hold plain files and folders with short names, so this is all of tar they need; it
 * keeps a backup free of a dependency and of any size limit but the format's (8 GiB a file).
 */

export const tarBlock = 512;
/** `tar` writes in records of 20 blocks; readers accept less, but some warn. */
const tarRecord = 20 * tarBlock;

export interface TarFileEntry {
  kind: 'file';
  /** Path inside the archive, `/`-separated, at most 100 bytes. */
  name: string;
  size: number;
  mtimeMs: number;
  /** Exactly `size` bytes, in chunks. */
  content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

export interface TarDirectoryEntry {
  kind: 'directory';
  name: string;
  mtimeMs: number;
}

export type TarEntry = TarFileEntry | TarDirectoryEntry;

/** The archive as chunks: each entry's header, its content, padding, then the end-of-archive blocks. */
export async function* tarArchive(entries: AsyncIterable<TarEntry>): AsyncGenerator<Uint8Array> {
  let written = 0;
  for await (const entry of entries) {
    const header = tarHeader(entry);
    written += header.length;
    yield header;
    if (entry.kind === 'directory') continue;
    let size = 0;
    for await (const chunk of entry.content) {
      size += chunk.length;
      if (size > entry.size) throw new Error(`${entry.name}: more than the ${entry.size} bytes announced`);
      yield chunk;
    }
    if (size !== entry.size) throw new Error(`${entry.name}: ${size} bytes instead of the ${entry.size} announced`);
    const padding = (tarBlock - (size % tarBlock)) % tarBlock;
    written += size + padding;
    if (padding) yield Buffer.alloc(padding);
  }
  const end = 2 * tarBlock;
  yield Buffer.alloc(end + ((tarRecord - ((written + end) % tarRecord)) % tarRecord));
}

/** One ustar header block. */
export function tarHeader(entry: TarEntry): Buffer {
  const name = entry.kind === 'directory' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name;
  if (Buffer.byteLength(name) > 100) throw new Error(`tar name too long: ${name}`);
  const h = Buffer.alloc(tarBlock);
  h.write(name, 0, 100, 'utf8');
  octal(h, 100, 8, entry.kind === 'directory' ? 0o755 : 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, entry.kind === 'file' ? entry.size : 0);
  octal(h, 136, 12, Math.floor(entry.mtimeMs / 1000));
  h.write(entry.kind === 'directory' ? '5' : '0', 156, 1, 'latin1');
  h.write('ustar\u000000', 257, 8, 'latin1');
  // The checksum is the byte sum of the header with its own field read as spaces.
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'latin1');
  return h;
}

/** A NUL-terminated, zero-padded octal field. */
function octal(h: Buffer, offset: number, length: number, value: number): void {
  const digits = value.toString(8);
  if (digits.length > length - 1) throw new Error(`tar field overflow: ${value}`);
  h.write(`${digits.padStart(length - 1, '0')}\u0000`, offset, length, 'latin1');
}
