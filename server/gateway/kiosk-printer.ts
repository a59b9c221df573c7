import type { AppContext } from '../app/context.ts';
import type { Principal } from '../auth/principal.ts';
import type { KioskSnapshot } from '../../protocol/views.ts';
import { withPrinter } from '../views/kiosk-view.ts';

/** The kiosk snapshot as this caller sees it: a kiosk with its own printer, staff with the first. */
export function kioskSnapshotFor(ctx: AppContext, base: KioskSnapshot, principal: Principal): KioskSnapshot {
  const kioskId = principal.role === 'device' ? principal.device.id : null;
  return withPrinter(base, ctx.printing.state(ctx.printing.printerFor(kioskId)));
}
