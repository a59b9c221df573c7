import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { BrowserApp } from '../../protocol/browser-apps.ts';
import type { AuthStore } from '../auth/auth-store.ts';
import { type Principal, resolvePrincipal } from '../auth/principal.ts';
import { appNamed, appOfHeaders, clearAuthCookie, cookieName, cookieValue } from './auth-cookies.ts';
import { isCrossSite } from './cross-site.ts';

/**
 * The token a request or handshake carries, and how: a Bearer token (integrators, tests, the
 * hub), else the cookie of the browser app it names. `app` is that app, also without a token
 * yet (a sign-in whose session becomes its cookie).
 */
export type Credential =
  | { via: 'bearer'; token: string; app: BrowserApp | null }
  | { via: 'cookie'; token: string; app: BrowserApp }
  | { via: 'none'; app: BrowserApp | null };

/** Methods that change nothing: a cross-site one is answered as for the public, not refused. */
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * An HTTP request's credential. A browser app's request from another site (CSRF) is refused
 * when it would change something (`cross_site`), and else goes on without the cookie. Only a
 * request naming its app in the `x-motcua-app` header is read for a cookie, and a page of
 * another site cannot send that header without the server's CORS consent (never given).
 */
export function requestCredential(headers: IncomingHttpHeaders, method: string): Credential | 'cross_site' {
  const app = appOfHeaders(headers);
  const bearer = bearerOf(headers);
  if (bearer !== undefined) return { via: 'bearer', token: bearer, app };
  if (app !== null && isCrossSite(headers)) return safeMethods.has(method) ? { via: 'none', app: null } : 'cross_site';
  return fromCookie(headers, app);
}

/**
 * A Socket.IO handshake's credential: `auth.token`, else the cookie of the app in `auth.app`.
 * A handshake from another site's page that would use a cookie is refused: a WebSocket is not
 * held back by CORS, and a page on another port of this host is "same site" for the cookie.
 */
export function handshakeCredential(auth: Record<string, unknown>, headers: IncomingHttpHeaders): Credential | 'cross_site' {
  const app = appNamed(auth.app);
  if (typeof auth.token === 'string') return { via: 'bearer', token: auth.token, app };
  const credential = fromCookie(headers, app);
  return credential.via === 'cookie' && isCrossSite(headers) ? 'cross_site' : credential;
}

function fromCookie(headers: IncomingHttpHeaders, app: BrowserApp | null): Credential {
  const token = app === null ? undefined : cookieValue(headers, cookieName(app));
  return app !== null && token ? { via: 'cookie', token, app } : { via: 'none', app };
}

function bearerOf(headers: IncomingHttpHeaders): string | undefined {
  const auth = headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}

/** The token of a credential, if it has one. */
export function tokenOf(credential: Credential): string | undefined {
  return credential.via === 'none' ? undefined : credential.token;
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
