import type { DeliveryView, WebhookDelivery } from '../../protocol/webhooks.ts';
import { nextAttemptAt, postWebhook } from './webhook-post.ts';

export interface RetriedDelivery {
  webhook: { id: string; url: string; secret: string };
  delivery: WebhookDelivery;
  clock: () => number;
  /** Each attempt's outcome, for the delivery log. */
  log: (entry: DeliveryView) => Promise<void>;
  /** Waits until the next attempt is due (or the sender stops). */
  wait: (ms: number) => Promise<void>;
  stopped: () => boolean;
}

/** Sends one delivery until it is delivered or its retries are spent; resolves with how it ended. */
export async function deliverWithRetries(d: RetriedDelivery): Promise<DeliveryView['state']> {
  const entry: DeliveryView = {
    id: `${d.webhook.id}:${d.delivery.id}`,
    webhookId: d.webhook.id,
    eventId: d.delivery.id,
    type: d.delivery.type,
    state: 'pending',
    attempts: 0,
    createdAt: d.clock(),
    lastAttemptAt: null,
    lastStatus: null,
    lastError: null,
    nextAttemptAt: null,
  };
  while (!d.stopped()) {
    const outcome = await postWebhook(d.webhook.url, d.webhook.secret, d.delivery, d.clock(), entry.id);
    const now = d.clock();
    entry.attempts++;
    entry.lastAttemptAt = now;
    entry.lastStatus = outcome.status;
    entry.lastError = outcome.delivered ? null : outcome.error;
    entry.nextAttemptAt = outcome.delivered ? null : nextAttemptAt(entry.attempts, now);
    entry.state = outcome.delivered ? 'delivered' : entry.nextAttemptAt === null ? 'failed' : 'pending';
    await d.log({ ...entry });
    if (entry.state !== 'pending') return entry.state;
    await d.wait(entry.nextAttemptAt! - now);
  }
  return 'pending';
}
