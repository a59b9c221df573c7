import type { Attempt } from '../../server/auth/sign-in-attempts.ts';
import type { HubContext } from '../hub-context.ts';
import type { HubRefused, HubRequest } from './hub-request.ts';
import { hubError } from './hub-results.ts';

/**
 * Runs a guessable check (password, set-up link, join code) under the hub's attempt limits, the
 * centre's own rules: refused while the address (or account) has failed too often, and counted
 * as failed while it is being checked. An attempt the check leaves unsettled (it threw) counts
 * for nothing.
 */
export async function guarded<T>(
  ctx: HubContext,
  r: HubRequest,
  account: string | null,
  check: (attempt: Attempt) => Promise<T>,
): Promise<T | HubRefused> {
  const admission = ctx.attempts.begin(r.address, account);
  if (!admission.ok) return hubError(ctx, r, 'too_many_attempts', { seconds: admission.seconds });
  try {
    return await check(admission.attempt);
  } finally {
    admission.attempt.dropped();
  }
}
