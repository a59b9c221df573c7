import { randomUUID } from 'node:crypto';
import type { DeliveryView, WebhookDelivery, WebhookEventType, WebhookView } from '../../protocol/webhooks.ts';
import { newWebhookSecret } from '../../server/webhooks/webhook-post.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { WebhookTargets } from '../store/event-ingest.ts';

/** A delivery claimed for an attempt, with what it takes to make one. */
export interface ClaimedDelivery {
  id: string;
  url: string;
  secret: string;
  attempts: number;
  body: WebhookDelivery;
}

/**
 * The hub's webhooks and their deliveries in PostgreSQL: deliveries are written in the same
 * transaction as the events that raise them (an outbox), so each event is delivered at least
 * once and queued exactly once, however often a centre resends it.
 */
export class HubWebhookStore implements WebhookTargets {
  constructor(private readonly db: Database) {}

  async list(): Promise<WebhookView[]> {
    const rows = await this.db.query(
      `select w.id, w.url, w.events, c.code as centre_code, w.description, w.created_at, w.disabled_at
       from webhooks w left join centres c on c.id = w.centre_id order by w.created_at`,
    );
    return rows.map((r) => ({
      id: r.id as string,
      url: r.url as string,
      events: r.events as WebhookEventType[],
      centreCode: (r.centre_code as string | null) ?? null,
      description: r.description as string,
      createdAt: r.created_at as number,
      disabledAt: r.disabled_at as number | null,
    }));
  }

  /** Adds a webhook; returns it with its secret (shown once), or null for an unknown centre code. */
  async create(
    input: { url: string; events: WebhookEventType[]; centreCode: string | null; description: string },
    now: number,
  ): Promise<{ webhook: WebhookView; secret: string } | null> {
    let centreId: number | null = null;
    if (input.centreCode) {
      const found = await this.db.query<{ id: number }>('select id from centres where code = $1', [input.centreCode]);
      if (!found[0]) return null;
      centreId = found[0].id;
    }
    const id = randomUUID();
    const secret = newWebhookSecret();
    await this.db.query(
      'insert into webhooks (id, url, events, centre_id, description, secret, created_at) values ($1, $2, $3, $4, $5, $6, $7)',
      [id, input.url, input.events, centreId, input.description, secret, now],
    );
    const webhook = (await this.list()).find((w) => w.id === id)!;
    return { webhook, secret };
  }

  /** Stops a webhook; its pending deliveries are dropped, its log stays. */
  async disable(id: string, now: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query('update webhooks set disabled_at = $1 where id = $2 and disabled_at is null returning id', [now, id]);
      if (rows.length)
        await tx.query(
          `update webhook_deliveries set state = 'failed', next_attempt_at = null, last_error = 'webhook disabled' where webhook_id = $1 and state = 'pending'`,
          [id],
        );
      return rows.length > 0;
    });
  }

  async forCentre(tx: Queryable, centreId: number): Promise<(delivery: WebhookDelivery) => string[]> {
    const rows = await tx.query<{ id: string; events: WebhookEventType[] }>(
      'select id, events from webhooks where disabled_at is null and (centre_id is null or centre_id = $1)',
      [centreId],
    );
    return (delivery) => rows.filter((r) => r.events.includes(delivery.type)).map((r) => r.id);
  }

  async enqueue(tx: Queryable, deliveries: ReadonlyArray<{ webhookId: string; delivery: WebhookDelivery }>, now: number): Promise<void> {
    if (deliveries.length === 0) return;
    await tx.query(
      `insert into webhook_deliveries (webhook_id, event_id, type, body, created_at, next_attempt_at)
       select (d->>'webhookId')::uuid, d->'delivery'->>'id', d->'delivery'->>'type', d->'delivery', $2, $2
       from jsonb_array_elements($1::jsonb) as d
       on conflict (webhook_id, event_id) do nothing`,
      [JSON.stringify(deliveries), now],
    );
  }

  /**
   * Claims due deliveries for one attempt each: their next attempt moves a lease ahead, so a
   * process that dies mid-attempt leaves them to be tried again, and two processes never send
   * the same attempt.
   */
  async claimDue(now: number, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = await this.db.query(
      `update webhook_deliveries d set next_attempt_at = $2
       from webhooks w
       where w.id = d.webhook_id and d.id in (
         select id from webhook_deliveries where state = 'pending' and next_attempt_at <= $1
         order by next_attempt_at limit $3 for update skip locked)
       returning d.id, w.url, w.secret, d.attempts, d.body`,
      [now, now + leaseMs, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      url: r.url as string,
      secret: r.secret as string,
      attempts: r.attempts as number,
      body: r.body as WebhookDelivery,
    }));
  }

  async recordAttempt(
    id: string,
    outcome: { delivered: boolean; status: number | null; error: string | null; nextAttemptAt: number | null },
    now: number,
  ): Promise<void> {
    const state = outcome.delivered ? 'delivered' : outcome.nextAttemptAt === null ? 'failed' : 'pending';
    await this.db.query(
      `update webhook_deliveries set state = $2, attempts = attempts + 1, last_attempt_at = $3, last_status = $4, last_error = $5,
         next_attempt_at = $6 where id = $1`,
      [id, state, now, outcome.status, outcome.error, outcome.delivered ? null : outcome.nextAttemptAt],
    );
  }

  /** Sends a failed delivery again from the start of its retries. */
  async retry(id: string, now: number): Promise<boolean> {
    const rows = await this.db.query(
      `update webhook_deliveries d set state = 'pending', attempts = 0, next_attempt_at = $2
       from webhooks w where w.id = d.webhook_id and w.disabled_at is null and d.id = $1 and d.state = 'failed' returning d.id`,
      [id, now],
    );
    return rows.length > 0;
  }

  /** The delivery log, newest first. */
  async deliveries(limit: number, webhookId?: string): Promise<DeliveryView[]> {
    const rows = await this.db.query(
      `select id, webhook_id, event_id, type, state, attempts, created_at, last_attempt_at, last_status, last_error, next_attempt_at
       from webhook_deliveries where ($2::uuid is null or webhook_id = $2) order by created_at desc, id desc limit $1`,
      [limit, webhookId ?? null],
    );
    return rows.map((r) => ({
      id: String(r.id),
      webhookId: r.webhook_id as string,
      eventId: r.event_id as string,
      type: r.type as WebhookEventType,
      state: r.state as DeliveryView['state'],
      attempts: r.attempts as number,
      createdAt: r.created_at as number,
      lastAttemptAt: r.last_attempt_at as number | null,
      lastStatus: r.last_status as number | null,
      lastError: r.last_error as string | null,
      nextAttemptAt: r.state === 'pending' ? (r.next_attempt_at as number | null) : null,
    }));
  }
}
