import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubSnapshot } from '../../protocol/hub/centres.ts';
import type { Result } from '../../protocol/result.ts';
import { tokenHash } from '../../server/auth/tokens.ts';
import { type AppCall, appCall, sentCookie } from '../support/app-call.ts';
import { type HubSocket, TestHub } from '../support/test-hub.ts';
import { waitFor } from '../support/wait-for.ts';

const manager = { username: 'ql-cookie', password: 'manager-pass-9' };

/** The hub app's session cookie as its answers set it: 14 hours, HttpOnly, SameSite=Strict, on plain HTTP not Secure. */
const sessionCookie = /^motcua_hub=ses_[\w-]{20,}; Max-Age=50400; Path=\/; HttpOnly; SameSite=Strict$/;
const cleared = 'motcua_hub=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict';

function subscribe(socket: HubSocket): Promise<Result<HubSnapshot>> {
  return socket.timeout(8000).emitWithAck('hub:subscribe');
}

describe("the hub's web app keeps its session in an HttpOnly cookie the hub sets", () => {
  let hub: TestHub;
  let admin: string;
  const call = (method: string, path: string, c?: AppCall) => appCall(hub.url, method, path, c);
  const signIn = (c: AppCall = {}) => call('POST', '/api/auth/login', { app: 'hub', ...c, body: manager });

  beforeAll(async () => {
    hub = await TestHub.start();
    admin = await hub.adminToken();
    await hub.centreToken('COOKIE-1');
    const made = await hub.request(
      'POST',
      '/api/users',
      { ...manager, name: 'Lê Văn Cường', role: 'centre_manager', centreCode: 'COOKIE-1' },
      admin,
    );
    if (!made.body.ok) throw new Error(made.body.error.code);
  });
  afterAll(() => hub.close());

  it('a sign-in from the app sets the cookie for the session’s 14 hours and leaves the token out of the answer', async () => {
    const signedIn = await signIn();
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ ok: true, value: { user: { username: manager.username } } });
    expect(signedIn.body.ok && signedIn.body.value).not.toHaveProperty('token');
    expect(signedIn.cookies.get('motcua_hub')).toMatch(sessionCookie);
    const cookie = sentCookie(signedIn, 'motcua_hub');
    const me = await call('GET', '/api/auth/me', { app: 'hub', cookie });
    expect(me.body).toMatchObject({ ok: true, value: { user: { username: manager.username, centreCode: 'COOKIE-1' } } });
    const status = await call('GET', '/api/status', { app: 'hub', cookie });
    expect(status.body.ok && (status.body.value.centres as Array<{ code: string }>).map((c) => c.code)).toEqual(['COOKIE-1']);
    // Only a request that names the app is read for its cookie: a form or link of another site cannot send the header.
    expect((await call('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('Bearer callers keep getting and using the token, without a cookie; machine tokens keep working', async () => {
    const signedIn = await call('POST', '/api/auth/login', { body: manager });
    expect(signedIn.cookies.size).toBe(0);
    const token = signedIn.body.ok ? String(signedIn.body.value.token) : '';
    expect(token).toMatch(/^ses_/);
    expect((await call('GET', '/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const made = await hub.request<{ token: string }>('POST', '/api/machine-tokens', { name: 'Cổng tỉnh', scopes: ['status:read'] }, admin);
    if (!made.body.ok) throw new Error(made.body.error.code);
    const status = await call('GET', '/api/status', { headers: { authorization: `Bearer ${made.body.value.token}` } });
    expect(status.status).toBe(200);
    // A machine token put into the app's cookie is nobody: the cookie only ever holds a person's session.
    const planted = await call('GET', '/api/status', { app: 'hub', cookie: `motcua_hub=${made.body.value.token}` });
    expect(planted.status).toBe(401);
    expect(planted.cookies.get('motcua_hub')).toBe(cleared);
  });

  it('the live board’s socket is signed in by the cookie, and refused from another site', async () => {
    const cookie = sentCookie(await signIn(), 'motcua_hub');
    const socket = await hub.socket({ cookie, origin: hub.url });
    const board = await subscribe(socket);
    expect(board.ok && board.value.centres.map((c) => c.code)).toEqual(['COOKIE-1']);
    await expect(hub.socket({ cookie, origin: 'http://evil.example' })).rejects.toMatchObject({
      message: 'cross_site',
      data: { code: 'cross_site' },
    });
    await expect(hub.socket({ cookie, 'sec-fetch-site': 'same-site' })).rejects.toMatchObject({ message: 'cross_site' });
    // Without the cookie a socket is nobody, and the board is refused to it.
    const anonymous = await hub.socket({ origin: hub.url });
    expect(await subscribe(anonymous)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // A Bearer session in the handshake still works, as the app's did before cookies.
    const bearer = await call('POST', '/api/auth/login', { body: manager });
    const withToken = await hub.socket({}, bearer.body.ok ? String(bearer.body.value.token) : '');
    expect(await subscribe(withToken)).toMatchObject({ ok: true });
  });

  it('a state-changing request with the cookie from another site’s page is refused, translated, and changes nothing', async () => {
    const adminIn = await call('POST', '/api/auth/login', { app: 'hub', body: { username: 'tinh', password: 'province-password-1' } });
    const cookie = sentCookie(adminIn, 'motcua_hub');
    const create = (headers: Record<string, string>, code: string) =>
      call('POST', '/api/centres', { app: 'hub', cookie, headers, body: { code, name: 'Xã Cross', level: 'commune' } });
    const refused = await create({ origin: 'http://evil.example' }, 'CROSS-1');
    expect(refused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'cross_site' } } });
    expect(refused.body.ok === false && refused.body.error.message).toMatch(/trang web khác/);
    const english = await call('POST', '/api/centres', {
      app: 'hub',
      cookie,
      headers: { 'sec-fetch-site': 'cross-site', 'accept-language': 'en' },
      body: { code: 'CROSS-2', name: 'Xã Cross', level: 'commune' },
    });
    expect(english.body).toMatchObject({ ok: false, error: { code: 'cross_site', message: expect.stringMatching(/another website/) } });
    expect((await create({ 'sec-fetch-site': 'same-site' }, 'CROSS-3')).status).toBe(403);
    const centres = await hub.db.query<{ code: string }>(`select code from centres where code like 'CROSS-%'`);
    expect(centres).toEqual([]);
    // The app's own page is let through.
    expect((await create({ origin: hub.url, 'sec-fetch-site': 'same-origin' }, 'CROSS-4')).status).toBe(201);
    // A sign-in planted from another site is refused before the password is looked at, and sets no cookie.
    const planted = await signIn({ headers: { origin: 'http://evil.example' } });
    expect(planted).toMatchObject({ status: 403, body: { error: { code: 'cross_site' } } });
    expect(planted.cookies.size).toBe(0);
    // Reading from another site goes on as for the public, without the cookie.
    expect((await call('GET', '/api/auth/me', { app: 'hub', cookie, headers: { origin: 'http://evil.example' } })).status).toBe(401);
  });

  it('signing out ends the session and clears the cookie; a copy of it is worth nothing', async () => {
    const cookie = sentCookie(await signIn(), 'motcua_hub');
    const out = await call('POST', '/api/auth/logout', { app: 'hub', cookie, headers: { origin: hub.url } });
    expect(out.status).toBe(200);
    expect(out.cookies.get('motcua_hub')).toBe(cleared);
    const after = await call('GET', '/api/auth/me', { app: 'hub', cookie });
    expect(after.status).toBe(401);
    expect(after.cookies.get('motcua_hub')).toBe(cleared);
    await expect(hub.socket({ cookie }).then(subscribe)).resolves.toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('an expired session’s cookie is refused and cleared at the next request', async () => {
    const cookie = sentCookie(await signIn(), 'motcua_hub');
    await hub.db.query('update sessions set expires_at = $1 where token_hash = $2', [
      Date.now() - 1,
      tokenHash(cookie.slice('motcua_hub='.length)),
    ]);
    const me = await call('GET', '/api/auth/me', { app: 'hub', cookie });
    expect(me.status).toBe(401);
    expect(me.cookies.get('motcua_hub')).toBe(cleared);
  });

  it('a live connection ends with its session: signed out, or the account disabled', async () => {
    const bearer = async () => {
      const signedIn = await call('POST', '/api/auth/login', { body: manager });
      return signedIn.body.ok ? String(signedIn.body.value.token) : '';
    };
    const token = await bearer();
    const socket = await hub.socket({}, token);
    expect(await subscribe(socket)).toMatchObject({ ok: true });
    // A sweep (every 5 s) lets a live session's socket be.
    const swept = hub.hub.ctx.users.liveSessions([token], Date.now());
    expect(await swept).toEqual(new Set([token]));
    await call('POST', '/api/auth/logout', { headers: { authorization: `Bearer ${token}` } });
    await waitFor(() => !socket.connected, 'the signed-out session’s socket to be closed');
    const again = await hub.socket({}, await bearer());
    const other = await hub.socket({}, await bearer());
    expect(await subscribe(again)).toMatchObject({ ok: true });
    const made = await hub.request<Array<{ id: string; username: string }>>('GET', '/api/users', undefined, admin);
    const id = made.body.ok ? made.body.value.find((u) => u.username === manager.username)!.id : '';
    expect((await hub.request('PUT', `/api/users/${id}/state`, { disabled: true }, admin)).status).toBe(200);
    await waitFor(() => !again.connected && !other.connected, 'the disabled account’s sockets to be closed');
    expect((await hub.request('PUT', `/api/users/${id}/state`, { disabled: false }, admin)).status).toBe(200);
  });
});
