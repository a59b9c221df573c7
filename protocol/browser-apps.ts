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

/**
 * The province hub's web app: served by the hub, not by a centre, so it is not one of the
 * centre's apps above (a centre's server never reads or sets its cookie). Its cookie is
 * `motcua_hub`, apart from the centre's even when a hub and a centre share a host name
 * (cookies are not kept apart by port).
 */
export const hubApp = 'hub';
export type HubApp = typeof hubApp;

/** Any app that keeps its token in a cookie of its own server: a centre's or the hub's. */
export type CookieApp = BrowserApp | HubApp;
