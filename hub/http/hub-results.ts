import type { HubContext } from '../hub-context.ts';
import type { HubRefused, HubRequest } from './hub-request.ts';

const statusOf: Record<string, number> = {
  unauthenticated: 401,
  'hub:link.unknown_centre': 401,
  'hub:link.revoked': 401,
  forbidden: 403,
  cross_site: 403,
  user_disabled: 403,
  not_found: 404,
  invalid_payload: 400,
  invalid_json: 400,
  payload_too_large: 413,
  too_many_attempts: 429,
  store_unavailable: 503,
};

/** An error Result, translated for the asker, with the HTTP status its code calls for (409 by default). */
export function hubError(
  ctx: HubContext,
  r: Pick<HubRequest, 'lang'>,
  code: string,
  params?: Record<string, string | number>,
  status?: number,
): HubRefused {
  const message = ctx.translator.message(r.lang, code, params);
  return {
    status: status ?? statusOf[code] ?? 409,
    result: { ok: false, error: params ? { code, message, params } : { code, message } },
  };
}

export function hubOk<T>(value: T, status = 200): { status: number; result: { ok: true; value: T } } {
  return { status, result: { ok: true, value } };
}
