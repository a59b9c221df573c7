import { DisplaySubscribePayload } from '../../protocol/commands.ts';
import { isAdmin, isKiosk } from '../auth/principal.ts';
import type { AppContext } from '../app/context.ts';
import { parsePayload } from '../app/results.ts';
import { adminSnapshot } from '../views/admin-view.ts';
import { displaySnapshot } from '../views/display-view.ts';
import { kioskSnapshot } from '../views/kiosk-view.ts';
import { handle, refuse } from './handle.ts';
import type { GatewaySocket } from './socket-types.ts';

/** Subscriptions: join a room, get the full view at once (also after every reconnect). */
export function registerViewHandlers(socket: GatewaySocket, ctx: AppContext): void {
  handle(socket, ctx, 'display:subscribe', async (payload) => {
    const p = parsePayload(DisplaySubscribePayload, payload);
    if (!p.ok) return refuse(ctx, socket, p.refusal.code, p.refusal.params);
    await socket.join('display');
    return { ok: true, value: displaySnapshot(ctx.site.get(), ctx.engine.state, ctx.clock()) };
  });

  handle(socket, ctx, 'kiosk:subscribe', async () => {
    const principal = socket.data.principal;
    if (!isKiosk(principal) && principal.role !== 'user')
      return refuse(ctx, socket, principal.role === 'public' ? 'unauthenticated' : 'forbidden');
    await socket.join('kiosk');
    return { ok: true, value: kioskSnapshot(ctx.site.get(), ctx.engine.state, ctx.clock(), ctx.printer.state()) };
  });

  handle(socket, ctx, 'admin:subscribe', async () => {
    if (!isAdmin(socket.data.principal))
      return refuse(ctx, socket, socket.data.principal.role === 'public' ? 'unauthenticated' : 'forbidden');
    await socket.join('admin');
    return {
      ok: true,
      value: { ...adminSnapshot(ctx.site.get(), ctx.engine.state, ctx.clock(), ctx.engine.journalDamage), buttons: ctx.buttons.health() },
    };
  });
}
