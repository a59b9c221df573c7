import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings, SettingsError } from '../../../server/config.ts';
import { pageHeaders } from '../../support/network-client.ts';
import { rawCommand, TestServer } from '../../support/test-server.ts';
import { httpsGet, selfSignedCertificate } from '../../support/test-tls.ts';

describe('HTTPS built in: certificate and key from the settings', () => {
  let dir: string;
  let server: TestServer;
  let ca: string;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-tls-'));
    const certificate = await selfSignedCertificate(dir);
    ca = certificate.pem;
    server = await TestServer.start({ flags: ['--tls-cert', certificate.certPath, '--tls-key', certificate.keyPath] });
    base = `https://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the apps and the API over TLS only, with HSTS', async () => {
    const page = await httpsGet(`${base}/admin/`, ca);
    expect(page.status).toBe(200);
    expect(page.headers['strict-transport-security']).toBe('max-age=15552000');
    const api = await httpsGet(`${base}/api/site`, ca);
    expect(JSON.parse(api.body)).toMatchObject({ ok: true });
    // Plain HTTP on the same port gets no answer a browser would take.
    await expect(fetch(`http://127.0.0.1:${server.port}/api/site`)).rejects.toThrow();
  });

  it('Socket.IO runs over the same TLS port', async () => {
    const socket = connect(base, { transports: ['websocket'], reconnection: false, forceNew: true, ca });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      expect(await rawCommand(socket, 'display:subscribe')).toMatchObject({ ok: true });
    } finally {
      socket.disconnect();
    }
  });

  it('a certificate without its key, or a missing file, stops the start with a clear message', async () => {
    expect(() => resolveSettings(['--tls-cert', join(dir, 'cert.pem')], {})).toThrow(SettingsError);
    await expect(TestServer.start({ flags: ['--tls-cert', join(dir, 'nope.pem'), '--tls-key', join(dir, 'key.pem')] })).rejects.toThrow(
      /HTTPS: cannot read the certificate .*nope\.pem \(ENOENT\)/,
    );
  });
});

describe('browser hardening on plain HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ flags: ['--trusted-proxies', '127.0.0.1'] });
  });
  afterAll(() => server.close());

  it('every app page has a content policy without inline script; staff apps may not be framed at all', async () => {
    for (const path of ['/admin/', '/counter/', '/rate/', '/kiosk/', '/display/', '/t/abc.def']) {
      const { status, headers } = await pageHeaders(server.url + path);
      expect(status, path).toBe(200);
      const csp = String(headers['content-security-policy']);
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
      const publicView = path === '/display/' || path.startsWith('/t/');
      expect(csp, path).toContain(publicView ? "frame-ancestors 'self'" : "frame-ancestors 'none'");
      expect(headers['x-frame-options'], path).toBe(publicView ? 'SAMEORIGIN' : 'DENY');
      expect(headers['strict-transport-security'], path).toBeUndefined();
    }
  });

  it('API answers can run nothing and be framed by nobody', async () => {
    const { headers } = await pageHeaders(`${server.url}/api/site`);
    expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('HSTS when the trusted proxy says the client came over HTTPS, and not when anyone else says so', async () => {
    const proxied = await pageHeaders(`${server.url}/admin/`, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.0.0.5' });
    expect(proxied.headers['strict-transport-security']).toBe('max-age=15552000');
    const untrusted = await TestServer.start();
    try {
      const spoofed = await pageHeaders(`${untrusted.url}/admin/`, { 'x-forwarded-proto': 'https' });
      expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await untrusted.close();
    }
  });
});
