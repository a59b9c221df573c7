import { adminView, displayView, kioskView } from '../app/live-views.ts';
import { kioskSnapshotFor } from './kiosk-printer.ts';
import type { CommandHandlers } from './handle.ts';

/** Subscriptions: join a room, get the full view at once (also after every reconnect). */
export const viewHandlers = {
  'display:subscribe': async ({ socket, ctx }) => {
    await socket.join('display');
    return { ok: true, value: displayView(ctx) };
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
