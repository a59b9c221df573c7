import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { appHeader, type BrowserApp, isBrowserApp } from '../../protocol/browser-apps.ts';

/**
 * Browser apps keep their token in an HttpOnly cookie the server sets, so that a script that
 * got into a page cannot read it and carry it away for later (issue 15); integrators and tests
 * keep sending `Authorization: Bearer`. One cookie per app (`motcua_kiosk`, `motcua_admin`…):
 * a browser running the kiosk and a board, or an admin who also opens a console, holds both.
 */
export function cookieName(app: BrowserApp): string {
  return `motcua_${app}`;
}

/**
 * How long a device's cookie lives: the longest Chromium keeps one (400 days). A device's token
 * ends when the admin revokes it or it falls silent (the site config's idle limit), not on a
 * date; each time the app asks who it is (every page load) the cookie is set again.
 */
export const deviceCookieSeconds = 400 * 86_400;

/** The app a request names (`x-motcua-app`, or the Socket.IO handshake's `auth.app`), if it is one of ours. */
export function appNamed(value: unknown): BrowserApp | null {
  const one = Array.isArray(value) ? value[0] : value;
  return isBrowserApp(one) ? one : null;
}

export function appOfHeaders(headers: IncomingHttpHeaders): BrowserApp | null {
  return appNamed(headers[appHeader]);
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
export function setAuthCookie(res: ServerResponse, app: BrowserApp, token: string, secure: boolean, maxAgeSeconds: number): void {
  writeCookie(res, app, `${cookieName(app)}=${token}; Max-Age=${Math.floor(maxAgeSeconds)}`, secure);
}

/** Tells the browser to drop the app's cookie (signed out, revoked, expired). */
export function clearAuthCookie(res: ServerResponse, app: BrowserApp, secure: boolean): void {
  writeCookie(res, app, `${cookieName(app)}=; Max-Age=0`, secure);
}

/** One `Set-Cookie` per app in an answer: a later one (a sign-in after a stale cookie was cleared) replaces the earlier. */
function writeCookie(res: ServerResponse, app: BrowserApp, start: string, secure: boolean): void {
  const value = `${start}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  const current = res.getHeader('set-cookie');
  const others = (Array.isArray(current) ? current : current === undefined ? [] : [String(current)]).filter(
    (c) => !c.startsWith(`${cookieName(app)}=`),
  );
  res.setHeader('set-cookie', [...others, value]);
}
