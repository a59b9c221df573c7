import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request } from 'node:https';
import { join } from 'node:path';

/** A certificate for `motcua.local` and 127.0.0.1 made with openssl for a test, valid two days. */
export interface TestCertificate {
  certPath: string;
  keyPath: string;
  /** The certificate's PEM, which clients trust as their CA. */
  pem: string;
}

export async function selfSignedCertificate(dir: string, name = 'motcua'): Promise<TestCertificate> {
  const certPath = join(dir, `${name}.crt`);
  const keyPath = join(dir, `${name}.key`);
  const made = spawnSync('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=motcua.local'],
    ...['-addext', 'subjectAltName=DNS:motcua.local,IP:127.0.0.1', '-keyout', keyPath, '-out', certPath],
  ]);
  if (made.status !== 0) throw new Error(made.stderr.toString());
  return { certPath, keyPath, pem: await readFile(certPath, 'utf8') };
}

export interface HttpsReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET over HTTPS trusting only `ca`, checked against the name `motcua.local`. */
export function httpsGet(url: string, ca: string): Promise<HttpsReply> {
  return httpsRequest(url, ca);
}

/** Any request over HTTPS trusting only `ca`, checked against the name `motcua.local`. */
export function httpsRequest(
  url: string,
  ca: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpsReply> {
  return new Promise((resolve, reject) => {
    request(url, { ca, servername: 'motcua.local', method: init.method ?? 'GET', headers: init.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    })
      .on('error', reject)
      .end(init.body);
  });
}
