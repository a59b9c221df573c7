/**
 * The frame checksum: XOR of every byte between `$` and `*`, as two uppercase hex digits.
 * Frames are ASCII; a string is treated as one byte per UTF-16 unit (latin1), which is how
 * the line splitter decodes the bytes it receives, so a stray high byte still XORs as itself.
 */
export function frameChecksum(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum ^= body.charCodeAt(i) & 0xff;
  return sum.toString(16).toUpperCase().padStart(2, '0');
}

/** Wraps a body (`K,03,17,NEXT`) into a complete frame without line ending (`$K,03,17,NEXT*65`). */
export function sealFrame(body: string): string {
  return `$${body}*${frameChecksum(body)}`;
}
