import type { AppContext } from '../app/context.ts';
import type { GatewayServer } from '../gateway/socket-types.ts';
import { CataloguePull } from './catalogue-pull.ts';
import { centreProfile, liveOf } from '../app/centre-live.ts';
import { HubClient } from './hub-client.ts';
import { HubLink } from './hub-link.ts';
import { JournalShipper } from './journal-shipper.ts';
import { LinkStore } from './link-store.ts';

/**
 * Builds and starts the centre's link to its province hub from the settings (`--hub`,
 * `--centre-code`); null for a centre on its own. The engine feeds the shipper its durable events.
 */
export async function startHubLink(ctx: AppContext, io: GatewayServer): Promise<HubLink | null> {
  const settings = ctx.settings.hub;
  if (!settings) return null;
  const store = await LinkStore.open(ctx.settings.dataDir);
  let link: HubLink | null = null;
  const client = new HubClient(settings.url, () => link?.token ?? null);
  const shipper = new JournalShipper(
    client,
    store,
    { store: ctx.store, head: () => ({ day: ctx.engine.state.day, seq: ctx.engine.state.seq }) },
    settings.batchEvents,
    () => ctx.clock.now(),
  );
  const catalogue = new CataloguePull(client, store, {
    dataDir: ctx.settings.dataDir,
    catalogue: ctx.catalogue,
    serviceIds: () => new Set(ctx.site.get().services.map((s) => s.id)),
    audit: (entry) => ctx.audit.record(entry),
    clock: () => ctx.clock.now(),
    hubName: settings.url,
  });
  let lastEventAt: number | null = null;
  link = new HubLink({
    settings,
    store,
    client,
    shipper,
    catalogue,
    clock: () => ctx.clock.now(),
    statusEveryMs: settings.statusSeconds * 1000,
    report: () => {
      const config = ctx.site.get();
      return {
        live: liveOf(ctx, io, { shipping: shipper.state, lastEventAt, catalogueVersion: catalogue.version }),
        profile: centreProfile(config, ctx.auth.users()),
      };
    },
  });
  ctx.engine.onChange((events) => {
    shipper.take(ctx.engine.state.day, events);
    lastEventAt = events.at(-1)?.at ?? lastEventAt;
    link.poke();
  });
  await link.start();
  return link;
}
