import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

export interface Reply {
  status: number;
  headers: Headers;
  body: { ok: boolean; error?: { code: string; message: string; params?: Record<string, unknown> } };
}

/** A JSON request as a client on the network sends it, optionally through a proxy that says who the client is. */
export async function send(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Reply['body'] };
}

/** What a proxy adds for a client at `address`. */
export const via = (address: string, lang = 'en'): Record<string, string> => ({ 'x-forwarded-for': address, 'accept-language': lang });

/**
 * Sends only a request's head, announcing a body of `declared` bytes that never comes: the
 * answer shows the server decided without reading it. Resolves with the status line and
 * whether the server closed the connection.
 */
export function headOnly(
  port: number,
  method: string,
  path: string,
  declared: number,
  headers: Record<string, string> = {},
): Promise<{ statusLine: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('connect', () => socket.write(`${requestHead(method, path, declared, headers)}{"user`));
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (text += d));
    socket.on('error', reject);
    socket.on('close', () => resolve({ statusLine: text.split('\r\n')[0] ?? '', closed: true }));
    // A server that waits for the body never answers: the test's own timeout says so.
  });
}

/** A page's response headers (GET, body drained). */
export function pageHeaders(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    })
      .on('error', reject)
      .end();
  });
}

/**
 * Sends a request's head announcing `declared` bytes, then keeps sending them as fast as the
 * connection takes them (as a flooder does) until the server closes it. Resolves with the
 * status line (empty when the close came before it) and how long the answer took.
 */
export function pushingBody(
  port: number,
  method: string,
  path: string,
  declared: number,
  headers: Record<string, string> = {},
): Promise<{ statusLine: string; elapsedMs: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let text = '';
    let sent = 0;
    const push = () => {
      while (sent < declared && !socket.destroyed) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', push);
      }
    };
    socket.on('connect', () => {
      socket.write(requestHead(method, path, declared, headers));
      push();
    });
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (text += d));
    // A reset after the answer is how a server ends a body it will not read.
    socket.on('error', () => {});
    socket.on('close', () => resolve({ statusLine: text.split('\r\n')[0] ?? '', elapsedMs: performance.now() - started }));
  });
}

/** A JSON request's head as a client writes it on the wire, announcing `declared` bytes of body. */
function requestHead(method: string, path: string, declared: number, headers: Record<string, string>): string {
  const lines = Object.entries({ host: '127.0.0.1', 'content-type': 'application/json', 'content-length': String(declared), ...headers });
  return `${method} ${path} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
}
