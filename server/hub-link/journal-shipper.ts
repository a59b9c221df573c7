import type { QueueEvent } from '../core/model.ts';
import { logger } from '../log.ts';
import type { QueueStore } from '../store/queue-store.ts';
import type { HubAnswer, HubClient } from './hub-client.ts';
import type { LinkStore } from './link-store.ts';

const log = logger('hub-shipper');

/** Where the shipper reads: the store for any day, and the engine's durable events as they happen. */
export interface ShipperSource {
  store: Pick<QueueStore, 'listDays' | 'readDay' | 'readEvents'>;
  /** The open day and the seq of its last durable event. */
  head(): { day: string; seq: number };
}

/** How far the hub is behind, for the status report and the admin page. */
export interface ShippingState {
  pendingEvents: number;
  oldestPendingAt: number | null;
  lastShippedAt: number | null;
  /** A day the hub refused (its events differ from what it holds): it needs a technician. */
  blocked: { day: string; seq: number; code: string } | null;
}

/** Events of the open day kept in memory for shipping, beyond which they are read back from the journal. */
const liveBufferLimit = 20_000;

/**
 * Ships the journal to the hub: every day the hub does not hold to its last event, in order, in
 * batches, each acknowledged with the hub's cursor. Nothing is shipped twice on purpose and the
 * hub stores a resent event once, so an outage of any length, or a kill on either side, ends
 * with every event at the hub exactly once. Past days the hub has whole are remembered and not
 * read again.
 */
export class JournalShipper {
  private cursors: Map<string, number> | null = null;
  private readonly counts = new Map<string, number>();
  private live: { day: string; events: QueueEvent[] } = { day: '', events: [] };
  readonly state: ShippingState = { pendingEvents: 0, oldestPendingAt: null, lastShippedAt: null, blocked: null };

  constructor(
    private readonly client: HubClient,
    private readonly link: LinkStore,
    private readonly source: ShipperSource,
    private readonly batchEvents: number,
    private readonly clock: () => number,
  ) {}

  /** The engine's durable events, as they are acknowledged (engine.onChange). */
  take(day: string, events: readonly QueueEvent[]): void {
    if (this.live.day !== day) this.live = { day, events: [] };
    this.live.events.push(...events);
    if (this.live.events.length > liveBufferLimit) this.live.events.splice(0, this.live.events.length - liveBufferLimit);
  }

  /** Forget the hub's cursors: the next round asks for them again (after a reconnect). */
  resync(): void {
    this.cursors = null;
  }

  /** One round: ships everything pending; stops at the first call that does not go through. */
  async round(): Promise<HubAnswer<null>> {
    if (!this.cursors) {
      const got = await this.client.call('cursor');
      if (!got.ok) return got;
      this.cursors = new Map(got.value.days.map((d) => [d.day, d.seq]));
      await this.forgetDaysTheHubLost();
    }
    const head = this.source.head();
    const days = [...new Set([...(await this.source.store.listDays()), head.day])].sort();
    const plan: Array<{ day: string; total: number }> = [];
    for (const day of days) {
      if (day !== head.day && this.link.data.shippedDays[day] !== undefined) continue;
      if (this.state.blocked?.day === day) continue;
      plan.push({ day, total: day === head.day ? head.seq : await this.count(day) });
    }
    await this.measure(plan);
    for (const { day, total } of plan) {
      const shipped = await this.shipDay(day, total);
      if (!shipped.ok) return shipped;
      if (day < head.day && (this.cursors.get(day) ?? 0) >= total) await this.link.update((d) => void (d.shippedDays[day] = total));
    }
    await this.measure(plan);
    return { ok: true, value: null };
  }

  private async shipDay(day: string, total: number): Promise<HubAnswer<null>> {
    let at = this.cursors!.get(day) ?? 0;
    while (at < total) {
      const events = await this.eventsAfter(day, at);
      if (events.length === 0) break;
      const sent = await this.client.call('shipEvents', { body: { day, events } });
      if (!sent.ok) {
        if (sent.kind === 'refused' && sent.code === 'hub:link.gap' && typeof sent.params.seq === 'number') {
          // The hub has fewer than we thought (its database was restored): resend from where it is.
          at = sent.params.seq;
          this.cursors!.set(day, at);
          continue;
        }
        if (sent.kind === 'refused' && (sent.code === 'hub:link.conflict' || sent.code === 'hub:link.unusable')) {
          this.state.blocked = { day, seq: Number(sent.params.at ?? at + 1), code: sent.code };
          log.error('the hub refused events of a day; shipping skips it', { ...this.state.blocked });
          return { ok: true, value: null };
        }
        return sent;
      }
      this.state.pendingEvents = Math.max(0, this.state.pendingEvents - (sent.value.seq - at));
      this.state.oldestPendingAt = events.at(-1)!.at;
      at = sent.value.seq;
      this.cursors!.set(day, at);
      this.state.lastShippedAt = this.clock();
      if (this.live.day === day) {
        const keep = this.live.events.findIndex((e) => e.seq > at);
        this.live.events.splice(0, keep === -1 ? this.live.events.length : keep);
      }
    }
    return { ok: true, value: null };
  }

  /** The next batch after `at`: from memory for the open day when it has them, else from the journal. */
  private async eventsAfter(day: string, at: number): Promise<QueueEvent[]> {
    const buffered = this.live.day === day ? this.live.events : [];
    const first = buffered[0];
    if (first && first.seq <= at + 1 && buffered.at(-1)!.seq > at) {
      const from = at + 1 - first.seq;
      return buffered.slice(from, from + this.batchEvents);
    }
    return this.source.store.readEvents(day, at, this.batchEvents);
  }

  /** A finished day's length: read once, it no longer changes. */
  private async count(day: string): Promise<number> {
    let n = this.counts.get(day);
    if (n === undefined) {
      n = (await this.source.store.readDay(day)).length;
      this.counts.set(day, n);
    }
    return n;
  }

  /** A day remembered as shipped whole that the hub no longer holds whole is shipped again. */
  private async forgetDaysTheHubLost(): Promise<void> {
    const lost = Object.entries(this.link.data.shippedDays).filter(([day, total]) => (this.cursors!.get(day) ?? 0) < total);
    if (lost.length === 0) return;
    log.warn('the hub lacks days it had acknowledged; shipping them again', { days: lost.map(([d]) => d) });
    await this.link.update((d) => {
      for (const [day] of lost) delete d.shippedDays[day];
    });
  }

  /** Counts what the hub lacks and finds when the oldest of it happened. */
  private async measure(plan: ReadonlyArray<{ day: string; total: number }>): Promise<void> {
    let pending = 0;
    let oldest: { day: string; after: number } | null = null;
    for (const { day, total } of plan) {
      const after = this.cursors?.get(day) ?? 0;
      if (total <= after) continue;
      pending += total - after;
      oldest ??= { day, after };
    }
    this.state.pendingEvents = pending;
    this.state.oldestPendingAt = oldest ? ((await this.eventsAfter(oldest.day, oldest.after))[0]?.at ?? null) : null;
  }
}
