import type { RouteResponse } from './router.ts';

/**
 * A refusal that lists every problem found (catalogue rows, backup files) beside the error, so
 * the admin can fix them all at once: `{ ok: false, error, problems: [...] }` with status 422.
 */
export function withProblems(refused: RouteResponse, problems: readonly unknown[]): RouteResponse {
  if (!refused) return refused;
  return { status: 422, result: Object.assign({}, refused.result, { problems }) };
}
