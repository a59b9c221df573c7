import type { IncomingMessage, ServerResponse } from 'node:http';
import { TLSSocket } from 'node:tls';
import type { Policy } from '../../protocol/access.ts';
import { refusalFor } from '../app/access.ts';
import type { AppContext } from '../app/context.ts';
import { isBudgeted } from '../app/limits.ts';
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
import { apiHeaders, setCommonHeaders } from './security-headers.ts';
import { serializedResult } from './shared-results.ts';
import { serveStatic } from './static-files.ts';
import { requestIdentity } from './request-credential.ts';
import { Tarpit } from './tarpit.ts';

const log = logger('http');

/** The HTTP side: the JSON API under /api, the built apps, and a redirect from / to the kiosk. */
export function createHttpHandler(ctx: AppContext, distDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const router = new Router();
  const tarpit = new Tarpit();
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
    void answer(ctx, router, tarpit, distDir, req, res).catch((e: unknown) => {
      log.error('request failed', { path: req.url, error: e });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

/**
 * One request, cheapest checks first: who is calling and from where, the address's budget,
 * the route's policy and the body's declared size, all before a byte of the body is read (60
 * anonymous 1.9 MB bodies once stalled ticket issuing for 4 s, read before they were refused).
 */
async function answer(
  ctx: AppContext,
  router: Router,
  tarpit: Tarpit,
  distDir: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const origin = ctx.addresses.origin(req.socket.remoteAddress, req.headers, req.socket instanceof TLSSocket);
  setCommonHeaders(res, origin.secure);
  const { credential, principal, crossSite } = requestIdentity(ctx.auth, req, res, origin.secure);
  const match = url.pathname.startsWith('/api/') ? router.match(req.method ?? 'GET', url.pathname) : null;
  const r: IncomingRequest = {
    req,
    res,
    query: url.searchParams,
    principal,
    credential,
    lang: pickLang(url.searchParams.get('lang') ?? req.headers['accept-language']),
    address: origin.address,
    secure: origin.secure,
    // An upload route's handler reads its file itself, under its own limit.
    body: () => Promise.reject(new Error(`${url.pathname} takes a file, not JSON`)),
  };
  // Pages, assets and public routes cost the server the same whoever asks: counted per address.
  const counted = isBudgeted(principal) || match === null || match === 'method' || isPublic(match.policy);
  const declared = req.headers['content-length'];
  if (!counted && declared !== undefined && req.headers['transfer-encoding'] === undefined && Number(declared) <= drainBytes)
    drainable.add(req);
  const wait = counted ? ctx.guards.perAddress.take(origin.address) : 0;
  if (wait > 0) {
    const refused = { ...httpError(ctx, r, 'too_many_requests', { seconds: wait }), retryAfter: wait };
    return tarpit.hold(res, () => send(req, res, refused), origin.address);
  }
  if (!url.pathname.startsWith('/api/')) {
    if (url.pathname === '/') return redirect(req, res, '/kiosk/');
    if (await serveStatic(distDir, url.pathname, res)) return;
  }
  for (const [name, value] of Object.entries(apiHeaders)) res.setHeader(name, value);
  if (match === null) return send(req, res, httpError(ctx, r, 'not_found'));
  if (match === 'method') return send(req, res, { ...httpError(ctx, r, 'not_found'), status: 405 });
  if (crossSite) return send(req, res, httpError(ctx, r, 'cross_site'));
  const limit = match.upload ? null : bodyLimit(ctx, match.policy);
  if (limit !== null && Number(req.headers['content-length'] ?? 0) > limit) {
    // Refused late as well (see Tarpit): 60 bodies of 1.9 MB sent again as soon as refused cost
    // the server a connection and a read of each a hundred times a second.
    const refused = httpError(ctx, r, 'payload_too_large');
    return counted ? tarpit.hold(res, () => send(req, res, refused), origin.address) : send(req, res, refused);
  }
  let body: Promise<unknown> | null = null;
  if (limit !== null) r.body = () => (body ??= readJsonBody(req, limit));
  let response: Answer;
  try {
    // The route's policy, from the route map, before its handler sees anything.
    const refusal = refusalFor(ctx, match.policy, {
      principal,
      address: origin.address,
      ...(match.policy.kind === 'setup-token' && { setupToken: await setupTokenOf(r) }),
    });
    response = refusal ? httpError(ctx, r, refusal.code, refusal.params) : await match.run(r);
  } catch (e) {
    if (e instanceof BodyError) response = httpError(ctx, r, e.code);
    else {
      log.error('request failed', { path: url.pathname, error: e });
      const refusal = unexpectedRefusal(e);
      response = httpError(ctx, r, refusal.code, refusal.params);
    }
  }
  if (!response) return;
  const out = { ...response, ...retryAfterOf(response) };
  // A caller without an account told to wait (too many wrong passwords) is told so late: see Tarpit.
  if (counted && response.status === 429) tarpit.hold(res, () => send(req, res, out), origin.address);
  else send(req, res, out);
}

type Answer = { status: number; result: unknown } | null;

/** Routes anyone may call (sign-in and set-up included): their bodies get the small public limit. */
function isPublic(policy: Policy): boolean {
  return policy.kind === 'public' || policy.kind === 'setup-token';
}

function bodyLimit(ctx: AppContext, policy: Policy): number {
  const { bodies } = ctx.site.get().limits;
  return (isPublic(policy) ? bodies.publicKb : bodies.jsonKb) * 1024;
}

/** The set-up token a request carries: the `token` of its JSON body. */
async function setupTokenOf(r: IncomingRequest): Promise<unknown> {
  const body = await r.body();
  return typeof body === 'object' && body !== null && 'token' in body ? body.token : undefined;
}

/** A refusal that says how long to wait says it in `Retry-After` too. */
function retryAfterOf(response: { result: unknown }): { retryAfter?: number } {
  const result = response.result as { ok?: boolean; error?: { params?: { seconds?: unknown } } };
  const seconds = result.ok === false ? result.error?.params?.seconds : undefined;
  return typeof seconds === 'number' ? { retryAfter: seconds } : {};
}

function send(req: IncomingMessage, res: ServerResponse, answer: { status: number; result: unknown; retryAfter?: number }): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = serializedResult(answer.result);
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...(answer.retryAfter !== undefined && { 'retry-after': String(answer.retryAfter) }),
    ...closeIfUnread(req),
  });
  res.end(text, () => dropIfUnread(req));
}

function redirect(req: IncomingMessage, res: ServerResponse, location: string): void {
  res.writeHead(302, { location, ...closeIfUnread(req) });
  res.end(() => dropIfUnread(req));
}

/**
 * Bodies of staff and devices that are not read are read to their end and thrown away, up to
 * this size, so that the connection stays whole and the browser surely gets the answer (a
 * connection closed on unread data is reset, and a reset can overtake the answer).
 */
const drainBytes = 16 * 2 ** 20;
const drainable = new WeakSet<IncomingMessage>();

/**
 * Any other body we answered without reading stays unread: anonymous callers' (the flood's) and
 * larger ones. Their connection is closed, so Node does not read (and throw away) megabytes to
 * keep it alive for the next request.
 */
function closeIfUnread(req: IncomingMessage): { connection?: string } {
  const hasBody = (req.headers['content-length'] ?? '0') !== '0' || req.headers['transfer-encoding'] !== undefined;
  return hasBody && !req.complete && !drainable.has(req) ? { connection: 'close' } : {};
}

/** Once the answer is out, a connection whose body was not read is closed before Node reads more of it. */
function dropIfUnread(req: IncomingMessage): void {
  if (closeIfUnread(req).connection) req.socket.destroy();
}
