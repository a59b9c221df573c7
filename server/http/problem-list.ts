import type { Refused } from './router.ts';

/**
 * A refusal that lists every problem found (catalogue rows, backup files) beside the error, so
 * the admin can fix them all at once: `{ ok: false, error, problems: [...] }` with status 422.
 */
export function withProblems<P>(refused: Refused, problems: P[]): { status: number; result: Refused['result'] & { problems: P[] } } {
  return { status: 422, result: { ...refused.result, problems } };
}
