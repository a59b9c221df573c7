import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { browserApps } from '../../protocol/browser-apps.ts';
import type { AuthStore } from '../auth/auth-store.ts';
import { type Principal, resolvePrincipal } from '../auth/principal.ts';
import { clearAuthCookie } from './auth-cookies.ts';
import { type Credential, credentialAmong, handshakeAmong, tokenOf } from './credential.ts';

/** An HTTP request's credential at a centre, among its five browser apps (see `credentialAmong`). */
export function requestCredential(headers: IncomingHttpHeaders, method: string): Credential | 'cross_site' {
  return credentialAmong(headers, method, browserApps);
}

/** A Socket.IO handshake's credential at a centre (see `handshakeAmong`). */
export function handshakeCredential(auth: Record<string, unknown>, headers: IncomingHttpHeaders): Credential | 'cross_site' {
  return handshakeAmong(auth, headers, browserApps);
}

/**
 * Who an HTTP request is: its credential and principal. A cookie that names nobody any more
 * (revoked, expired, signed out elsewhere) is cleared in the answer, so the browser stops
 * sending it and the app learns it must pair or sign in again.
 */
export function requestIdentity(
  auth: AuthStore,
  req: IncomingMessage,
  res: ServerResponse,
  secure: boolean,
): { credential: Credential; principal: Principal; crossSite: boolean } {
  const found = requestCredential(req.headers, req.method ?? 'GET');
  const credential: Credential = found === 'cross_site' ? { via: 'none', app: null } : found;
  const principal = resolvePrincipal(auth, tokenOf(credential));
  if (credential.via === 'cookie' && principal.role === 'public') clearAuthCookie(res, credential.app, secure);
  return { credential, principal, crossSite: found === 'cross_site' };
}
