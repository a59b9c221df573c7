import type { Policy } from '../../protocol/access.ts';
import { isAdmin, mayUseCounter, type Principal } from '../auth/principal.ts';
import type { Refusal } from '../core/decision.ts';
import type { AppContext } from './context.ts';

/** Who is calling, with what the counter and set-up policies look at. */
export interface Caller {
  principal: Principal;
  /** The caller's address, for the set-up token's attempt limit. */
  address: string;
  /** The counter the (parsed) payload names, if it names one. */
  counterId?: number | undefined;
  /** The counter this connection is signed in to: sockets only, HTTP has no such state. */
  joinedCounter?: number | null;
  /** Whether this connection's console holds that counter (another may have taken it over). */
  holdsCounter?: boolean;
  /** The set-up token the request carries, as sent. */
  setupToken?: unknown;
}

/**
 * The one place a route's or command's policy is enforced: null when the caller may go on,
 * else the refusal (see `Policy` for the codes). The router and the gateway's `handle()`
 * call it before any handler runs, so a handler never checks who is asking.
 */
export function refusalFor(ctx: AppContext, policy: Policy, caller: Caller): Refusal | null {
  const p = caller.principal;
  const noIdentity: Refusal = { code: 'unauthenticated' };
  const wrongIdentity: Refusal = p.role === 'public' ? noIdentity : { code: 'forbidden' };
  switch (policy.kind) {
    case 'public':
      return null;
    case 'signed-in':
      return p.role === 'public' ? noIdentity : null;
    case 'staff':
      return p.role === 'user' ? null : noIdentity;
    case 'admin':
      return isAdmin(p) ? null : wrongIdentity;
    case 'device':
      return p.role === 'device' && p.device.kind === policy.device ? null : wrongIdentity;
    case 'device-of-counter':
      return p.role === 'device' && p.device.kind === policy.device && p.device.counterId === caller.counterId ? null : wrongIdentity;
    case 'staff-for-counter':
      if (p.role !== 'user') return noIdentity;
      return caller.counterId !== undefined && mayUseCounter(p, caller.counterId) ? null : { code: 'forbidden' };
    case 'clerk-at-counter':
      if (p.role !== 'user') return noIdentity;
      if (caller.counterId === undefined || caller.joinedCounter !== caller.counterId)
        return { code: 'not_signed_in_to_counter', params: { counterId: caller.counterId ?? 0 } };
      return caller.holdsCounter ? null : { code: 'counter_not_held', params: { counterId: caller.counterId } };
    case 'setup-token':
      return setupRefusal(ctx, caller);
    case 'either':
      return policy.of.some((one) => refusalFor(ctx, one, caller) === null) ? null : wrongIdentity;
  }
}

/** The printed token works once, before the first admin exists; wrong guesses count against the address. */
function setupRefusal(ctx: AppContext, caller: Caller): Refusal | null {
  if (ctx.auth.hasAdmin()) return { code: 'setup_done' };
  const admitted = ctx.guards.attempts.begin(caller.address, null);
  if (!admitted.ok) return { code: 'too_many_attempts', params: { seconds: admitted.seconds } };
  if (!ctx.setup.token || caller.setupToken !== ctx.setup.token) {
    admitted.attempt.failed();
    return { code: 'setup_token_invalid' };
  }
  admitted.attempt.succeeded();
  return null;
}
