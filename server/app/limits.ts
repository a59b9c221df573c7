import type { Limits } from '../../protocol/limits.ts';
import { HashingGate } from '../auth/hashing-gate.ts';
import { RequestBudget } from '../auth/request-budget.ts';
import { SignInAttempts } from '../auth/sign-in-attempts.ts';
import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../clock.ts';

/** The limiters of one server; each reads its numbers from the site config at every use. */
export interface Guards {
  /** Wrong sign-ins, pairing codes and set-up links, per address and per account. */
  attempts: SignInAttempts;
  /** Numbers each kiosk may take. */
  kioskIssue: RequestBudget;
  /** Password hashes at once, so they never take every thread the journal writes with. */
  hashing: HashingGate;
  /** Public routes and events, and anything from callers without an account: per address. */
  perAddress: RequestBudget;
  /** The same per Socket.IO connection. */
  perConnection: RequestBudget;
}

export function createGuards(limits: () => Limits, clock: Clock): Guards {
  return {
    attempts: new SignInAttempts(() => {
      const s = limits().signIn;
      return { failuresPerAddress: s.failuresPerAddress, failuresPerAccount: s.failuresPerAccount, windowMs: s.windowMinutes * 60_000 };
    }, clock),
    kioskIssue: new RequestBudget(() => {
      const k = limits().kioskIssue;
      return { burst: k.burst, perSecond: k.perMinute / 60 };
    }, clock),
    hashing: new HashingGate(() => limits().hashing),
    perAddress: new RequestBudget(() => limits().requests.perAddress, clock),
    perConnection: new RequestBudget(() => limits().requests.perConnection, clock),
  };
}

/**
 * Callers the request budgets count: anyone without an account, and a lobby board, whose token
 * sits in a browser on a wall and so grants nothing beyond the public views, its limits included.
 * Staff and the kiosks, consoles and rating tablets that do the centre's work are not slowed.
 */
export function isBudgeted(principal: Principal): boolean {
  return principal.role === 'public' || (principal.role === 'device' && principal.device.kind === 'display');
}
