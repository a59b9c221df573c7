import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { CookieApp } from '../../protocol/browser-apps.ts';

/**
 * Browser apps keep their token in an HttpOnly cookie the server sets, so that a script that
 * got into a page cannot read it and carry it away for later (issue 15); integrators and tests
 * keep sending `Authorization: Bearer`. One cookie per app (`motcua_kiosk`, `motcua_admin`…):
 * a browser running the kiosk and a board, or an admin who also opens a console, holds both.
 * The province hub's app (`motcua_hub`) is kept the same way by the hub.
 */
export function cookieName(app: CookieApp): string {
  return `motcua_${app}`;
}

/**
 * How long a device's cookie lives: the longest Chromium keeps one (400 days). A device's token
 * ends when the admin revokes it or it falls silent (the site config's idle limit), not on a
 * date; each time the app asks who it is (every page load) the cookie is set again.
 */
export const deviceCookieSeconds = 400 * 86_400;

/**
 * The app a request names (`x-motcua-app`, or the Socket.IO handshake's `auth.app`), if it is
 * one of `apps`: the centre's five, or the hub's one.
 */
export function appAmong<A extends CookieApp>(value: unknown, apps: readonly A[]): A | null {
  const one: unknown = Array.isArray(value) ? value[0] : value;
  return apps.find((app) => app === one) ?? null;
}

/** The value of one cookie in a `Cookie` header. */
export function cookieValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const pair of (headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/** Sets the app's cookie to `token`: `Secure` when the request came over HTTPS (through trusted proxies). */
export function setAuthCookie(res: ServerResponse, app: CookieApp, token: string, secure: boolean, maxAgeSeconds: number): void {
  writeCookie(res, app, `${cookieName(app)}=${token}; Max-Age=${Math.floor(maxAgeSeconds)}`, secure);
}

/** What handing a token over needs of a request: the app it names, its answer, and whether it came over HTTPS. */
export interface HandOverTarget {
  credential: { app: CookieApp | null };
  res: ServerResponse;
  secure: boolean;
}

/**
 * Gives a caller its new token, on any server (a centre's, the hub): a browser app (it named
 * itself) gets it as its cookie, living `maxAgeSeconds`, and no token in the answer; anyone
 * else gets `{ token }` to send as Bearer.
 */
export function handOverFor(r: HandOverTarget, token: string, maxAgeSeconds: number): { token?: string } {
  const app = r.credential.app;
  if (app === null) return { token };
  setAuthCookie(r.res, app, token, r.secure, maxAgeSeconds);
  return {};
}

/** Tells the browser to drop the app's cookie (signed out, revoked, expired). */
export function clearAuthCookie(res: ServerResponse, app: CookieApp, secure: boolean): void {
  writeCookie(res, app, `${cookieName(app)}=; Max-Age=0`, secure);
}

/** One `Set-Cookie` per app in an answer: a later one (a sign-in after a stale cookie was cleared) replaces the earlier. */
function writeCookie(res: ServerResponse, app: CookieApp, start: string, secure: boolean): void {
  const value = `${start}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  const current = res.getHeader('set-cookie');
  const others = (Array.isArray(current) ? current : current === undefined ? [] : [String(current)]).filter(
    (c) => !c.startsWith(`${cookieName(app)}=`),
  );
  res.setHeader('set-cookie', [...others, value]);
}
