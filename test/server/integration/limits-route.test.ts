import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../protocol/admin.ts';
import type { LimitProblem, LimitsView } from '../../../protocol/limit-fields.ts';
import { defaultLimits, type LimitsInput } from '../../../protocol/limits.ts';
import { type Reply, send, via } from '../../support/network-client.ts';
import { rawCommand, TestServer } from '../../support/test-server.ts';
import { waitForAnswer } from '../../support/wait-for.ts';

// The admin changes the limits through the route while the server runs, and the next requests
// meet the new numbers: real HTTP and Socket.IO clients, addresses said by a trusted proxy.

type Refusal = Reply['body'] & { problems?: LimitProblem[] };

describe('the admin changes the limits through /api/config/limits, and they apply without a restart', () => {
  let server: TestServer;
  let admin: string;
  let kiosk: string;
  const asAdmin = (method: string, body?: unknown, lang = 'en') =>
    send(server.url, method, '/api/config/limits', body, { authorization: `Bearer ${admin}`, 'accept-language': lang });
  const saveLimits = async (limits: LimitsInput): Promise<LimitsView> => {
    const r = await asAdmin('PUT', limits);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return (r.body as unknown as { value: LimitsView }).value;
  };
  const siteFile = () => readFile(join(server.dataDir, 'site.json'), 'utf8');

  beforeAll(async () => {
    server = await TestServer.start({ flags: ['--trusted-proxies', '127.0.0.1'] });
    admin = await server.adminToken();
    kiosk = await server.deviceToken('kiosk');
  });
  afterAll(() => server.close());

  it('reads the limits with their defaults and allowed values', async () => {
    const r = await asAdmin('GET');
    expect(r.status).toBe(200);
    const view = (r.body as unknown as { value: LimitsView }).value;
    expect(view.limits).toEqual(defaultLimits());
    expect(view.defaults.kioskIssue).toEqual({ burst: 6, perMinute: 6 });
    expect(view.ranges['kioskIssue.perMinute']).toEqual({ min: 1, max: 600, integer: true });
    expect(view.ranges['requests.perAddress.perSecond']).toEqual({ min: 0.01, max: 10_000, integer: false });
  });

  it('a lower budget per address refuses the very next anonymous requests; saved in site.json and audited', async () => {
    // At the default (600 at once) an address asks as often as it likes.
    for (let i = 0; i < 8; i++) expect((await send(server.url, 'GET', '/api/site', undefined, via('10.20.0.1'))).status).toBe(200);
    const saved = await saveLimits({ requests: { perAddress: { burst: 3, perSecond: 0.01 } } });
    expect(saved.limits.requests.perAddress).toEqual({ burst: 3, perSecond: 0.01 });
    // Left out: the defaults.
    expect(saved.limits.kioskIssue).toEqual({ burst: 6, perMinute: 6 });
    // The very next requests meet the new burst: the address's room is cut down to it, then refused.
    const next = await Promise.all(Array.from({ length: 5 }, () => send(server.url, 'GET', '/api/site', undefined, via('10.20.0.1'))));
    expect(next.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429]);
    // One more token every 100 s.
    expect(next.find((r) => r.status === 429)?.body.error).toMatchObject({
      code: 'too_many_requests',
      message: 'Too many requests from this device. Please wait 2 min and try again.',
    });
    // A new address gets the new burst, and no more.
    const fresh = await Promise.all(Array.from({ length: 5 }, () => send(server.url, 'GET', '/api/site', undefined, via('10.20.0.2'))));
    expect(fresh.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429]);
    // Staff and kiosks are not counted.
    const issued = await send(server.url, 'POST', '/api/tickets', { serviceId: 'civil-status' }, { authorization: `Bearer ${kiosk}` });
    expect(issued.status).toBe(200);

    expect(JSON.parse(await siteFile()).limits.requests.perAddress).toEqual({ burst: 3, perSecond: 0.01 });
    const audit = await server.request<AuditEntry[]>('GET', '/api/audit?limit=5', undefined, admin);
    const entry = audit.body.ok ? audit.body.value.find((e) => e.action === 'config.limits') : undefined;
    expect(entry).toMatchObject({
      actor: { username: 'admin' },
      subject: 'limits',
      before: { requests: { perAddress: { burst: 600, perSecond: 60 } } },
      after: { requests: { perAddress: { burst: 3, perSecond: 0.01 } } },
    });
    await saveLimits({});
    expect((await send(server.url, 'GET', '/api/site', undefined, via('10.20.0.2'))).status).toBe(200);
  });

  it('the kiosk’s issue rate, the sign-in limits and an open socket’s budget follow the saved limits', async () => {
    // A board connected under the default budget (20 events at once).
    const board = await server.socket(undefined, 'en');
    await saveLimits({
      kioskIssue: { burst: 1, perMinute: 1 },
      signIn: { failuresPerAddress: 2 },
      requests: { perConnection: { burst: 2, perSecond: 0.01 } },
    });
    const issue = () => send(server.url, 'POST', '/api/tickets', { serviceId: 'civil-status' }, { authorization: `Bearer ${kiosk}` });
    // One at once, then one a minute.
    expect((await issue()).status).toBe(200);
    const tooFast = await issue();
    expect(tooFast.status).toBe(429);
    expect(tooFast.body.error?.code).toBe('rate_limited');

    const login = (password: string) => send(server.url, 'POST', '/api/auth/login', { username: 'admin', password }, via('10.21.0.1'));
    expect((await login('guess-1')).status).toBe(401);
    expect((await login('guess-2')).status).toBe(401);
    expect((await login('admin-password-1')).body.error?.code).toBe('too_many_attempts');

    // The board's connection is held to the new budget.
    const asks = [];
    for (let i = 0; i < 3; i++) asks.push(await rawCommand(board, 'display:subscribe'));
    expect(asks.map((a) => (a as { ok: boolean }).ok)).toEqual([true, true, false]);
    expect(asks[2]).toMatchObject({ error: { code: 'too_many_requests' } });
    // Raised again, the kiosk issues at once: its bucket refills at the new rate.
    await saveLimits({ kioskIssue: { burst: 6, perMinute: 600 } });
    await waitForAnswer(async () => (await issue()).status === 200, 'the kiosk to issue again');
    await saveLimits({});
  });

  it('the bound on password hashing follows the saved limits', async () => {
    // Nobody may wait for a turn: sign-ins arriving while one is checked are told to retry.
    await saveLimits({ hashing: { concurrent: 1, queued: 0 } });
    const logins = (n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          send(server.url, 'POST', '/api/auth/login', { username: `nobody-${i}`, password: 'x-password' }, via(`10.22.${i}.1`)),
        ),
      );
    const crowded = await logins(8);
    expect(crowded.filter((r) => r.status === 503).length).toBeGreaterThan(0);
    expect(crowded.find((r) => r.status === 503)?.body.error?.code).toBe('sign_in_busy');
    await saveLimits({ hashing: { concurrent: 1, queued: 20 } });
    expect((await logins(8)).map((r) => r.status)).toEqual(Array(8).fill(401));
    await saveLimits({});
  });

  it('refuses anyone but an admin, and changes nothing', async () => {
    const before = await siteFile();
    const clerk = await server.clerkToken('clerk1');
    const display = await server.deviceToken('display');
    const body = { kioskIssue: { burst: 1, perMinute: 1 } };
    for (const [token, status] of [
      [clerk, 403],
      [kiosk, 403],
      [display, 403],
      [undefined, 401],
    ] as const) {
      const headers = { ...via('10.23.0.1'), ...(token && { authorization: `Bearer ${token}` }) };
      expect((await send(server.url, 'PUT', '/api/config/limits', body, headers)).status).toBe(status);
      expect((await send(server.url, 'GET', '/api/config/limits', undefined, headers)).status).toBe(status);
    }
    expect(await siteFile()).toBe(before);
  });

  it('refuses a bad body with the field named, in the admin’s language, and changes nothing', async () => {
    await saveLimits({ kioskIssue: { burst: 4 } });
    const before = await siteFile();
    const refused = async (body: unknown, lang = 'en') => {
      const r = await asAdmin('PUT', body, lang);
      expect(r.status).toBe(422);
      return r.body as Refusal;
    };

    const wrongType = await refused({ kioskIssue: { perMinute: 'six' } });
    expect(wrongType.error).toMatchObject({
      code: 'admin:limits.invalid',
      message: 'The limits were not saved. “Tickets at the kiosk › More tickets a minute”: Enter a number.',
    });
    expect(wrongType.problems).toEqual([{ field: 'kioskIssue.perMinute', message: 'Enter a number.' }]);

    const outOfRange = await refused({ kioskIssue: { perMinute: 601 }, signIn: { windowMinutes: 0 }, hashing: { queued: 1.5 } }, 'vi');
    expect(outOfRange.error?.message).toBe('Chưa lưu các giới hạn. «Lấy số tại ki-ốt › Số phiếu thêm mỗi phút»: Không được lớn hơn 600.');
    expect(outOfRange.problems).toEqual([
      { field: 'kioskIssue.perMinute', message: 'Không được lớn hơn 600.' },
      { field: 'signIn.windowMinutes', message: 'Không được nhỏ hơn 1.' },
      { field: 'hashing.queued', message: 'Cần nhập một số nguyên.' },
    ]);

    // A misspelt field would otherwise be dropped in silence, leaving the limit at its default.
    const unknown = await refused({ kioskIssue: { perMinutes: 3 } });
    expect(unknown.error?.message).toBe('The limits were not saved. “kioskIssue.perMinutes”: There is no limit of this name.');
    expect(unknown.problems).toEqual([{ field: 'kioskIssue.perMinutes', message: 'There is no limit of this name.' }]);

    expect((await refused({ signIn: 10 })).problems).toEqual([{ field: 'signIn', message: 'Must be a group of values (a JSON object).' }]);
    expect((await refused([1, 2])).error?.message).toBe(
      'The limits were not saved. “Access limits”: Must be a group of values (a JSON object).',
    );

    expect(await siteFile()).toBe(before);
    expect(server.server.ctx.site.get().limits.kioskIssue).toEqual({ burst: 4, perMinute: 6 });
    await saveLimits({});
  });
});
