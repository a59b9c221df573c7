import type { WebhookDelivery } from '../../protocol/webhooks.ts';
import { applyEvent } from '../core/apply-event.ts';
import type { QueueEvent } from '../core/model.ts';
import { emptyDayState, type QueueState } from '../core/queue-state.ts';
import { ticketDelivery } from '../core/webhook-event.ts';
import type { QueueStore } from '../store/queue-store.ts';
import type { StoredWebhook, WebhookBook } from './webhook-book.ts';
import { deliverWithRetries } from './deliver-with-retries.ts';

/** What a worker reads: the journal of any day, the open day's head, and who the centre is. */
export interface HookSource {
  store: Pick<QueueStore, 'listDays' | 'readDay'>;
  head(): { day: string; seq: number };
  centre(): { code: string; name: string; ratingScale: 3 | 5 };
}

/** Skipped events move the stored cursor at most this often; a restart repeats a few at worst. */
const cursorEvery = 200;
const liveKept = 20_000;

/**
 * Delivers one webhook's ticket events, in journal order, each retried until it is delivered or
 * its retries are spent: the journal is the outbox, and the stored cursor says how far it got,
 * so a restart or a receiver down for a day loses nothing (receivers drop repeats by `id`).
 */
export class HookWorker {
  private day: string | null = null;
  /** The day being delivered, from the journal and then as it grows. */
  private events: QueueEvent[] = [];
  /** The open day's events as the engine hands them over, so a growing day is not read again. */
  private live: { day: string; events: QueueEvent[] } = { day: '', events: [] };
  private state: QueueState | null = null;
  private wake: (() => void) | null = null;
  private readonly sleepers = new Set<() => void>();
  /** Set by new events, so events that come while a round is under way are not slept through. */
  private dirty = false;
  private stopped = false;
  private sinceSaved = 0;
  readonly done: Promise<void>;

  constructor(
    private readonly hook: StoredWebhook,
    private readonly book: WebhookBook,
    private readonly source: HookSource,
    private readonly clock: () => number,
  ) {
    this.done = this.run();
  }

  /** The open day's new durable events. */
  take(day: string, events: readonly QueueEvent[]): void {
    if (this.live.day !== day) this.live = { day, events: [] };
    this.live.events.push(...events);
    if (this.live.events.length > liveKept) this.live.events.splice(0, this.live.events.length - liveKept);
    if (day === this.day) this.extend();
    this.dirty = true;
    this.wake?.();
  }

  /** Appends the live events that follow on from the day as read. */
  private extend(): void {
    for (const e of this.live.events) if (e.seq === this.events.length + 1) this.events.push(e);
  }

  stop(): void {
    this.stopped = true;
    for (const done of [...this.sleepers]) done();
  }

  private async run(): Promise<void> {
    while (!this.stopped && this.hook.disabledAt === null) {
      this.dirty = false;
      const next = await this.nextEvent();
      if (next) await this.deliver(next.event, next.delivery);
      else await this.idle();
    }
  }

  /** The next event after the cursor that this webhook wants, folding the ones in between. */
  private async nextEvent(): Promise<{ event: QueueEvent; delivery: WebhookDelivery } | null> {
    const { cursor } = this.hook;
    const head = this.source.head();
    if (this.day !== cursor.day || !this.state) await this.load(cursor.day, cursor.seq);
    for (;;) {
      const event = this.events[this.state!.seq];
      if (!event) break;
      applyEvent(this.state!, event);
      const ticket = 'ticketId' in event ? this.state!.tickets.get(event.ticketId) : undefined;
      const delivery = ticket ? ticketDelivery(event, ticket, this.source.centre(), this.day!) : null;
      if (delivery && this.hook.events.includes(delivery.type)) return { event, delivery };
      await this.moveCursor(this.day!, event.seq, false);
    }
    // The day is done once a later day has begun: go on with the next one that has a journal.
    if (this.day! < head.day) {
      const days = await this.source.store.listDays();
      const later = [...days, head.day].filter((d) => d > this.day!).sort()[0]!;
      await this.moveCursor(later, 0, true);
      this.state = null;
      return this.nextEvent();
    }
    return null;
  }

  private async load(day: string, upTo: number): Promise<void> {
    this.events = await this.source.store.readDay(day);
    this.day = day;
    if (this.live.day === day) this.extend();
    this.state = emptyDayState(day);
    for (const e of this.events.slice(0, upTo)) applyEvent(this.state, e);
  }

  private async deliver(event: QueueEvent, delivery: WebhookDelivery): Promise<void> {
    const outcome = await deliverWithRetries({
      webhook: this.hook,
      delivery,
      clock: this.clock,
      log: (entry) => this.book.log(entry),
      // A retry waits out its delay: new events do not hurry a receiver that is down.
      wait: (ms) => this.sleep(ms, false),
      stopped: () => this.stopped,
    });
    // Delivered or given up on (the log says which): the next event's turn, remembered even when
    // the centre is stopping, so a restart does not send it again. Still pending: sent after the restart.
    if (outcome !== 'pending') await this.moveCursor(this.day!, event.seq, true);
  }

  private async moveCursor(day: string, seq: number, save: boolean): Promise<void> {
    this.hook.cursor = { day, seq };
    if (save || ++this.sinceSaved >= cursorEvery) {
      this.sinceSaved = 0;
      await this.book.advance(this.hook.id, this.hook.cursor);
    }
  }

  private async idle(): Promise<void> {
    if (this.sinceSaved > 0) await this.moveCursor(this.hook.cursor.day, this.hook.cursor.seq, true);
    if (this.dirty) return;
    // Woken by new events; the timer also notices a day that began with no event yet.
    await this.sleep(30_000, true);
  }

  private sleep(ms: number, wakeOnEvents: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
      if (wakeOnEvents) this.wake = done;
    });
  }
}
