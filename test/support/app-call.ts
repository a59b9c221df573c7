import type { CookieApp } from '../../protocol/browser-apps.ts';
import type { Result } from '../../protocol/result.ts';

/** A request as a browser app sends one: its name in `x-motcua-app`, its cookies, its page's origin. */
export interface AppCall {
  app?: CookieApp;
  cookie?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface AppReply {
  status: number;
  body: Result<Record<string, unknown>>;
  /** The `Set-Cookie` lines of the answer, by cookie name. */
  cookies: Map<string, string>;
}

/** Sends `c` to the server at `base` (a centre's or the hub's) as a browser app would. */
export async function appCall(base: string, method: string, path: string, c: AppCall = {}): Promise<AppReply> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(c.app && { 'x-motcua-app': c.app }),
      ...(c.cookie && { cookie: c.cookie }),
      ...(c.body !== undefined && { 'content-type': 'application/json' }),
      ...c.headers,
    },
    ...(c.body !== undefined && { body: JSON.stringify(c.body) }),
  });
  const cookies = new Map(res.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf('=')), line]));
  return { status: res.status, body: (await res.json()) as AppReply['body'], cookies };
}

/** The `name=value` a browser would send back for the cookie an answer set. */
export function sentCookie(reply: AppReply, name: string): string {
  const line = reply.cookies.get(name);
  if (!line) throw new Error(`no ${name} cookie was set`);
  return line.slice(0, line.indexOf(';'));
}
