import { adminView, kioskView } from '../app/live-views.ts';
import { displaySnapshot } from '../views/display-view.ts';
import { kioskSnapshotFor } from './kiosk-printer.ts';
import type { CommandHandlers } from './handle.ts';

/** Subscriptions: join a room, get the full view at once (also after every reconnect). */
export const viewHandlers = {
  'display:subscribe': async ({ socket, ctx }) => {
    await socket.join('display');
    return { ok: true, value: displaySnapshot(ctx.site.get(), ctx.engine.state, ctx.clock.now(), ctx.voicePack.version) };
  },

  'kiosk:subscribe': async ({ socket, ctx }) => {
    await socket.join('kiosk');
    return { ok: true, value: kioskSnapshotFor(ctx, kioskView(ctx), socket.data.principal) };
  },

  'admin:subscribe': async ({ socket, ctx }) => {
    await socket.join('admin');
    return { ok: true, value: adminView(ctx) };
  },
} satisfies Partial<CommandHandlers>;
