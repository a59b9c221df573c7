import type { IncomingMessage } from 'node:http';

export class BodyError extends Error {
  constructor(readonly code: 'invalid_json' | 'payload_too_large') {
    super(code);
  }
}

/**
 * Reads a request body as bytes: small JSON commands and large uploads (a catalogue of
 * thousands of procedures, a backup) alike. Over `limit` bytes it stops reading and refuses.
 */
export async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  // A declared size over the limit is refused before a byte is read.
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new BodyError('payload_too_large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyError('payload_too_large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
