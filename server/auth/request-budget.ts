import type { Clock } from '../clock.ts';

/** A token bucket: `burst` at once, refilled at `perSecond`. */
export interface Rate {
  burst: number;
  perSecond: number;
}

/**
 * How much each key (an address, a connection, a kiosk) may ask for: a token bucket per key.
 * The rate is read at every take, so a changed site config applies at once. Refills on
 * monotonic time: a wall clock stepped 7 hours back once refused every kiosk for those 7 hours
 * (issue 12). At most `maxKeys` buckets are kept; past that the least recently used go first
 * (a full bucket is the same as none), so a flood of new addresses cannot grow memory.
 */
export class RequestBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly rate: () => Rate,
    private readonly clock: Pick<Clock, 'monotonic'>,
    private readonly maxKeys = 20_000,
  ) {}

  /** Takes one for the key: 0 when allowed, else the whole seconds until one is there again. */
  take(key: string): number {
    const { burst, perSecond } = this.rate();
    const now = this.clock.monotonic();
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(burst, b.tokens + (Math.max(0, now - b.at) / 1000) * perSecond) : burst;
    // Re-inserted, so the map's order is least recently used first.
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.max(1, Math.ceil((1 - tokens) / perSecond));
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    return 0;
  }

  /** Drops a key's bucket (a connection that closed). */
  forget(key: string): void {
    this.buckets.delete(key);
  }
}
