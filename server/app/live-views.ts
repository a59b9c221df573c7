import type { AdminSnapshot, DisplaySnapshot, KioskSnapshot, TicketPublicView } from '../../protocol/views.ts';
import type { Ticket } from '../core/model.ts';
import { ticketPublicView } from '../views/ticket-view.ts';
import { adminSnapshot } from '../views/admin-view.ts';
import { displaySnapshot } from '../views/display-view.ts';
import { kioskSnapshot } from '../views/kiosk-view.ts';
import type { AppContext } from './context.ts';
import { serverHealth } from './server-health.ts';
import { sharedView } from '../views/shared-view.ts';

const displayViews = new WeakMap<AppContext, () => DisplaySnapshot>();

/**
 * The lobby board's snapshot, built once per queue event and config change and shared by every
 * board; only its `serverTime` (the boards set their clocks by it) is the time of asking.
 */
export function displayView(ctx: AppContext): DisplaySnapshot {
  let view = displayViews.get(ctx);
  if (!view) {
    const state = () => ctx.engine.state;
    view = sharedView(
      () => [ctx.site.get(), state(), state().day, state().seq, ctx.voicePack.version],
      () => displaySnapshot(ctx.site.get(), state(), ctx.clock.now(), ctx.voicePack.version),
    );
    displayViews.set(ctx, view);
  }
  return { ...view(), serverTime: ctx.clock.now() };
}

const followViews = new WeakMap<AppContext, () => Map<string, TicketPublicView>>();

/**
 * What a ticket's follow page shows, built once per queue event for each followed ticket and
 * shared by every phone and request that asks; at least once a second, since the estimated
 * wait moves with the clock as well.
 */
export function followView(ctx: AppContext, ticket: Ticket): TicketPublicView {
  let views = followViews.get(ctx);
  if (!views) {
    const state = () => ctx.engine.state;
    views = sharedView(
      () => [ctx.site.get(), state(), state().day, state().seq, Math.floor(ctx.clock.monotonic() / 1000)],
      () => new Map<string, TicketPublicView>(),
    );
    followViews.set(ctx, views);
  }
  const built = views();
  let view = built.get(ticket.id);
  if (!view) built.set(ticket.id, (view = ticketPublicView(ctx.site.get(), ctx.engine.state, ticket, ctx.clock.now())));
  return view;
}

/**
 * The kiosk's view now: services, waits, and whether numbers can be issued at all. Its printer
 * is each kiosk's own, filled in per caller (`kioskSnapshotFor`).
 */
export function kioskView(ctx: AppContext): KioskSnapshot {
  return kioskSnapshot(ctx.site.get(), ctx.engine.state, ctx.clock.now(), 'no_printer', ctx.engine.issuing);
}

/** The admin dashboard's view now, with the server's health and the call-button lines. */
export function adminView(ctx: AppContext): AdminSnapshot {
  return { ...adminSnapshot(ctx.site.get(), ctx.engine.state, ctx.clock.now(), serverHealth(ctx)), buttons: ctx.buttons.health() };
}
