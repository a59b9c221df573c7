import type { AppContext } from '../app/context.ts';
import { okResponse } from './http-results.ts';
import type { Router } from './router.ts';

/** Device health for the admin: call-button lines (frames, counters online) and the printer. */
export function addDeviceRoutes(router: Router, ctx: AppContext): void {
  router.add('deviceHealth', () => okResponse({ serverTime: ctx.clock(), buttons: ctx.buttons.health(), printer: ctx.printer.state() }));
}
