import type { CentreLive } from '../../protocol/hub/centre-status.ts';
import type { AppContext } from '../app/context.ts';
import { statusChanged, webhookStatus } from '../core/centre-problems.ts';
import type { GatewayServer } from '../gateway/socket-types.ts';
import { liveOf } from '../app/centre-live.ts';
import { CentreWebhooks } from './centre-webhooks.ts';
import { WebhookBook } from './webhook-book.ts';

/** How often the centre's state is looked at for `centre.status` webhooks. */
const statusEveryMs = 15_000;

/**
 * The centre's own webhooks: ticket events followed from the journal, and `centre.status` when
 * the centre opens or closes or a device problem starts or ends. Returns them and their stop.
 */
export async function startCentreWebhooks(
  ctx: AppContext,
  io: GatewayServer,
): Promise<{ webhooks: CentreWebhooks; stop(): Promise<void> }> {
  const book = await WebhookBook.open(ctx.settings.dataDir);
  const webhooks = new CentreWebhooks(
    book,
    {
      store: ctx.store,
      head: () => ({ day: ctx.engine.state.day, seq: ctx.engine.state.seq }),
      centre: () => ({
        // The same event id the hub gives, so a receiver fed by both drops the second.
        code: ctx.settings.hub?.centreCode ?? 'CENTRE',
        name: ctx.site.get().centre.name.vi,
        ratingScale: ctx.site.get().centre.ratingScale,
      }),
    },
    () => ctx.clock.now(),
  );
  const off = ctx.engine.onChange((events) => webhooks.take(ctx.engine.state.day, events));
  let last: CentreLive | null = null;
  const watch = setInterval(() => {
    const live = liveOf(ctx, io, {
      shipping: { pendingEvents: 0, oldestPendingAt: null, lastShippedAt: null, blocked: null },
      lastEventAt: null,
      catalogueVersion: null,
    });
    if (statusChanged(last, live)) webhooks.statusChanged(webhookStatus(live), live.at);
    last = live;
  }, statusEveryMs);
  return {
    webhooks,
    stop: async () => {
      clearInterval(watch);
      off();
      await webhooks.stop();
    },
  };
}
