import type { Result } from '../../protocol/result.ts';
import type { AppContext } from '../app/context.ts';
import { failure } from '../app/results.ts';
import type { IncomingRequest, Refused } from './router.ts';

const statusOf: Record<string, number> = {
  unauthenticated: 401,
  // Wrong credentials are an authentication failure, not a conflict with the queue's rules.
  bad_credentials: 401,
  pairing_code_invalid: 401,
  setup_token_invalid: 401,
  forbidden: 403,
  cross_site: 403,
  user_disabled: 403,
  not_found: 404,
  unknown_ticket: 404,
  bad_signature: 404,
  invalid_payload: 400,
  invalid_json: 400,
  payload_too_large: 413,
  rate_limited: 429,
  too_many_attempts: 429,
  too_many_requests: 429,
  sign_in_busy: 503,
  store_unavailable: 503,
  internal_error: 500,
};

/** An error Result with the HTTP status that fits its code (409 for a refused queue rule). */
export function httpError(
  ctx: AppContext,
  r: Pick<IncomingRequest, 'lang'>,
  code: string,
  params?: Record<string, string | number>,
): Refused {
  const result = failure(ctx.translator, r.lang, params ? { code, params } : { code }, ctx.site.get().centre.timeZone);
  return { status: statusOf[code] ?? 409, result };
}

export function fromResult<T>(result: Result<T>): { status: number; result: Result<T> } {
  return { status: result.ok ? 200 : (statusOf[result.error.code] ?? 409), result };
}

export function okResponse<T>(value: T, status = 200): { status: number; result: { ok: true; value: T } } {
  return { status, result: { ok: true, value } };
}
