import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotOf } from '../../../server/core/queue-state.ts';
import type { Result } from '../../../protocol/result.ts';
import { command, type RawSocket, rawCommand, TestServer } from '../../support/test-server.ts';

describe('who may do what, and bad input', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(() => server.close());

  const queue = () => JSON.stringify(snapshotOf(server.server.ctx.engine.state));

  it('an unauthenticated socket cannot issue tickets or drive a counter, and nothing changes', async () => {
    const before = queue();
    const anon = await server.socket();
    expect(await command(anon, 'ticket:issue', { serviceId: 'civil-status' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await command(anon, 'counter:join', { counterId: 1 })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await command(anon, 'counter:next', { counterId: 1 })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await command(anon, 'admin:subscribe')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const forged = await server.socket('dev_not-a-real-token');
    expect(await command(forged, 'ticket:issue', { serviceId: 'civil-status' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(queue()).toBe(before);
  });

  it('a clerk acts only on the counter they joined, and only where allowed', async () => {
    const clerk = await server.socket(await server.clerkToken('only2', [2]));
    expect(await command(clerk, 'counter:join', { counterId: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await command(clerk, 'counter:next', { counterId: 2 })).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in_to_counter' },
    });
    expect((await command(clerk, 'counter:join', { counterId: 2 })).ok).toBe(true);
    expect(await command(clerk, 'counter:next', { counterId: 3 })).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in_to_counter' },
    });
  });

  it('a kiosk cannot act as a clerk', async () => {
    const kiosk = await server.socket(await server.deviceToken('kiosk'));
    expect(await command(kiosk, 'counter:join', { counterId: 1 })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  const malformed: Array<[string, unknown]> = [
    ['no payload', undefined],
    ['a string', 'civil-status'],
    ['a number', 42],
    ['an array', ['civil-status']],
    ['a wrong type', { serviceId: 7 }],
    ['an unknown field', { serviceId: 'civil-status', admin: true }],
    ['a prototype key', JSON.parse('{"serviceId":"civil-status","__proto__":{"x":1}}')],
    ['an overlong id', { serviceId: 'x'.repeat(5000) }],
    ['a bad priority group', { serviceId: 'civil-status', priorityGroup: 'VIP!' }],
  ];
  it.each(malformed)('a malformed ticket:issue (%s) gets a clear error and changes nothing', async (_name, payload) => {
    const kiosk = await server.socket(await server.deviceToken('kiosk'));
    const before = queue();
    const r = (
      payload === undefined ? await rawCommand(kiosk, 'ticket:issue', null) : await rawCommand(kiosk, 'ticket:issue', payload)
    ) as Result<unknown>;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(['invalid_payload', 'unknown_service']).toContain(r.error.code);
      expect(r.error.message.length).toBeGreaterThan(10);
    }
    expect(queue()).toBe(before);
  });

  it('malformed counter commands are refused and the connection stays usable', async () => {
    const clerk = await server.socket(await server.clerkToken());
    await rawCommand(clerk, 'counter:join', { counterId: 1 });
    for (const payload of [{}, { counterId: '1' }, { counterId: 1.5 }, { counterId: 100 }, { counterId: 1, reason: '' }]) {
      expect(await rawCommand(clerk, 'counter:pause', payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    const raw: RawSocket = clerk;
    raw.emit('counter:next');
    raw.emit('no:such-event', { x: 1 });
    expect(await rawCommand(clerk, 'counter:open', { counterId: 1 })).toMatchObject({ ok: true });
  });

  it('the follow page needs a correctly signed link', async () => {
    const kiosk = await server.socket(await server.deviceToken('kiosk'));
    const issued = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    if (!issued.ok) throw new Error('issue failed');
    const phone = await server.socket();
    expect((await command(phone, 'ticket:follow', { ref: issued.value.ref })).ok).toBe(true);
    const forged = `${issued.value.ticket.id}.AAAAAAAAAAAAAAAA`;
    expect(await command(phone, 'ticket:follow', { ref: forged })).toMatchObject({ ok: false, error: { code: 'bad_signature' } });
    expect((await server.request('GET', `/api/tickets/${forged}`)).status).toBe(404);
    const http = await server.request<{ label: string; peopleAhead: number }>('GET', `/api/tickets/${issued.value.ref}`);
    expect(http.body).toMatchObject({ ok: true, value: { label: '1001', peopleAhead: 0 } });
    expect(JSON.stringify(http.body)).not.toMatch(/clerk|kiosk|device/i);
  });

  it('first-run set-up needs the printed token and works once', async () => {
    const token = server.server.ctx.setup.token!;
    const bad = await server.request('POST', '/api/auth/setup', {
      token: 'x'.repeat(24),
      username: 'eve',
      name: 'Eve',
      password: 'password-123',
    });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'setup_token_invalid' } });
    const good = await server.request('POST', '/api/auth/setup', { token, username: 'boss', name: 'Boss', password: 'password-123' });
    expect(good.body.ok).toBe(true);
    const again = await server.request('POST', '/api/auth/setup', { token, username: 'eve', name: 'Eve', password: 'password-123' });
    expect(again.body).toMatchObject({ ok: false, error: { code: 'setup_done' } });
  });

  it('passwords are stored as scrypt hashes and a wrong password is refused', async () => {
    await server.clerkToken('clerk9');
    const r = await server.request('POST', '/api/auth/login', { username: 'clerk9', password: 'wrong-password' });
    expect(r).toMatchObject({ status: 401, body: { ok: false, error: { code: 'bad_credentials' } } });
    const { readFile } = await import('node:fs/promises');
    const auth = await readFile(`${server.dataDir}/auth.json`, 'utf8');
    expect(auth).toMatch(/"passwordHash": "scrypt\$32768\$8\$1\$/);
    expect(auth).not.toContain('clerk-password-1');
  });

  it('a kiosk is rate-limited, so nobody can drain the day’s numbers', async () => {
    const kiosk = await server.socket(await server.deviceToken('kiosk'));
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' }));
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    expect(results.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(server.server.ctx.engine.state.tickets.size).toBe(6);
  });

  it('bad HTTP bodies get a clear error', async () => {
    const kiosk = await server.deviceToken('kiosk');
    expect((await server.request('POST', '/api/tickets', '{not json', kiosk)).body).toMatchObject({
      ok: false,
      error: { code: 'invalid_json' },
    });
    expect((await server.request('POST', '/api/tickets', { serviceId: 1 }, kiosk)).status).toBe(400);
    expect((await server.request('POST', '/api/tickets', 'x'.repeat(3 * 1024 * 1024), kiosk)).status).toBe(413);
    expect((await server.request('GET', '/api/nope')).status).toBe(404);
    expect(server.server.ctx.engine.state.tickets.size).toBe(0);
  });
});
