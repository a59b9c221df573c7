import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { type Framing, pageHeaders } from './security-headers.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};

/** The pages of the centre's built apps (each app's routes fall back to its index.html), and who may frame them. */
const appPages: Array<[RegExp, string, Framing]> = [
  [/^\/kiosk(\/.*)?$/, 'kiosk/index.html', 'none'],
  [/^\/display(\/.*)?$/, 'display/index.html', 'self'],
  [/^\/counter(\/.*)?$/, 'counter/index.html', 'none'],
  [/^\/rate(\/.*)?$/, 'counter/index.html', 'none'],
  [/^\/admin(\/.*)?$/, 'admin/index.html', 'none'],
  [/^\/t\/[^/]+$/, 'kiosk/follow.html', 'self'],
];

/**
 * Serves the Vite build from `distDir`: the centre's pages, or the ones given (the hub's). Hashed
 * assets are cached for a year; pages are not cached, so an upgrade reaches every screen on its next load.
 */
export async function serveStatic(
  distDir: string,
  pathname: string,
  res: ServerResponse,
  pages: ReadonlyArray<[RegExp, string, Framing]> = appPages,
): Promise<boolean> {
  const app = pages.find(([re]) => re.test(pathname));
  const page = app?.[1];
  const relative = page ?? (pathname.startsWith('/assets/') ? pathname.slice(1) : null);
  if (!relative) return false;
  const file = normalize(join(distDir, relative));
  if (!file.startsWith(normalize(distDir) + sep)) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': page ? 'no-cache' : 'public, max-age=31536000, immutable',
    ...(app && pageHeaders(app[2])),
  });
  createReadStream(file).pipe(res);
  return true;
}
