/**
 * The centre's browser apps, each of which holds its token in its own HttpOnly cookie
 * (`motcua_<app>`): one browser may run several (a test machine with the kiosk and a board, an
 * admin who also opens a console), and one app signing out must not sign out another.
 */
export const browserApps = ['kiosk', 'display', 'rating', 'counter', 'admin'] as const;
export type BrowserApp = (typeof browserApps)[number];

/**
 * The request header in which an app names itself. A request that carries it is a browser
 * app's: its token is set as that app's cookie and left out of the JSON answer. Socket.IO
 * handshakes name their app in `auth.app` instead.
 */
export const appHeader = 'x-motcua-app';

export function isBrowserApp(value: unknown): value is BrowserApp {
  return typeof value === 'string' && (browserApps as readonly string[]).includes(value);
}
