import type { DeliveryView, WebhookCentreStatus, WebhookDelivery, WebhookEventType, WebhookView } from '../../protocol/webhooks.ts';
import { deliverWithRetries } from './deliver-with-retries.ts';
import type { QueueEvent } from '../core/model.ts';
import { logger } from '../log.ts';
import { HookWorker, type HookSource } from './hook-worker.ts';
import type { WebhookBook } from './webhook-book.ts';

const log = logger('webhooks');

/**
 * A centre's webhooks: one worker per webhook follows the journal for ticket events; the
 * centre's status changes (`centre.status`) are sent as they happen, retried while the process
 * runs (a status is only news for a while).
 */
export class CentreWebhooks {
  private readonly workers = new Map<string, HookWorker>();
  private readonly statusSends = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly book: WebhookBook,
    private readonly source: HookSource,
    private readonly clock: () => number,
  ) {
    for (const hook of book.list()) if (hook.disabledAt === null) this.workers.set(hook.id, new HookWorker(hook, book, source, clock));
  }

  views(): WebhookView[] {
    return this.book.views();
  }

  deliveries(limit: number): DeliveryView[] {
    return this.book.deliveries(limit);
  }

  async create(input: { url: string; events: WebhookEventType[]; description: string }): Promise<{ webhook: WebhookView; secret: string }> {
    const made = await this.book.create(input, this.source.head(), this.clock());
    const hook = this.book.list().find((w) => w.id === made.webhook.id)!;
    this.workers.set(hook.id, new HookWorker(hook, this.book, this.source, this.clock));
    return made;
  }

  async disable(id: string): Promise<boolean> {
    const done = await this.book.disable(id, this.clock());
    this.workers.get(id)?.stop();
    this.workers.delete(id);
    return done;
  }

  /** The engine's durable events (engine.onChange). */
  take(day: string, events: readonly QueueEvent[]): void {
    for (const w of this.workers.values()) w.take(day, events);
  }

  /** The centre's state changed in a way integrators hear about (opened, closed, a device problem). */
  statusChanged(status: WebhookCentreStatus, at: number): void {
    const centre = this.source.centre();
    const delivery: WebhookDelivery = {
      id: `${centre.code}:status:${at}`,
      type: 'centre.status',
      occurredAt: at,
      centre: { code: centre.code, name: centre.name },
      status,
    };
    for (const hook of this.book.list()) {
      if (hook.disabledAt !== null || !hook.events.includes('centre.status')) continue;
      const send = this.sendStatus(hook, delivery).catch((e: unknown) => log.warn('status webhook failed', { error: e }));
      this.statusSends.add(send);
      void send.finally(() => this.statusSends.delete(send));
    }
  }

  private async sendStatus(webhook: { id: string; url: string; secret: string }, delivery: WebhookDelivery): Promise<void> {
    await deliverWithRetries({
      webhook,
      delivery,
      clock: this.clock,
      log: (entry) => this.book.log(entry),
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
      stopped: () => this.stopped,
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const w of this.workers.values()) w.stop();
    await Promise.all([...this.workers.values()].map((w) => w.done));
  }
}
