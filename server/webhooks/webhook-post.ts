import { randomBytes } from 'node:crypto';
import { webhookHeaders, type WebhookDelivery } from '../../protocol/webhooks.ts';
import { signWebhook } from './webhook-signature.ts';

/** The outcome of one attempt: delivered on a 2xx answer, otherwise why not. */
export type AttemptOutcome = { delivered: true; status: number } | { delivered: false; status: number | null; error: string };

/** A receiver that has not answered within this long is counted as down for this attempt. */
const attemptTimeoutMs = 10_000;

/**
 * Retries after a failed attempt: at once for a blip, then ever longer, for about a day; after the
 * last the delivery is marked failed (and stays in the log; the hub can send it again by hand).
 */
export const retryDelaysMs: readonly number[] = [
  2_000, 10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000,
];

/** When the next attempt is due after `attempts` failed ones, or null when it is time to give up. */
export function nextAttemptAt(attempts: number, now: number): number | null {
  const delay = retryDelaysMs[attempts - 1];
  return delay === undefined ? null : now + delay;
}

/** A webhook's signing secret, shown to the integrator once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

/** POSTs one delivery, signed; never throws. */
export async function postWebhook(
  url: string,
  secret: string,
  delivery: WebhookDelivery,
  nowMs: number,
  deliveryId: string,
): Promise<AttemptOutcome> {
  const body = JSON.stringify(delivery);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'motcua-webhooks/1',
        [webhookHeaders.signature]: signWebhook(secret, body, Math.floor(nowMs / 1000)),
        [webhookHeaders.event]: delivery.type,
        [webhookHeaders.delivery]: deliveryId,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(attemptTimeoutMs),
    });
    // The answer's body is not needed; reading it frees the connection.
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { delivered: true, status: res.status };
    return { delivered: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (e) {
    const error =
      e instanceof Error ? (e.name === 'TimeoutError' ? 'timeout' : ((e.cause as Error | undefined)?.message ?? e.message)) : String(e);
    return { delivered: false, status: null, error: error.slice(0, 200) };
  }
}
