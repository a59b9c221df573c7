import { LoginPayload, NewUserPayload, PairingCodePayload, PairPayload, SetupPayload } from '../../protocol/commands.ts';
import { audit } from '../app/audited-change.ts';
import type { AppContext } from '../app/context.ts';
import { parsePayload } from '../app/results.ts';
import { logger } from '../log.ts';
import { httpError, okResponse } from './http-results.ts';
import type { DeviceView } from '../../protocol/http-views.ts';
import type { DeviceRecord } from '../auth/auth-store.ts';
import type { IncomingRequest, Refused, Router } from './router.ts';
import { assignKioskPrinter } from '../app/printer-settings.ts';

const log = logger('auth');
/** What a sign-in refused for a full hashing gate is told: a moment, not a lock-out. */
const signInBusySeconds = 5;

/** Sign-in, first-run set-up, users and device pairing. */
export function addAuthRoutes(router: Router, ctx: AppContext): void {
  const tooMany = (r: IncomingRequest, seconds: number): Refused => httpError(ctx, r, 'too_many_attempts', { seconds });

  router.add('authStatus', () => okResponse({ needsSetup: !ctx.auth.hasAdmin() }));

  // First run: whoever holds the token printed on the server's console (the route's policy) creates the admin.
  router.add('setup', async (r) => {
    const p = parsePayload(SetupPayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    // The token works once: a second request that passed the policy meanwhile finds it used.
    if (ctx.setup.token === null) return httpError(ctx, r, 'setup_done');
    ctx.setup.token = null;
    const user = await ctx.auth.createUser({ ...p.value, role: 'admin', counters: [] });
    if (!user) return httpError(ctx, r, 'username_taken');
    log.info('administrator created', { username: user.username });
    return okResponse({ token: await ctx.auth.createSession(user.id), user });
  });

  router.add('login', async (r) => {
    const p = parsePayload(LoginPayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    // Counted from now, before the hash: attempts still being checked count against the limits.
    const admitted = ctx.guards.attempts.begin(r.address, p.value.username);
    if (!admitted.ok) return tooMany(r, admitted.seconds);
    const user = await ctx.auth.verify(p.value.username, p.value.password).catch((e: unknown) => {
      admitted.attempt.dropped();
      throw e;
    });
    if (user === 'busy') {
      admitted.attempt.dropped();
      return httpError(ctx, r, 'sign_in_busy', { seconds: signInBusySeconds });
    }
    if (!user) {
      admitted.attempt.failed();
      return httpError(ctx, r, 'bad_credentials');
    }
    admitted.attempt.succeeded();
    // Said only to whoever knows the password, so it tells a guesser nothing.
    if (user.disabled) return httpError(ctx, r, 'user_disabled');
    return okResponse({ token: await ctx.auth.createSession(user.id), user });
  });

  router.add('logout', async (r) => {
    const token = bearer(r);
    if (token) await ctx.auth.endSession(token);
    return okResponse(null);
  });

  router.add('whoAmI', (r) => {
    if (r.principal.role === 'user') return okResponse({ user: r.principal.user });
    if (r.principal.role === 'device') return okResponse({ device: deviceView(ctx, r.principal.device) });
    return httpError(ctx, r, 'unauthenticated');
  });

  router.add('users', () => okResponse(ctx.auth.users()));
  router.add('createUser', async (r) => {
    const p = parsePayload(NewUserPayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    const user = await ctx.auth.createUser(p.value);
    if (user) await audit(ctx, r.principal, 'user.created', user.username, { after: { role: user.role, counters: user.counters } });
    return user ? okResponse(user, 201) : httpError(ctx, r, 'username_taken');
  });

  router.add('createPairingCode', async (r) => {
    const p = parsePayload(PairingCodePayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    const printerId = p.value.kind === 'kiosk' ? (p.value.printerId ?? null) : null;
    if (printerId !== null && !ctx.printing.settings().printers.some((x) => x.id === printerId)) return httpError(ctx, r, 'not_found');
    await audit(ctx, r.principal, 'device.pairing_code', p.value.name, {
      after: { kind: p.value.kind, counterId: p.value.counterId ?? null, printerId },
    });
    return okResponse(ctx.pairing.create({ kind: p.value.kind, name: p.value.name, counterId: p.value.counterId ?? null, printerId }), 201);
  });

  // A device enters the code it was given and receives its long-lived token.
  router.add('pair', async (r) => {
    const p = parsePayload(PairPayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    const admitted = ctx.guards.attempts.begin(r.address, null);
    if (!admitted.ok) return tooMany(r, admitted.seconds);
    const request = ctx.pairing.redeem(p.value.code);
    if (!request) {
      admitted.attempt.failed();
      return httpError(ctx, r, 'pairing_code_invalid');
    }
    admitted.attempt.succeeded();
    const { printerId, ...deviceRequest } = request;
    const { device, token } = await ctx.auth.pairDevice(deviceRequest);
    // The kiosk's printer, chosen with its pairing code; a printer removed since then leaves it on the first one.
    if (printerId !== null) await assignKioskPrinter(ctx, device.id, printerId);
    log.info('device paired', { id: device.id, kind: device.kind, name: device.name });
    return okResponse({ token, device: deviceView(ctx, device) }, 201);
  });

  router.add('devices', () => okResponse(ctx.auth.devices().map((d) => deviceView(ctx, d))));
  router.add('revokeDevice', async (r) => {
    const device = ctx.auth.devices().find((d) => d.id === r.params.id);
    if (!device || !(await ctx.auth.revokeDevice(device.id))) return httpError(ctx, r, 'not_found');
    await audit(ctx, r.principal, 'device.revoked', device.name, { before: { kind: device.kind } });
    return okResponse(null);
  });
  // A token that may have been copied (a screen sent for repair, a browser's storage read) is replaced without pairing again.
  router.add('rotateDeviceToken', async (r) => {
    const device = ctx.auth.devices().find((d) => d.id === r.params.id);
    const outcome = device ? await ctx.auth.rotateDeviceToken(device.id, (token) => ctx.deliverDeviceToken(device.id, token)) : 'not_found';
    if (outcome === 'not_found' || !device) return httpError(ctx, r, 'not_found');
    if (outcome === 'not_delivered') return httpError(ctx, r, 'device_offline');
    await audit(ctx, r.principal, 'device.token_rotated', device.name, { before: { kind: device.kind } });
    return okResponse(null);
  });
}

function bearer(r: IncomingRequest): string | null {
  const h = r.req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : null;
}

function deviceView(ctx: AppContext, d: DeviceRecord): DeviceView {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    counterId: d.counterId,
    pairedAt: d.pairedAt,
    lastContactAt: ctx.auth.lastContact(d),
    revokedAt: d.revokedAt,
  };
}
