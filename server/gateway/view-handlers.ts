import { adminSnapshot } from '../views/admin-view.ts';
import { displaySnapshot } from '../views/display-view.ts';
import { kioskSnapshot } from '../views/kiosk-view.ts';
import { kioskSnapshotFor } from './kiosk-printer.ts';
import type { CommandHandlers } from './handle.ts';

/** Subscriptions: join a room, get the full view at once (also after every reconnect). */
export const viewHandlers = {
  'display:subscribe': async ({ socket, ctx }) => {
    await socket.join('display');
    return { ok: true, value: displaySnapshot(ctx.site.get(), ctx.engine.state, ctx.clock(), ctx.voicePack.version) };
  },

  'kiosk:subscribe': async ({ socket, ctx }) => {
    await socket.join('kiosk');
    const base = kioskSnapshot(ctx.site.get(), ctx.engine.state, ctx.clock(), 'no_printer');
    return { ok: true, value: kioskSnapshotFor(ctx, base, socket.data.principal) };
  },

  'admin:subscribe': async ({ socket, ctx }) => {
    await socket.join('admin');
    return {
      ok: true,
      value: { ...adminSnapshot(ctx.site.get(), ctx.engine.state, ctx.clock(), ctx.engine.journalDamage), buttons: ctx.buttons.health() },
    };
  },
} satisfies Partial<CommandHandlers>;
