import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, UserAccountView } from '../../protocol/admin.ts';
import { systemClock } from '../../server/clock.ts';
import { AuthStore } from '../../server/auth/auth-store.ts';
import { HashingGate } from '../../server/auth/hashing-gate.ts';
import { command, TestServer, type ClientSocket } from '../support/test-server.ts';

describe('disabling and enabling a user over HTTP and Socket.IO', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
  });
  afterAll(() => server?.close());

  async function userId(username: string): Promise<string> {
    const r = await server.request<UserAccountView[]>('GET', '/api/users', undefined, admin);
    if (!r.body.ok) throw new Error('users refused');
    const u = r.body.value.find((x) => x.username === username);
    if (!u) throw new Error(`no user ${username}`);
    return u.id;
  }
  const setState = (id: string, body: unknown, token = admin) =>
    server.request<UserAccountView>('PUT', `/api/users/${id}/state`, body, token);
  const disconnected = (s: ClientSocket) =>
    new Promise<string>((resolve) => (s.connected ? s.once('disconnect', (reason) => resolve(reason)) : resolve('already')));

  it('disabling refuses sign-in with its own code and ends the open HTTP and socket sessions at once', async () => {
    const clerk = await server.clerkToken('leaver', [1]);
    const id = await userId('leaver');
    const socket = await server.socket(clerk);
    expect((await command(socket, 'counter:join', { counterId: 1 })).ok).toBe(true);
    const gone = disconnected(socket);

    const r = await setState(id, { disabled: true });
    expect(r.status).toBe(200);
    expect(r.body.ok && r.body.value.disabled).toBe(true);
    expect(await gone).toBe('io server disconnect');

    const me = await server.request('GET', '/api/auth/me', undefined, clerk);
    expect(me.status).toBe(401);
    const again = await server.socket(clerk);
    const refused = await command(again, 'counter:join', { counterId: 1 });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('unauthenticated');

    const login = await server.request('POST', '/api/auth/login', { username: 'leaver', password: 'clerk-password-1' });
    expect(login.status).toBe(403);
    expect(!login.body.ok && login.body.error.code).toBe('user_disabled');
    expect(!login.body.ok && login.body.error.message).toContain('vô hiệu hóa');
    // A wrong password still says only "wrong credentials": the state is told to whoever knows the password.
    const wrong = await server.request('POST', '/api/auth/login', { username: 'leaver', password: 'not-the-password' });
    expect(!wrong.body.ok && wrong.body.error.code).toBe('bad_credentials');

    const listed = await server.request<UserAccountView[]>('GET', '/api/users', undefined, admin);
    expect(listed.body.ok && listed.body.value.find((u) => u.id === id)?.disabled).toBe(true);
  });

  it('enabling restores sign-in with the same password', async () => {
    const id = await userId('leaver');
    const r = await setState(id, { disabled: false });
    expect(r.body.ok && r.body.value.disabled).toBe(false);
    const token = await server.login('leaver', 'clerk-password-1');
    const socket = await server.socket(token);
    expect((await command(socket, 'counter:join', { counterId: 1 })).ok).toBe(true);
  });

  it('records both actions in the audit log, with who did it', async () => {
    const r = await server.request<AuditEntry[]>('GET', '/api/audit', undefined, admin);
    if (!r.body.ok) throw new Error('audit refused');
    const mine = r.body.value.filter((e) => e.subject === 'leaver' && e.action.startsWith('user.'));
    expect(mine.map((e) => e.action)).toEqual(['user.enabled', 'user.disabled', 'user.created']);
    expect(mine[1]).toMatchObject({ actor: { username: 'admin' }, before: { disabled: false }, after: { disabled: true } });
  });

  it('a password reset also closes the live sockets of the sessions it ended', async () => {
    const token = await server.login('leaver', 'clerk-password-1');
    const socket = await server.socket(token);
    const gone = disconnected(socket);
    expect(
      (await server.request('PUT', `/api/users/${await userId('leaver')}/password`, { password: 'clerk-password-1' }, admin)).status,
    ).toBe(200);
    expect(await gone).toBe('io server disconnect');
  });

  it('an administrator cannot disable themself', async () => {
    const id = await userId('admin');
    const r = await setState(id, { disabled: true });
    expect(r.status).toBe(409);
    expect(!r.body.ok && r.body.error.code).toBe('cannot_disable_self');
    expect((await server.request('GET', '/api/auth/me', undefined, admin)).status).toBe(200);
  });

  it('another administrator can be disabled while one stays enabled', async () => {
    await server.request(
      'POST',
      '/api/users',
      { username: 'boss2', name: 'Phó quản trị', password: 'boss2-password', role: 'admin', counters: [] },
      admin,
    );
    const boss2 = await server.login('boss2', 'boss2-password');
    const r = await setState(await userId('admin'), { disabled: true }, boss2);
    expect(r.body.ok).toBe(true);
    expect((await server.request('GET', '/api/users', undefined, admin)).status).toBe(401);
    // The one enabled administrator left cannot disable themself; they enable the other again.
    expect((await setState(await userIdAs('boss2', boss2), { disabled: true }, boss2)).body).toMatchObject({
      ok: false,
      error: { code: 'cannot_disable_self' },
    });
    expect((await setState(await userIdAs('admin', boss2), { disabled: false }, boss2)).body.ok).toBe(true);
    admin = await server.login('admin', 'admin-password-1');
  });

  async function userIdAs(username: string, token: string): Promise<string> {
    const r = await server.request<UserAccountView[]>('GET', '/api/users', undefined, token);
    const u = r.body.ok ? r.body.value.find((x) => x.username === username) : undefined;
    if (!u) throw new Error(`no user ${username}`);
    return u.id;
  }

  it('refuses bad payloads, unknown users and non-administrators, and changes nothing', async () => {
    const id = await userId('leaver');
    for (const body of [{}, { disabled: 'yes' }, { disabled: 1 }, { disabled: true, extra: 1 }, 'not json', []]) {
      const r = await setState(id, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(['invalid_payload', 'invalid_json']).toContain(r.body.ok ? 'ok' : r.body.error.code);
    }
    expect((await setState('no-such-user', { disabled: true })).status).toBe(404);
    const clerk = await server.login('leaver', 'clerk-password-1');
    expect((await setState(id, { disabled: true }, clerk)).status).toBe(403);
    expect((await setState(id, { disabled: true }, '')).status).toBe(401);
    const listed = await server.request<UserAccountView[]>('GET', '/api/users', undefined, admin);
    expect(listed.body.ok && listed.body.value.find((u) => u.id === id)?.disabled).toBe(false);
    expect((await server.request('GET', '/api/auth/me', undefined, clerk)).status).toBe(200);
  });
});

