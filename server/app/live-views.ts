import type { AdminSnapshot, KioskSnapshot } from '../../protocol/views.ts';
import { adminSnapshot } from '../views/admin-view.ts';
import { kioskSnapshot } from '../views/kiosk-view.ts';
import type { AppContext } from './context.ts';
import { serverHealth } from './server-health.ts';

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
