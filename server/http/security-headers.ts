import type { ServerResponse } from 'node:http';

/**
 * What the built apps load, and nothing more: scripts and styles from files of this origin
 * (Vite writes none inline), fonts and images from files or `data:` (Vite inlines small
 * assets), the QR code and downloads as `blob:`, the voice clips fetched and decoded by Web
 * Audio, Socket.IO to the same origin. No inline script, no `eval`, no plugins.
 */
const appSources = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/**
 * Who may frame a page: staff apps (admin, counter console, rating tablet) and the kiosk
 * nobody, so another site cannot overlay them and steer a click (`X-Frame-Options` for
 * browsers older than `frame-ancestors`); the public boards and follow page this origin only.
 */
export type Framing = 'none' | 'self';

/** Headers every response carries: no type sniffing, no referrer, and HSTS once served over HTTPS. */
export function setCommonHeaders(res: ServerResponse, secure: boolean): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  // Half a year: long enough to matter, short enough that a centre that drops HTTPS recovers.
  if (secure) res.setHeader('strict-transport-security', 'max-age=15552000');
}

/** An app's page: the content policy, and who may frame it. */
export function pageHeaders(framing: Framing): Record<string, string> {
  return {
    'content-security-policy': [...appSources, `frame-ancestors '${framing}'`].join('; '),
    'x-frame-options': framing === 'none' ? 'DENY' : 'SAMEORIGIN',
  };
}

/** API answers are data, never a page: nothing may run in or frame them. */
export const apiHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
};
