import { isAdmin } from '../auth/principal.ts';
import type { AppContext } from '../app/context.ts';
import { httpError, okResponse } from './http-results.ts';
import type { Router } from './router.ts';

/** Device health for the admin: call-button lines (frames, counters online) and the printer. */
export function addDeviceRoutes(router: Router, ctx: AppContext): void {
  router.add('GET', '/api/devices/health', (r) => {
    if (!isAdmin(r.principal)) return httpError(ctx, r, r.principal.role === 'public' ? 'unauthenticated' : 'forbidden');
    return okResponse({ serverTime: ctx.clock(), buttons: ctx.buttons.health(), printer: ctx.printer.state() });
  });
}
