import type { Clock } from '../clock.ts';

/** How many wrong attempts are allowed within the window, per address and per account. */
export interface SignInLimits {
  failuresPerAddress: number;
  failuresPerAccount: number;
  windowMs: number;
}

/** An attempt under way: it counts against its address and account until it is settled. */
export interface Attempt {
  /** Wrong password, code or link: stays counted for the window. */
  failed(): void;
  /** Right: forgets the account's earlier failures (its own typing mistakes), from every address. */
  succeeded(): void;
  /** Not decided (the server was too busy to check): counts for nothing. */
  dropped(): void;
}

export type Admission = { ok: true; attempt: Attempt } | { ok: false; seconds: number };

interface Failure {
  address: string;
  account: string | null;
  at: number;
}

/**
 * Limits guessing of passwords, pairing codes and the set-up link. Attempts still being
 * checked count as failures until they are settled: 200 wrong passwords sent at once from one
 * address were all checked when the limit was counted only after each hash. Failures count
 * against the address and, for sign-ins, the account; a success clears only its own account's,
 * so a clerk signing in now and then no longer wipes out someone's guesses at the admin's
 * password. Measured on monotonic time, so a clock correction neither locks everyone out nor
 * forgives every failure.
 */
export class SignInAttempts {
  private failures: Failure[] = [];
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly limits: () => SignInLimits,
    private readonly clock: Pick<Clock, 'monotonic'>,
    /** Failures remembered at most (oldest dropped first), however many addresses guess. */
    private readonly maxFailures = 50_000,
  ) {}

  /**
   * Starts an attempt from `address` at `account` (null for a pairing code or set-up link), or
   * says how many seconds to wait. The wait is the honest worst case: attempts still being
   * checked are counted as if they failed now.
   */
  begin(address: string, account: string | null): Admission {
    const now = this.clock.monotonic();
    const { failuresPerAddress, failuresPerAccount, windowMs } = this.limits();
    this.prune(now, windowMs);
    const addressKey = `a:${address}`;
    const accountKey = account === null ? null : `u:${account}`;
    const wait = Math.max(
      this.waitFor(addressKey, (f) => f.address === address, failuresPerAddress, now, windowMs),
      accountKey === null ? 0 : this.waitFor(accountKey, (f) => f.account === account, failuresPerAccount, now, windowMs),
    );
    if (wait > 0) return { ok: false, seconds: Math.ceil(wait / 1000) };
    const keys = accountKey === null ? [addressKey] : [addressKey, accountKey];
    for (const k of keys) this.pending.set(k, (this.pending.get(k) ?? 0) + 1);
    let settled = false;
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      for (const k of keys) {
        const left = (this.pending.get(k) ?? 1) - 1;
        if (left > 0) this.pending.set(k, left);
        else this.pending.delete(k);
      }
      then();
    };
    return {
      ok: true,
      attempt: {
        failed: () =>
          settle(() => {
            this.failures.push({ address, account, at: this.clock.monotonic() });
            if (this.failures.length > this.maxFailures) this.failures.shift();
          }),
        succeeded: () =>
          settle(() => {
            if (account !== null) this.failures = this.failures.filter((f) => f.account !== account);
          }),
        dropped: () => settle(() => undefined),
      },
    };
  }

  /** Milliseconds until the key is below its limit again, counting its pending attempts as failures now. */
  private waitFor(key: string, mine: (f: Failure) => boolean, limit: number, now: number, windowMs: number): number {
    const times = this.failures.filter(mine).map((f) => f.at);
    for (let i = 0; i < (this.pending.get(key) ?? 0); i++) times.push(now);
    if (times.length < limit) return 0;
    // Enough must leave the window that one more fits: the (count - limit + 1)th oldest decides.
    return times[times.length - limit]! + windowMs - now;
  }

  private prune(now: number, windowMs: number): void {
    const first = this.failures.findIndex((f) => f.at > now - windowMs);
    if (first !== 0) this.failures = first < 0 ? [] : this.failures.slice(first);
  }
}
