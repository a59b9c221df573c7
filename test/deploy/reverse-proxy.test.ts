import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisplaySnapshot } from '../../protocol/views.ts';
import { freePort } from '../support/server-process.ts';
import { TestServer } from '../support/test-server.ts';
import { httpsGet, selfSignedCertificate } from '../support/test-tls.ts';
import { waitFor } from '../support/wait-for.ts';

// The nginx site of docs/deploy.md, as shipped, in front of a real motcua server: Debian's
// nginx, a certificate made for the test, and only the addresses and paths changed.

const shipped = readFileSync(join(import.meta.dirname, '../../deploy/nginx/motcua.conf'), 'utf8');

/** Replaces `from` with `to`, insisting it is there once: the test breaks if the shipped file changes shape. */
function once(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, from).toBe(1);
  return text.replace(from, to);
}

/**
 * A sign-in through the proxy from a client at `client`: the test's client is itself on 127.0.0.1
 * (a trusted hop), so the address it names stands for the LAN address nginx appends for a phone.
 */
function signIn(
  base: string,
  ca: string,
  client: string,
  username: string,
  password: string,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/api/auth/login`,
      { method: 'POST', ca, servername: 'motcua.local', headers: { 'content-type': 'application/json', 'x-forwarded-for': client } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('motcua behind nginx with HTTPS', () => {
  let dir: string;
  let server: TestServer;
  let nginx: ChildProcess;
  let cert: string;
  let https: string;
  let httpPort: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-nginx-'));
    const certificate = await selfSignedCertificate(dir);
    cert = certificate.pem;
    // As docs/deploy.md says: motcua believes the proxy's X-Forwarded-For and X-Forwarded-Proto.
    server = await TestServer.start({ flags: ['--trusted-proxies', '127.0.0.1'] });
    httpPort = await freePort();
    const httpsPort = await freePort();
    let site = once(shipped, 'server 127.0.0.1:8080;', `server 127.0.0.1:${server.port};`);
    site = once(site, 'listen 80;', `listen 127.0.0.1:${httpPort};`);
    site = once(site, 'listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`);
    site = once(site, '/etc/ssl/motcua/motcua.crt', certificate.certPath);
    site = once(site, '/etc/ssl/motcua/motcua.key', certificate.keyPath);
    await writeFile(join(dir, 'motcua.conf'), site);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, t)};`).join('\n  ');
    await writeFile(
      join(dir, 'nginx.conf'),
      `worker_processes 1;\n${process.getuid?.() === 0 ? 'user root;\n' : ''}pid ${join(dir, 'nginx.pid')};\nevents { worker_connections 64; }\nhttp {\n  access_log off;\n  ${temp}\n  include ${join(dir, 'motcua.conf')};\n}\n`,
    );
    const check = spawnSync('nginx', ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}`);
    nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'], {
      stdio: 'ignore',
    });
    https = `https://127.0.0.1:${httpsPort}`;
    let up = false;
    const listening = (async () => {
      while (!up && nginx.exitCode === null) {
        up = (await httpsGet(`${https}/api/health`, cert).catch(() => null))?.status === 200;
        if (!up) await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await waitFor(() => up || nginx.exitCode !== null, 'nginx to serve');
    await listening;
    if (!up) throw new Error(`nginx exited: ${await readFile(join(dir, 'error.log'), 'utf8').catch(() => '')}`);
  });
  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const gone = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT');
      await gone;
    }
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the apps and the API over HTTPS', async () => {
    const page = await httpsGet(`${https}/display/`, cert);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="app"></div>');
    const health = JSON.parse((await httpsGet(`${https}/api/health`, cert)).body) as { ok: boolean };
    expect(health.ok).toBe(true);
  });

  it('tells motcua who each client is and that it came over HTTPS: one guesser is locked out, not all staff', async () => {
    await server.clerkToken('clerk-nginx');
    for (let i = 0; i < 10; i++) expect((await signIn(https, cert, '10.50.0.1', `nobody-${i}`, 'x-password')).status).toBe(401);
    const locked = await signIn(https, cert, '10.50.0.1', 'clerk-nginx', 'clerk-password-1');
    expect(locked.status).toBe(429);
    const other = await signIn(https, cert, '10.50.0.2', 'clerk-nginx', 'clerk-password-1');
    expect(other.status).toBe(200);
    expect(other.headers['strict-transport-security']).toBe('max-age=15552000');
  });

  it('sends plain HTTP to HTTPS', async () => {
    const res = await fetch(`http://127.0.0.1:${httpPort}/kiosk/`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('https://127.0.0.1/kiosk/');
  });

  it('carries Socket.IO over a WebSocket: a board gets its snapshot and then the live calls', async () => {
    const socket = io(https, { transports: ['websocket'], ca: cert, reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const snapshot = (await socket.timeout(10_000).emitWithAck('display:subscribe', {})) as { ok: boolean; value: DisplaySnapshot };
      expect(snapshot.ok).toBe(true);
      const called = new Promise<{ label: string }>((resolve) => socket.once('ticket:called', resolve));
      const kiosk = await server.socket(await server.deviceToken('kiosk'));
      const clerk = await server.socket(await server.clerkToken());
      await kiosk.timeout(10_000).emitWithAck('ticket:issue', { serviceId: 'civil-status' });
      await clerk.timeout(10_000).emitWithAck('counter:join', { counterId: 1 });
      await clerk.timeout(10_000).emitWithAck('counter:next', { counterId: 1 });
      expect((await called).label).toMatch(/\d/);
      expect(socket.io.engine.transport.name).toBe('websocket');
    } finally {
      socket.close();
    }
  });
});
