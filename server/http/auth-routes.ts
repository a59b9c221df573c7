import { LoginPayload, NewUserPayload, PairingCodePayload, PairPayload, SetupPayload } from '../../protocol/commands.ts';
import { audit } from '../app/audited-change.ts';
import type { AppContext } from '../app/context.ts';
import { parsePayload } from '../app/results.ts';
import { logger } from '../log.ts';
import { httpError, okResponse } from './http-results.ts';
import type { IncomingRequest, Refused, Router } from './router.ts';
import { assignKioskPrinter } from '../app/printer-settings.ts';
import { clearAuthCookie } from './auth-cookies.ts';
import { tokenOf } from './credential.ts';
import { handOverToken } from './token-handover.ts';
import { addBrowserTokenRoutes } from './browser-token-routes.ts';
import { deviceView } from './device-view.ts';

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
    return okResponse({ ...handOverToken(r, await ctx.auth.createSession(user.id), 'session'), user });
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
    return okResponse({ ...handOverToken(r, await ctx.auth.createSession(user.id), 'session'), user });
  });

  // A browser app signing out (or forgetting its pairing) also loses its cookie; a device's token itself stays valid.
  router.add('logout', async (r) => {
    const token = tokenOf(r.credential);
    if (token?.startsWith('ses_')) await ctx.auth.endSession(token);
    if (r.credential.app !== null) clearAuthCookie(r.res, r.credential.app, r.secure);
    return okResponse(null);
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
    return okResponse({ ...handOverToken(r, token, 'device'), device: deviceView(ctx, device) }, 201);
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
  addBrowserTokenRoutes(router, ctx);
}
