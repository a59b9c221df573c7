import type { ButtonLineHealth } from '../../protocol/views.ts';

/** Silence after which a counter's button is shown offline. Defaults from the protocol: 30 s (three missed heartbeats). */
export const OFFLINE_AFTER_MS = 30_000;

/** One counter's buttons: alive or not, and when they were last heard (the protocol's shape). */
export type CounterHealth = ButtonLineHealth['counters'][number];

/**
 * Tracks which counters' buttons are alive. Any good frame counts as a sign of life, not only
 * heartbeats: a clerk pressing keys proves the device works even if its heartbeat is late.
 * Pure over an injected clock; the driver calls {@link sweep} on a timer.
 */
export class CounterPresence {
  readonly #now: () => number;
  readonly #offlineAfterMs: number;
  readonly #counters = new Map<number, CounterHealth>();

  /**
   * @param counters the counters to watch; each starts offline until it is heard.
   * @param now the clock in epoch ms.
   * @param offlineAfterMs defaults to {@link OFFLINE_AFTER_MS}.
   */
  constructor(counters: Iterable<number>, now: () => number, offlineAfterMs = OFFLINE_AFTER_MS) {
    this.#now = now;
    this.#offlineAfterMs = offlineAfterMs;
    for (const counter of counters) {
      this.#counters.set(counter, { counter, online: false, lastSeenAt: null, lastHeartbeatAt: null });
    }
  }

  /**
   * Records a good frame from `counter`. Returns true when its health changed (always, for a
   * watched counter: at least the times moved); false for a counter not watched here.
   */
  heard(counter: number, kind: 'heartbeat' | 'other'): boolean {
    const health = this.#counters.get(counter);
    if (!health) return false;
    const now = this.#now();
    health.online = true;
    health.lastSeenAt = now;
    if (kind === 'heartbeat') health.lastHeartbeatAt = now;
    return true;
  }

  /** Marks counters silent for too long as offline; returns those that just went offline. */
  sweep(): number[] {
    const cutoff = this.#now() - this.#offlineAfterMs;
    const dropped: number[] = [];
    for (const health of this.#counters.values()) {
      if (health.online && (health.lastSeenAt ?? -Infinity) <= cutoff) {
        health.online = false;
        dropped.push(health.counter);
      }
    }
    return dropped;
  }

  /** A copy of every watched counter's health, in configuration order. */
  snapshot(): CounterHealth[] {
    return [...this.#counters.values()].map((health) => ({ ...health }));
  }
}
