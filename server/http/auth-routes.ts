import { LoginPayload, NewUserPayload, PairingCodePayload, PairPayload, SetupPayload } from '../../protocol/commands.ts';
import { isAdmin } from '../auth/principal.ts';
import { audit } from '../app/audited-change.ts';
import type { AppContext } from '../app/context.ts';
import { parsePayload } from '../app/results.ts';
import { logger } from '../log.ts';
import { httpError, okResponse } from './http-results.ts';
import type { Router, RouteRequest, RouteResponse } from './router.ts';

const log = logger('auth');

/** Sign-in, first-run set-up, users and device pairing. */
export function addAuthRoutes(router: Router, ctx: AppContext): void {
  const body = async <T>(r: RouteRequest, schema: Parameters<typeof parsePayload>[0]) => {
    const p = parsePayload(schema, await r.body());
    return p as { ok: true; value: T } | { ok: false; refusal: { code: string; params?: Record<string, string | number> } };
  };
  const limited = (r: RouteRequest): RouteResponse => {
    const wait = ctx.attempts.blockedFor(r.address, ctx.clock());
    return wait > 0 ? httpError(ctx, r, 'too_many_attempts', { seconds: wait }) : null;
  };

  router.add('GET', '/api/auth/status', () => okResponse({ needsSetup: !ctx.auth.hasAdmin() }));

  // First run: whoever holds the token printed on the server's console creates the admin.
  router.add('POST', '/api/auth/setup', async (r) => {
    const p = await body<{ token: string; username: string; name: string; password: string }>(r, SetupPayload);
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    if (ctx.auth.hasAdmin()) return httpError(ctx, r, 'setup_done');
    const blocked = limited(r);
    if (blocked) return blocked;
    if (!ctx.setup.token || p.value.token !== ctx.setup.token) {
      ctx.attempts.fail(r.address, ctx.clock());
      return httpError(ctx, r, 'setup_token_invalid');
    }
    ctx.setup.token = null;
    const user = await ctx.auth.createUser({ ...p.value, role: 'admin', counters: [] }, ctx.clock());
    if (!user) return httpError(ctx, r, 'username_taken');
    log.info('administrator created', { username: user.username });
    return okResponse({ token: await ctx.auth.createSession(user.id, ctx.clock()), user });
  });

  router.add('POST', '/api/auth/login', async (r) => {
    const p = await body<{ username: string; password: string }>(r, LoginPayload);
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    const blocked = limited(r);
    if (blocked) return blocked;
    const user = await ctx.auth.verify(p.value.username, p.value.password);
    if (!user) {
      ctx.attempts.fail(r.address, ctx.clock());
      return httpError(ctx, r, 'bad_credentials');
    }
    // Said only to whoever knows the password, so it tells a guesser nothing.
    if (user.disabled) return httpError(ctx, r, 'user_disabled');
    ctx.attempts.succeed(r.address);
    return okResponse({ token: await ctx.auth.createSession(user.id, ctx.clock()), user });
  });

  router.add('POST', '/api/auth/logout', async (r) => {
    const token = bearer(r);
    if (token) await ctx.auth.endSession(token);
    return okResponse(null);
  });

  router.add('GET', '/api/auth/me', (r) => {
    if (r.principal.role === 'public') return httpError(ctx, r, 'unauthenticated');
    return okResponse(r.principal.role === 'user' ? { user: r.principal.user } : { device: deviceView(r.principal.device) });
  });

  router.add('GET', '/api/users', (r) => (isAdmin(r.principal) ? okResponse(ctx.auth.users()) : deny(ctx, r)));
  router.add('POST', '/api/users', async (r) => {
    if (!isAdmin(r.principal)) return deny(ctx, r);
    const p = await body<{ username: string; name: string; password: string; role: 'clerk' | 'admin'; counters: number[] }>(
      r,
      NewUserPayload,
    );
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    const user = await ctx.auth.createUser(p.value, ctx.clock());
    if (user) await audit(ctx, r.principal, 'user.created', user.username, { after: { role: user.role, counters: user.counters } });
    return user ? okResponse(user, 201) : httpError(ctx, r, 'username_taken');
  });

  router.add('POST', '/api/devices/pairing-codes', async (r) => {
    if (!isAdmin(r.principal)) return deny(ctx, r);
    const p = await body<{ kind: 'kiosk' | 'display' | 'counter' | 'rating'; name: string; counterId?: number }>(r, PairingCodePayload);
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    await audit(ctx, r.principal, 'device.pairing_code', p.value.name, {
      after: { kind: p.value.kind, counterId: p.value.counterId ?? null },
    });
    return okResponse(
      ctx.pairing.create({ kind: p.value.kind, name: p.value.name, counterId: p.value.counterId ?? null }, ctx.clock()),
      201,
    );
  });

  // A device enters the code it was given and receives its long-lived token.
  router.add('POST', '/api/devices/pair', async (r) => {
    const p = await body<{ code: string }>(r, PairPayload);
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    const blocked = limited(r);
    if (blocked) return blocked;
    const request = ctx.pairing.redeem(p.value.code, ctx.clock());
    if (!request) {
      ctx.attempts.fail(r.address, ctx.clock());
      return httpError(ctx, r, 'pairing_code_invalid');
    }
    const { device, token } = await ctx.auth.pairDevice(request, ctx.clock());
    log.info('device paired', { id: device.id, kind: device.kind, name: device.name });
    return okResponse({ token, device: deviceView(device) }, 201);
  });

  router.add('GET', '/api/devices', (r) => (isAdmin(r.principal) ? okResponse(ctx.auth.devices().map(deviceView)) : deny(ctx, r)));
  router.add('DELETE', '/api/devices/:id', async (r) => {
    if (!isAdmin(r.principal)) return deny(ctx, r);
    const device = ctx.auth.devices().find((d) => d.id === r.params.id);
    if (!device || !(await ctx.auth.revokeDevice(device.id, ctx.clock()))) return httpError(ctx, r, 'not_found');
    await audit(ctx, r.principal, 'device.revoked', device.name, { before: { kind: device.kind } });
    return okResponse(null);
  });
}

export function bearer(r: RouteRequest): string | null {
  const h = r.req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : null;
}

function deny(ctx: AppContext, r: RouteRequest): RouteResponse {
  return httpError(ctx, r, r.principal.role === 'public' ? 'unauthenticated' : 'forbidden');
}

function deviceView(d: { id: string; kind: string; name: string; counterId: number | null; pairedAt: number; revokedAt: number | null }) {
  return { id: d.id, kind: d.kind, name: d.name, counterId: d.counterId, pairedAt: d.pairedAt, revokedAt: d.revokedAt };
}
