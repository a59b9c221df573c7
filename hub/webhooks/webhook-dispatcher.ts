import { logger } from '../../server/log.ts';
import { nextAttemptAt, postWebhook } from '../../server/webhooks/webhook-post.ts';
import type { HubWebhookStore } from './webhook-store.ts';

const log = logger('hub-webhooks');

/** Attempts in flight at once, so one slow receiver does not hold up the others. */
const parallel = 8;
const leaseMs = 60_000;

/**
 * Sends the hub's due webhook deliveries: every couple of seconds, and at once when new ones
 * are queued. Safe to run in every hub process (claims are leased).
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly store: HubWebhookStore,
    private readonly clock: () => number,
    private readonly everyMs = 2000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.poke(), this.everyMs);
  }

  /** Runs a round now (or right after the one under way). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round()
      .catch((e: unknown) => log.warn('webhook round failed', { error: e }))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  private async round(): Promise<void> {
    for (;;) {
      const due = await this.store.claimDue(this.clock(), parallel * 4, leaseMs);
      if (due.length === 0 || this.stopped) return;
      for (let i = 0; i < due.length; i += parallel) {
        await Promise.all(
          due.slice(i, i + parallel).map(async (d) => {
            const outcome = await postWebhook(d.url, d.secret, d.body, this.clock(), d.id);
            const now = this.clock();
            const attempts = d.attempts + 1;
            await this.store.recordAttempt(
              d.id,
              outcome.delivered
                ? { delivered: true, status: outcome.status, error: null, nextAttemptAt: null }
                : { delivered: false, status: outcome.status, error: outcome.error, nextAttemptAt: nextAttemptAt(attempts, now) },
              now,
            );
          }),
        );
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
