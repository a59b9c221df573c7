import type { AppContext } from '../app/context.ts';
import { okResponse } from './http-results.ts';
import type { Router } from './router.ts';

/** Device health for the admin: call-button lines (frames, counters online) and the printers. */
export function addDeviceRoutes(router: Router, ctx: AppContext): void {
  router.add('deviceHealth', () =>
    okResponse({
      serverTime: ctx.clock.now(),
      buttons: ctx.buttons.health(),
      printers: ctx.printing.settings().printers.map((p) => ({ id: p.id, name: p.name, state: ctx.printing.state(p.id) })),
    }),
  );
}
