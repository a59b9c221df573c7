import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../protocol/http-views.ts';
import { type AppCall, type AppReply, appCall, sentCookie } from '../../support/app-call.ts';
import { command, TestServer } from '../../support/test-server.ts';
import { httpsRequest, selfSignedCertificate } from '../../support/test-tls.ts';

describe('browser apps keep their tokens in HttpOnly cookies the server sets', () => {
  let server: TestServer;
  let admin: string;

  const call = (method: string, path: string, c?: AppCall) => appCall(server.url, method, path, c);

  async function pairingCode(kind: DeviceView['kind'], counterId?: number): Promise<string> {
    const r = await server.request<{ code: string }>(
      'POST',
      '/api/devices/pairing-codes',
      { kind, name: `${kind} cookie`, counterId },
      admin,
    );
    if (!r.body.ok) throw new Error(r.body.error.code);
    return r.body.value.code;
  }

  async function pairedKiosk(): Promise<{ cookie: string; device: DeviceView }> {
    const paired = await call('POST', '/api/devices/pair', { app: 'kiosk', body: { code: await pairingCode('kiosk') } });
    if (!paired.body.ok) throw new Error(paired.body.error.code);
    return { cookie: sentCookie(paired, 'motcua_kiosk'), device: paired.body.value.device as DeviceView };
  }

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
    await server.clerkToken('clerk1');
  });
  afterAll(() => server.close());

  it('pairing from the kiosk app sets an HttpOnly, SameSite=Strict cookie for the kiosk app and leaves the token out of the answer', async () => {
    const paired = await call('POST', '/api/devices/pair', { app: 'kiosk', body: { code: await pairingCode('kiosk') } });
    expect(paired.status).toBe(201);
    expect(paired.body.ok && paired.body.value.token).toBeUndefined();
    const line = paired.cookies.get('motcua_kiosk') ?? '';
    expect(line).toMatch(/^motcua_kiosk=dev_[\w-]{40,}; Max-Age=34560000; Path=\/; HttpOnly; SameSite=Strict$/);
    // Plain HTTP: a Secure cookie would never be sent back.
    expect(line).not.toContain('Secure');
    const me = await call('GET', '/api/auth/me', { app: 'kiosk', cookie: sentCookie(paired, 'motcua_kiosk') });
    expect(me.body).toMatchObject({ ok: true, value: { device: { kind: 'kiosk' } } });
  });

  it('an integrator pairing without naming an app gets the token in the answer, and no cookie', async () => {
    const paired = await call('POST', '/api/devices/pair', { body: { code: await pairingCode('display') } });
    expect(paired.body.ok && typeof paired.body.value.token).toBe('string');
    expect(paired.cookies.size).toBe(0);
  });

  it('each app reads only its own cookie: a kiosk and a board in one browser, and an admin who opens a console', async () => {
    const kiosk = await pairedKiosk();
    const signedIn = await call('POST', '/api/auth/login', { app: 'counter', body: { username: 'clerk1', password: 'clerk-password-1' } });
    const both = `${kiosk.cookie}; ${sentCookie(signedIn, 'motcua_counter')}`;
    expect((await call('GET', '/api/auth/me', { app: 'kiosk', cookie: both })).body).toMatchObject({ ok: true, value: { device: {} } });
    expect((await call('GET', '/api/auth/me', { app: 'counter', cookie: both })).body).toMatchObject({
      ok: true,
      value: { user: { username: 'clerk1' } },
    });
    // The admin app has no cookie of its own here: the others' do not sign it in.
    expect((await call('GET', '/api/auth/me', { app: 'admin', cookie: both })).status).toBe(401);
    // Without naming its app a request reads no cookie at all (a cross-site form cannot send the header).
    expect((await call('GET', '/api/auth/me', { cookie: both })).status).toBe(401);
  });

  it('a sign-in’s cookie lasts the session’s 14 hours; signing out ends the session and clears the cookie', async () => {
    const signedIn = await call('POST', '/api/auth/login', { app: 'admin', body: { username: 'admin', password: 'admin-password-1' } });
    expect(signedIn.body.ok && signedIn.body.value.token).toBeUndefined();
    expect(signedIn.cookies.get('motcua_admin')).toMatch(/^motcua_admin=ses_[\w-]+; Max-Age=50400; Path=\/; HttpOnly; SameSite=Strict$/);
    const cookie = sentCookie(signedIn, 'motcua_admin');
    expect((await call('GET', '/api/users', { app: 'admin', cookie })).status).toBe(200);
    const out = await call('POST', '/api/auth/logout', { app: 'admin', cookie });
    expect(out.cookies.get('motcua_admin')).toBe('motcua_admin=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict');
    // A copy of the cookie kept by anyone is worth nothing now.
    expect((await call('GET', '/api/users', { app: 'admin', cookie })).status).toBe(401);
  });

  it('a revoked device’s cookie is refused and cleared at its next request', async () => {
    const kiosk = await pairedKiosk();
    await server.request('DELETE', `/api/devices/${kiosk.device.id}`, undefined, admin);
    const me = await call('GET', '/api/auth/me', { app: 'kiosk', cookie: kiosk.cookie });
    expect(me.status).toBe(401);
    expect(me.cookies.get('motcua_kiosk')).toContain('motcua_kiosk=; Max-Age=0');
  });

  it('a state-changing request with a cookie from another site’s page is refused and changes nothing', async () => {
    const kiosk = await pairedKiosk();
    const issue = (headers: Record<string, string>) =>
      call('POST', '/api/tickets', { app: 'kiosk', cookie: kiosk.cookie, headers, body: { serviceId: 'civil-status' } });
    const before = await server.request<{ total: { issued: number } }>('GET', '/api/stats/today', undefined, admin);
    const fromOrigin = await issue({ origin: 'http://evil.example' });
    expect(fromOrigin).toMatchObject({ status: 403, body: { ok: false, error: { code: 'cross_site' } } });
    expect(fromOrigin.body.ok === false && fromOrigin.body.error.message).toMatch(/trang web khác/);
    expect((await issue({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // Another port of the same host is "same site" to a cookie, but not the same origin.
    expect((await issue({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await issue({ origin: 'http://127.0.0.1:1' })).status).toBe(403);
    const after = await server.request<{ total: { issued: number } }>('GET', '/api/stats/today', undefined, admin);
    expect(after.body).toEqual(before.body);
    // The page's own origin is let through.
    expect((await issue({ origin: server.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    // A sign-in planted from another site is refused too, before the password is looked at.
    const planted = await call('POST', '/api/auth/login', {
      app: 'counter',
      headers: { origin: 'http://evil.example' },
      body: { username: 'clerk1', password: 'clerk-password-1' },
    });
    expect(planted).toMatchObject({ status: 403, body: { error: { code: 'cross_site' } } });
    expect(planted.cookies.size).toBe(0);
    // Reading from another site goes on as for the public, without the cookie.
    expect(
      (await call('GET', '/api/auth/me', { app: 'kiosk', cookie: kiosk.cookie, headers: { origin: 'http://evil.example' } })).status,
    ).toBe(401);
  });

  it('a Socket.IO handshake is authenticated by its app’s cookie, and refused from another site', async () => {
    const kiosk = await pairedKiosk();
    const socket = await server.appSocket('kiosk', { cookie: kiosk.cookie, origin: server.url });
    expect(await command(socket, 'kiosk:subscribe')).toMatchObject({ ok: true });
    await expect(server.appSocket('kiosk', { cookie: kiosk.cookie, origin: 'http://evil.example' })).rejects.toMatchObject({
      message: 'cross_site',
      data: { code: 'cross_site' },
    });
    // Without a cookie another site's page is just the public (a board on someone else's page).
    const board = await server.appSocket('display', { origin: 'http://evil.example' });
    expect(await command(board, 'display:subscribe', {})).toMatchObject({ ok: true });
  });

  it('a token an older build kept in localStorage becomes the app’s cookie, once handed over', async () => {
    const token = await server.deviceToken('rating', 1);
    const adopted = await call('POST', '/api/auth/cookie', { app: 'rating', body: { token } });
    expect(adopted.body).toMatchObject({ ok: true, value: { device: { kind: 'rating' } } });
    expect(adopted.cookies.get('motcua_rating')).toBe(`motcua_rating=${token}; Max-Age=34560000; Path=/; HttpOnly; SameSite=Strict`);
    expect((await call('POST', '/api/auth/cookie', { app: 'rating', body: { token: 'dev_unknown' } })).status).toBe(401);
    expect((await call('POST', '/api/auth/cookie', { body: { token } })).body).toMatchObject({
      ok: false,
      error: { code: 'app_not_named' },
    });
  });

  it('a new token reaches a cookie connection as a claim its app redeems for the new cookie; the old token stops working', async () => {
    const kiosk = await pairedKiosk();
    const socket = await server.appSocket('kiosk', { cookie: kiosk.cookie });
    let renewed: AppReply | null = null;
    let claimed = '';
    socket.on('device:token-claim', (claim, stored) => {
      claimed = claim;
      void call('POST', '/api/devices/token-claim', { app: 'kiosk', cookie: kiosk.cookie, body: { claim } }).then((r) => {
        renewed = r;
        stored(r.body.ok);
      });
    });
    socket.on('device:token', () => {
      throw new Error('a cookie connection must never be sent the token itself');
    });
    const r = await server.request('POST', `/api/devices/${kiosk.device.id}/token`, undefined, admin);
    expect(r).toMatchObject({ status: 200, body: { ok: true } });
    const reply = renewed as AppReply | null;
    if (!reply) throw new Error('the claim was not redeemed');
    const fresh = sentCookie(reply, 'motcua_kiosk');
    expect(fresh).not.toBe(kiosk.cookie);
    expect(reply.cookies.get('motcua_kiosk')).toContain('HttpOnly; SameSite=Strict');
    expect((await call('GET', '/api/auth/me', { app: 'kiosk', cookie: kiosk.cookie })).status).toBe(401);
    expect((await call('GET', '/api/auth/me', { app: 'kiosk', cookie: fresh })).body).toMatchObject({
      ok: true,
      value: { device: { id: kiosk.device.id } },
    });
    // A claim is good once.
    expect((await call('POST', '/api/devices/token-claim', { app: 'kiosk', cookie: fresh, body: { claim: claimed } })).status).toBe(404);
    const reconnected = await server.appSocket('kiosk', { cookie: fresh });
    expect(await command(reconnected, 'kiosk:subscribe')).toMatchObject({ ok: true });
  });
});

describe('over HTTPS the cookie is Secure', () => {
  let dir: string;
  let server: TestServer;
  let ca: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-cookie-tls-'));
    const certificate = await selfSignedCertificate(dir);
    ca = certificate.pem;
    server = await TestServer.start({ flags: ['--tls-cert', certificate.certPath, '--tls-key', certificate.keyPath] });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a sign-in over the built-in TLS sets a Secure, HttpOnly, SameSite=Strict cookie', async () => {
    const base = `https://127.0.0.1:${server.port}`;
    const setup = await httpsRequest(`${base}/api/auth/setup`, ca, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-motcua-app': 'admin' },
      body: JSON.stringify({ token: server.server.ctx.setup.token, username: 'admin', name: 'Quản trị', password: 'admin-password-1' }),
    });
    expect(setup.status).toBe(200);
    expect(JSON.parse(setup.body)).not.toHaveProperty('value.token');
    expect(setup.headers['set-cookie']).toEqual([
      expect.stringMatching(/^motcua_admin=ses_[\w-]+; Max-Age=50400; Path=\/; HttpOnly; SameSite=Strict; Secure$/),
    ]);
  });
});

describe('behind a trusted reverse proxy that terminates HTTPS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ flags: ['--trusted-proxies', '127.0.0.1'] });
    await server.clerkToken('clerk1');
  });
  afterAll(() => server.close());

  const signIn = (proto: string) =>
    fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-motcua-app': 'counter', 'x-forwarded-proto': proto },
      body: JSON.stringify({ username: 'clerk1', password: 'clerk-password-1' }),
    });

  it('the cookie is Secure when the proxy says the browser came over HTTPS, and not when it says HTTP', async () => {
    expect((await signIn('https')).headers.getSetCookie()).toEqual([expect.stringMatching(/^motcua_counter=ses_.*; Secure$/)]);
    expect((await signIn('http')).headers.getSetCookie()).toEqual([expect.not.stringContaining('Secure')]);
  });
});