describe('auth store: disabled users on disk', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('refuses to disable the last enabled administrator', async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-auth-'));
    const store = await AuthStore.open(dir, systemClock, new HashingGate(() => ({ concurrent: 1, queued: 8 })));
    const a = await store.createUser({ username: 'a1', name: 'A', password: 'password-1', role: 'admin', counters: [] });
    const b = await store.createUser({ username: 'b1', name: 'B', password: 'password-1', role: 'admin', counters: [] });
    if (!a || !b) throw new Error('not created');
    expect(await store.setDisabled(a.id, true)).toMatchObject({ ok: true });
    expect(await store.setDisabled(b.id, true)).toEqual({ ok: false, refusal: 'last_admin' });
    expect(await store.setDisabled('nobody', true)).toEqual({ ok: false, refusal: 'not_found' });
    expect(store.users().map((u) => [u.username, u.disabled])).toEqual([
      ['a1', true],
      ['b1', false],
    ]);
  });

  it('keeps the state across a restart, and users stored before the field existed are enabled', async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-auth-'));
    const store = await AuthStore.open(dir, systemClock, new HashingGate(() => ({ concurrent: 1, queued: 8 })));
    const u = await store.createUser({ username: 'old', name: 'Old', password: 'password-1', role: 'clerk', counters: [] });
    const gone = await store.createUser({ username: 'gone', name: 'Gone', password: 'password-1', role: 'clerk', counters: [] });
    if (!u || !gone) throw new Error('not created');
    await store.setDisabled(gone.id, true);
    const file = join(dir, 'auth.json');
    const raw = JSON.parse(await readFile(file, 'utf8')) as { users: Record<string, unknown>[] };
    expect(raw.users.find((x) => x.username === 'old')).not.toHaveProperty('disabled');
    await writeFile(file, JSON.stringify(raw));
    const reopened = await AuthStore.open(dir, systemClock, new HashingGate(() => ({ concurrent: 1, queued: 8 })));
    expect(reopened.users().map((x) => [x.username, x.disabled])).toEqual([
      ['old', false],
      ['gone', true],
    ]);
    expect(await reopened.verify('old', 'password-1')).toMatchObject({ disabled: false });
    const session = await reopened.createSession(u.id);
    expect(reopened.sessionUser(session)?.username).toBe('old');
  });
});
