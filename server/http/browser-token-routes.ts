import type { WhoAmIView } from '../../protocol/http-views.ts';
import { AdoptTokenPayload, TokenClaimPayload } from '../../protocol/commands.ts';
import type { AppContext } from '../app/context.ts';
import { parsePayload } from '../app/results.ts';
import { type Principal, resolvePrincipal } from '../auth/principal.ts';
import { deviceView } from './device-view.ts';
import { httpError, okResponse } from './http-results.ts';
import type { Refused, Router } from './router.ts';
import { handOverToken } from './token-handover.ts';

/**
 * How a browser app learns who it is without reading its token, and how tokens come to be in
 * its cookie besides pairing and sign-in: one kept by an older build, and a device's new token.
 */
export function addBrowserTokenRoutes(router: Router, ctx: AppContext): void {
  // Each page load asks; a device's cookie is set again then, so it lasts while the device is in use.
  router.add('whoAmI', (r) => {
    if (r.principal.role === 'device' && r.credential.via === 'cookie') handOverToken(r, r.credential.token, 'device');
    const who = whoIs(ctx, r.principal);
    return who ? okResponse(who) : httpError(ctx, r, 'unauthenticated');
  });

  // A device paired on a build that kept its token in localStorage hands it over once and needs no new pairing.
  router.add('adoptToken', async (r) => {
    const p = parsePayload(AdoptTokenPayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    if (r.credential.app === null) return appNotNamed(ctx, r);
    const principal = resolvePrincipal(ctx.auth, p.value.token);
    const who = whoIs(ctx, principal);
    if (!who) return httpError(ctx, r, 'unauthenticated');
    handOverToken(r, p.value.token, principal.role === 'device' ? 'device' : 'session');
    return okResponse(who);
  });

  // The new token a rotation offered this device's cookie connection becomes its cookie; see TokenClaims.
  router.add('claimDeviceToken', async (r) => {
    const p = parsePayload(TokenClaimPayload, await r.body());
    if (!p.ok) return httpError(ctx, r, p.refusal.code, p.refusal.params);
    if (r.credential.app === null) return appNotNamed(ctx, r);
    const token = r.principal.role === 'device' ? ctx.tokenClaims.take(p.value.claim, r.principal.device.id) : null;
    if (token === null) return httpError(ctx, r, 'not_found');
    handOverToken(r, token, 'device');
    return okResponse(null);
  });
}

function whoIs(ctx: AppContext, p: Principal): WhoAmIView | null {
  if (p.role === 'user') return { user: p.user };
  if (p.role === 'device') return { device: deviceView(ctx, p.device) };
  return null;
}

function appNotNamed(ctx: AppContext, r: Parameters<typeof httpError>[1]): Refused {
  return httpError(ctx, r, 'app_not_named');
}
