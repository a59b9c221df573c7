import type { Clock } from '../clock.ts';

/**
 * Counts failures per key (an address) in a sliding window: sign-in and pairing codes
 * cannot be guessed by trying them all. The window runs on monotonic time, so a clock
 * correction neither locks everyone out nor forgives every failure.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly clock: Pick<Clock, 'monotonic'>,
  ) {}

  /** Seconds until the key may try again, or 0 when it may try now. */
  blockedFor(key: string): number {
    const now = this.clock.monotonic();
    const recent = this.recent(key, now);
    if (recent.length < this.maxFailures) return 0;
    return Math.ceil((recent[0]! + this.windowMs - now) / 1000);
  }

  fail(key: string): void {
    const now = this.clock.monotonic();
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }
}

/**
 * Token bucket per kiosk: a short burst (a family taking numbers together) is fine, a kiosk
 * that keeps issuing faster than people can walk up is stopped, so nobody drains a day's quota.
 * Refills on monotonic time: a wall clock stepped 7 hours back once refused every kiosk for
 * those 7 hours (issue 12).
 */
export class IssueRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
    private readonly clock: Pick<Clock, 'monotonic'>,
  ) {}

  /** Takes a token for the kiosk; returns 0 when allowed, or the seconds to wait. */
  take(kioskId: string): number {
    const now = this.clock.monotonic();
    const b = this.buckets.get(kioskId) ?? { tokens: this.burst, at: now };
    const refill = ((now - b.at) / 60_000) * this.perMinute;
    const tokens = Math.min(this.burst, b.tokens + refill);
    if (tokens < 1) {
      this.buckets.set(kioskId, { tokens, at: now });
      return Math.ceil(((1 - tokens) / this.perMinute) * 60);
    }
    this.buckets.set(kioskId, { tokens: tokens - 1, at: now });
    return 0;
  }
}
