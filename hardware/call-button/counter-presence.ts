import type { ButtonLineHealth } from '../../protocol/views.ts';

/** Silence after which a counter's button is shown offline. Defaults from the protocol: 30 s (three missed heartbeats). */
export const OFFLINE_AFTER_MS = 30_000;

/** One counter's buttons: alive or not, and when they were last heard (the protocol's shape). */
export type CounterHealth = ButtonLineHealth['counters'][number];

/** The two clocks presence needs: see {@link CounterPresence}. */
export interface PresenceClocks {
  /** Epoch ms, for the times reported in health (the centre's clock on the server). */
  now: () => number;
  /** Monotonic ms of real time, for the silence that makes a counter offline. */
  monotonic: () => number;
}

/**
 * Tracks which counters' buttons are alive. Any good frame counts as a sign of life, not only
 * heartbeats: a clerk pressing keys proves the device works even if its heartbeat is late.
 * Pure over injected clocks; the driver calls {@link sweep} on a timer.
 *
 * Silence is measured on real time, not on the reported clock: a device's heartbeat period is
 * a property of the wire, and the centre's clock may be accelerated (simulation, demo) or set.
 */
export class CounterPresence {
  readonly #clocks: PresenceClocks;
  readonly #offlineAfterMs: number;
  readonly #counters = new Map<number, CounterHealth>();
  /** Monotonic time each counter was last heard. */
  readonly #heardAt = new Map<number, number>();

  /**
   * @param counters the counters to watch; each starts offline until it is heard.
   * @param clocks the reporting clock and the real-time clock silence runs on.
   * @param offlineAfterMs defaults to {@link OFFLINE_AFTER_MS}.
   */
  constructor(counters: Iterable<number>, clocks: PresenceClocks, offlineAfterMs = OFFLINE_AFTER_MS) {
    this.#clocks = clocks;
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
    const now = this.#clocks.now();
    this.#heardAt.set(counter, this.#clocks.monotonic());
    health.online = true;
    health.lastSeenAt = now;
    if (kind === 'heartbeat') health.lastHeartbeatAt = now;
    return true;
  }

  /** Marks counters silent for too long as offline; returns those that just went offline. */
  sweep(): number[] {
    const cutoff = this.#clocks.monotonic() - this.#offlineAfterMs;
    const dropped: number[] = [];
    for (const health of this.#counters.values()) {
      if (health.online && (this.#heardAt.get(health.counter) ?? -Infinity) <= cutoff) {
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
