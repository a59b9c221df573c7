import type { CentreLinkState, CentreView, HubSnapshot } from '../../protocol/hub/centres.ts';
import type { WebhookDelivery } from '../../protocol/webhooks.ts';
import { webhookStatus } from '../../server/core/centre-problems.ts';
import { logger } from '../../server/log.ts';
import type { Database } from '../db/database.ts';
import type { CentreRecord, CentreRegistry } from '../store/centre-registry.ts';
import type { HubWebhookStore } from '../webhooks/webhook-store.ts';

const log = logger('hub-live');

/** A centre that has not been heard from for this long is shown as out of touch. */
export const staleAfterMs = 60_000;

/** Pushes a board snapshot: to the province, and each centre's part to its own managers. */
export type SnapshotPush = (snapshot: HubSnapshot) => void;

/**
 * The province's live status board: every centre's last reported state, how it is linked, and
 * how far its events have reached the hub. Changes are pushed at most once a second; a tick
 * every few seconds ages links, and a centre that falls out of touch raises `centre.status`.
 */
export class HubLive {
  private push: SnapshotPush | null = null;
  private pending: NodeJS.Timeout | null = null;
  private ticker: NodeJS.Timeout | null = null;
  private readonly known = new Map<number, CentreLinkState>();

  constructor(
    private readonly db: Database,
    private readonly centres: CentreRegistry,
    private readonly webhooks: HubWebhookStore,
    private readonly clock: () => number,
    private readonly onWebhooks: () => void,
  ) {}

  /** The gateway's way of reaching the people watching. */
  attach(push: SnapshotPush): void {
    this.push = push;
  }

  start(tickMs = 5000): void {
    this.ticker = setInterval(() => void this.tick(), tickMs);
  }

  /** Every centre of the province; callers narrow it to what the reader may see. */
  async snapshot(): Promise<HubSnapshot> {
    const now = this.clock();
    const [centres, received] = await Promise.all([this.centres.list(), this.received()]);
    return { serverTime: now, centres: centres.map((c) => view(c, received.get(c.id), now)) };
  }

  /** Something changed: push soon, once for everything that changes within the second. */
  changed(): void {
    if (this.pending || !this.push) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.snapshot().then(
        (snapshot) => this.push?.(snapshot),
        (e: unknown) => log.warn('snapshot push failed', { error: e }),
      );
    }, 1000);
  }

  /** Ages links; a centre going out of touch gets a `centre.status` webhook with `link.lost`. */
  private async tick(): Promise<void> {
    try {
      const now = this.clock();
      let moved = false;
      for (const c of await this.centres.list()) {
        const state = linkState(c, now);
        const before = this.known.get(c.id);
        this.known.set(c.id, state);
        if (before === undefined || before === state) continue;
        moved = true;
        if (state === 'stale' && before === 'online' && c.live) await this.linkLost(c);
      }
      if (moved) this.changed();
    } catch (e) {
      log.warn('status tick failed', { error: e });
    }
  }

  private async linkLost(c: CentreRecord): Promise<void> {
    const delivery: WebhookDelivery = {
      // Named by the contact that was the last, so every hub process queues it once.
      id: `${c.code}:link-lost:${c.lastContactAt}`,
      type: 'centre.status',
      occurredAt: this.clock(),
      centre: { code: c.code, name: c.name },
      status: webhookStatus(c.live!, ['link.lost']),
    };
    await this.queue(c.id, delivery);
  }

  /** Queues a `centre.status` webhook for a centre whose reported state changed. */
  async statusChanged(c: CentreRecord): Promise<void> {
    if (!c.live) return;
    await this.queue(c.id, {
      id: `${c.code}:status:${c.live.at}`,
      type: 'centre.status',
      occurredAt: c.live.at,
      centre: { code: c.code, name: c.name },
      status: webhookStatus(c.live, []),
    });
  }

  private async queue(centreId: number, delivery: WebhookDelivery): Promise<void> {
    await this.db.transaction(async (tx) => {
      const targets = (await this.webhooks.forCentre(tx, centreId))(delivery);
      await this.webhooks.enqueue(
        tx,
        targets.map((webhookId) => ({ webhookId, delivery })),
        this.clock(),
      );
    });
    this.onWebhooks();
  }

  private async received(): Promise<Map<number, CentreView['received']>> {
    const rows = await this.db.query<{ centre_id: number; day: string; seq: number; last_event_at: number | null }>(
      `select distinct on (centre_id) centre_id, day::text as day, seq,
         (select max(last_event_at) from day_cursors d where d.centre_id = c.centre_id) as last_event_at
       from day_cursors c order by centre_id, day desc`,
    );
    return new Map(rows.map((r) => [r.centre_id, { day: r.day, seq: r.seq, lastEventAt: r.last_event_at }]));
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    if (this.pending) clearTimeout(this.pending);
  }
}

export function linkState(c: Pick<CentreRecord, 'revokedAt' | 'joinedAt' | 'lastContactAt'>, now: number): CentreLinkState {
  if (c.revokedAt !== null) return 'revoked';
  if (c.joinedAt === null) return 'never';
  return c.lastContactAt !== null && now - c.lastContactAt <= staleAfterMs ? 'online' : 'stale';
}

function view(c: CentreRecord, received: CentreView['received'] | undefined, now: number): CentreView {
  return {
    code: c.code,
    name: c.name,
    level: c.level,
    createdAt: c.createdAt,
    joinedAt: c.joinedAt,
    revokedAt: c.revokedAt,
    joinCodeExpiresAt: c.joinCodeExpiresAt !== null && c.joinCodeExpiresAt > now ? c.joinCodeExpiresAt : null,
    link: linkState(c, now),
    lastContactAt: c.lastContactAt,
    live: c.live,
    received: received ?? { day: null, seq: 0, lastEventAt: null },
  };
}
