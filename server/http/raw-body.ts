import type { IncomingMessage } from 'node:http';
import { BodyError } from './router.ts';

/**
 * Reads a request body as bytes, for uploads that are not small JSON commands (a catalogue of
 * thousands of procedures, a backup). Over `limit` bytes it stops reading and refuses.
 */
export async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyError('payload_too_large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
