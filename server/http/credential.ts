import type { IncomingHttpHeaders } from 'node:http';
import { appHeader, type BrowserApp, type CookieApp } from '../../protocol/browser-apps.ts';
import { appAmong, cookieName, cookieValue } from './auth-cookies.ts';
import { isCrossSite } from './cross-site.ts';

/**
 * The token a request or handshake carries, and how: a Bearer token (integrators, tests, the
 * centre's link to the hub), else the cookie of the browser app it names. `app` is that app,
 * also without a token yet (a sign-in whose session becomes its cookie). `A` is the apps of the
 * server reading it: the centre's five, or the hub's own. Shared by the centre and the hub, so
 * it knows nothing of either's accounts.
 */
export type Credential<A extends CookieApp = BrowserApp> =
  | { via: 'bearer'; token: string; app: A | null }
  | { via: 'cookie'; token: string; app: A }
  | { via: 'none'; app: A | null };

/** Methods that change nothing: a cross-site one is answered as for the public, not refused. */
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * An HTTP request's credential, on a server whose browser apps are `apps`. A browser app's
 * request from another site (CSRF) is refused when it would change something (`cross_site`),
 * and else goes on without the cookie. Only a request naming its app in the `x-motcua-app`
 * header is read for a cookie, and a page of another site cannot send that header without the
 * server's CORS consent (never given).
 */
export function credentialAmong<A extends CookieApp>(
  headers: IncomingHttpHeaders,
  method: string,
  apps: readonly A[],
): Credential<A> | 'cross_site' {
  const app = appAmong(headers[appHeader], apps);
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
export function handshakeAmong<A extends CookieApp>(
  auth: Record<string, unknown>,
  headers: IncomingHttpHeaders,
  apps: readonly A[],
): Credential<A> | 'cross_site' {
  const app = appAmong(auth.app, apps);
  if (typeof auth.token === 'string') return { via: 'bearer', token: auth.token, app };
  const credential = fromCookie(headers, app);
  return credential.via === 'cookie' && isCrossSite(headers) ? 'cross_site' : credential;
}

function fromCookie<A extends CookieApp>(headers: IncomingHttpHeaders, app: A | null): Credential<A> {
  const token = app === null ? undefined : cookieValue(headers, cookieName(app));
  return app !== null && token ? { via: 'cookie', token, app } : { via: 'none', app };
}

function bearerOf(headers: IncomingHttpHeaders): string | undefined {
  const auth = headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}

/** The token of a credential, if it has one. */
export function tokenOf(credential: Credential<CookieApp>): string | undefined {
  return credential.via === 'none' ? undefined : credential.token;
}
