import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether the browser says a request comes from a page of another site (the CSRF side of
 * keeping tokens in cookies). `Sec-Fetch-Site` says so in current browsers, also for another
 * port of the same host ("same-site"); where it is missing (Chromium 69 lobby screens), the
 * `Origin` is compared with the `Host` the request was sent to. A reverse proxy that drops the
 * port from `Host` (nginx's `$host`) leaves only the host name to compare.
 */
export function isCrossSite(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    // "null" (a sandboxed frame, a file) or garbage: nobody we know.
    return true;
  }
  const host = (headers.host ?? '').toLowerCase();
  return host.includes(':') && !host.endsWith(']') ? from.host !== host : from.hostname !== host;
}
