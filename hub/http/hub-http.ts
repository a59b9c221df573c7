import type { IncomingMessage, ServerResponse } from 'node:http';
import { TLSSocket } from 'node:tls';
import { type HubApp, hubApp } from '../../protocol/browser-apps.ts';
import { clearAuthCookie } from '../../server/http/auth-cookies.ts';
import { type Credential, credentialAmong, tokenOf } from '../../server/http/credential.ts';
import { parsePayload } from '../../server/app/results.ts';
import { pickLang } from '../../server/i18n.ts';
import { BodyError, readJsonBody } from '../../server/http/router.ts';
import type { Framing } from '../../server/http/security-headers.ts';
import { serveStatic } from '../../server/http/static-files.ts';
import { logger } from '../../server/log.ts';
import type { GenericSchema, InferOutput } from 'valibot';
import type { HubContext } from '../hub-context.ts';
import type { HubPolicy } from '../../protocol/hub/hub-routes.ts';
import type { HubPrincipal, HubRefused, HubRequest, HubRoutes } from './hub-request.ts';
import { hubError } from './hub-results.ts';

const log = logger('hub-http');
const bodyLimit = 4 * 1024 * 1024;
/** The browser apps the hub serves and reads a cookie for: its one. */
export const hubApps = [hubApp] as const;

/** The hub's pages: its one app, at the root. */
export const hubPages: Array<[RegExp, string, Framing]> = [[/^\/(hub(\/.*)?)?$/, 'hub/app/index.html', 'none']];

/**
 * The hub's HTTP side: resolves who asks (session, centre token or machine token, as Bearer; or
 * the hub app's session cookie, `motcua_hub`), refuses a state-changing request from another
 * site's page (`cross_site`), enforces each route's policy (declared in
 * `protocol/hub/hub-routes.ts`) here and nowhere else, and serves the built app.
 */
export function createHubHttpHandler(
  ctx: HubContext,
  routes: HubRoutes,
  distDir: string,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'no-referrer');
      if (!url.pathname.startsWith('/api/') && (await serveStatic(distDir, url.pathname, res, hubPages))) return;
      const lang = pickLang(url.searchParams.get('lang') ?? req.headers['accept-language']);
      let response: HubRefused | { status: number; result: unknown } | null;
      try {
        const match = routes.match(req.method ?? 'GET', url.pathname);
        if (match === null) response = hubError(ctx, { lang }, 'not_found');
        else if (match === 'method') response = hubError(ctx, { lang }, 'not_found', undefined, 405);
        else {
          const found = credentialAmong(req.headers, req.method ?? 'GET', hubApps);
          const credential: Credential<HubApp> = found === 'cross_site' ? { via: 'none', app: null } : found;
          const secure = req.socket instanceof TLSSocket;
          const principal = await resolvePrincipal(ctx, credential);
          // A session that ended (signed out elsewhere, expired, user disabled) leaves no cookie behind.
          if (credential.via === 'cookie' && !(principal.ok && principal.principal.kind === 'user')) clearAuthCookie(res, hubApp, secure);
          const r: HubRequest = {
            req,
            res,
            params: match.params,
            query: url.searchParams,
            principal: principal.ok ? principal.principal : { kind: 'public' },
            credential,
            secure,
            lang,
            address: req.socket.remoteAddress ?? 'unknown',
            body: () => readJsonBody(req, bodyLimit),
          };
          const refused = found === 'cross_site' ? found : principal.ok ? refusal(match.route.policy, r.principal) : principal.code;
          response = refused ? hubError(ctx, r, refused) : await match.route.run(r);
        }
      } catch (e) {
        if (e instanceof BodyError) response = hubError(ctx, { lang }, e.code);
        else {
          log.error('request failed', { path: url.pathname, error: e });
          response = hubError(ctx, { lang }, 'store_unavailable');
        }
      }
      if (response) send(res, response.status, response.result);
    })();
  };
}

type Resolved = { ok: true; principal: HubPrincipal } | { ok: false; code: string };

/**
 * A token's owner, by its prefix; a revoked centre is told so rather than treated as nobody.
 * The app's cookie only ever holds a person's session: anything else in it names nobody.
 */
async function resolvePrincipal(ctx: HubContext, credential: Credential<HubApp>): Promise<Resolved> {
  const token = tokenOf(credential) ?? '';
  if (!token || token.length > 200) return { ok: true, principal: { kind: 'public' } };
  const now = ctx.clock();
  if (credential.via === 'cookie' && !token.startsWith('ses_')) return { ok: true, principal: { kind: 'public' } };
  if (token.startsWith('ses_')) {
    const user = await ctx.users.sessionUser(token, now);
    return { ok: true, principal: user ? { kind: 'user', user } : { kind: 'public' } };
  }
  if (token.startsWith('cen_')) {
    const access = await ctx.centres.access(token);
    return access.ok ? { ok: true, principal: { kind: 'centre', centre: access.centre } } : { ok: false, code: access.code };
  }
  if (token.startsWith('mac_')) {
    const machine = await ctx.machines.access(token, now);
    return { ok: true, principal: machine ? { kind: 'machine', machine } : { kind: 'public' } };
  }
  return { ok: true, principal: { kind: 'public' } };
}

/** Why the policy turns the principal away (an error code), or null when it admits it. */
function refusal(policy: HubPolicy, p: HubPrincipal): string | null {
  const denied = p.kind === 'public' ? 'unauthenticated' : 'forbidden';
  switch (policy) {
    case 'public':
      return null;
    case 'centre':
      return p.kind === 'centre' ? null : denied;
    case 'signed_in':
      return p.kind === 'user' ? null : denied;
    case 'province_admin':
      return p.kind === 'user' && p.user.role === 'province_admin' ? null : denied;
    case 'status':
    case 'reports':
      if (p.kind === 'user') return null;
      return p.kind === 'machine' && p.machine.scopes.includes(`${policy}:read`) ? null : denied;
  }
}

/** Parses a request body with a schema; the refusal is a ready response. */
export async function parseBody<S extends GenericSchema>(
  ctx: HubContext,
  r: HubRequest<HubPrincipal, object>,
  schema: S,
): Promise<{ ok: true; value: InferOutput<S> } | { ok: false; response: HubRefused }> {
  const parsed = parsePayload(schema, await r.body());
  return parsed.ok ? parsed : { ok: false, response: hubError(ctx, r, parsed.refusal.code, parsed.refusal.params, 400) };
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
