import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolvePrincipal } from '../auth/principal.ts';
import { refusalFor } from '../app/access.ts';
import type { AppContext } from '../app/context.ts';
import { unexpectedRefusal } from '../app/results.ts';
import { pickLang } from '../i18n.ts';
import { logger } from '../log.ts';
import { addAdminRoutes } from './admin-routes.ts';
import { addAuthRoutes } from './auth-routes.ts';
import { addBackupRoutes } from './backup-routes.ts';
import { addCatalogueRoutes } from './catalogue-routes.ts';
import { addCalendarRoutes } from './calendar-routes.ts';
import { addConfigRoutes } from './config-routes.ts';
import { addDeviceRoutes } from './device-routes.ts';
import { httpError } from './http-results.ts';
import { addHubLinkRoutes } from './hub-link-routes.ts';
import { addWebhookRoutes } from './webhook-routes.ts';
import { addPrinterRoutes } from './printer-routes.ts';
import { addQueueRoutes } from './queue-routes.ts';
import { addReportRoutes } from './report-routes.ts';
import { addVoicePackRoutes } from './voice-pack-routes.ts';
import { BodyError, type IncomingRequest, readJsonBody, Router } from './router.ts';
import { serveStatic } from './static-files.ts';

const log = logger('http');
const bodyLimit = 2 * 1024 * 1024;

/** The HTTP side: the JSON API under /api, the built apps, and a redirect from / to the kiosk. */
export function createHttpHandler(ctx: AppContext, distDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const router = new Router();
  addQueueRoutes(router, ctx);
  addAuthRoutes(router, ctx);
  addDeviceRoutes(router, ctx);
  addConfigRoutes(router, ctx);
  addCalendarRoutes(router, ctx);
  addReportRoutes(router, ctx);
  addAdminRoutes(router, ctx);
  addPrinterRoutes(router, ctx);
  addBackupRoutes(router, ctx);
  addCatalogueRoutes(router, ctx);
  addVoicePackRoutes(router, ctx);
  addHubLinkRoutes(router, ctx);
  addWebhookRoutes(router, ctx);
  const missing = router.missing();
  if (missing.length > 0) throw new Error(`routes without a handler: ${missing.join(', ')}`);

  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'no-referrer');
      if (!url.pathname.startsWith('/api/')) {
        if (url.pathname === '/') return redirect(res, '/kiosk/');
        if (await serveStatic(distDir, url.pathname, res)) return;
      }
      const auth = req.headers.authorization;
      let body: Promise<unknown> | null = null;
      const r: IncomingRequest = {
        req,
        res,
        query: url.searchParams,
        principal: resolvePrincipal(ctx.auth, auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined),
        lang: pickLang(url.searchParams.get('lang') ?? req.headers['accept-language']),
        address: req.socket.remoteAddress ?? 'unknown',
        body: () => {
          body ??= readJsonBody(req, bodyLimit);
          return body;
        },
      };
      const match = router.match(req.method ?? 'GET', url.pathname);
      let response: { status: number; result: unknown } | null;
      try {
        if (match === null) response = httpError(ctx, r, 'not_found');
        else if (match === 'method') response = { ...httpError(ctx, r, 'not_found'), status: 405 };
        else {
          // The route's policy, from the route map, before its handler sees anything.
          const refusal = refusalFor(ctx, match.policy, {
            principal: r.principal,
            address: r.address,
            ...(match.policy.kind === 'setup-token' && { setupToken: await setupTokenOf(r) }),
          });
          response = refusal ? httpError(ctx, r, refusal.code, refusal.params) : await match.run(r);
        }
      } catch (e) {
        if (e instanceof BodyError) response = httpError(ctx, r, e.code);
        else {
          log.error('request failed', { path: url.pathname, error: e });
          const refusal = unexpectedRefusal(e);
          response = httpError(ctx, r, refusal.code, refusal.params);
        }
      }
      if (response) send(res, response.status, response.result);
    })();
  };
}

/** The set-up token a request carries: the `token` of its JSON body. */
async function setupTokenOf(r: IncomingRequest): Promise<unknown> {
  const body = await r.body();
  return typeof body === 'object' && body !== null && 'token' in body ? body.token : undefined;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}
